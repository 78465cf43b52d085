"""Benchmark of the patent import on PostgreSQL.

    .venv/bin/python bench/import_patents.py [--rows 1000000] [--database-url postgres://…/zhichan_bench]

Writes a CSV of N patents in the official export layout (valid check digits, realistic values, some applicants
that are enterprises of the register), then times on PostgreSQL:
  (a) our importer end to end (reading, validation, holders and regions, upsert, history, events), and the same
      file again (idempotent: everything unchanged);
  (b) a naive import saving one row at a time through the model (a sample, extrapolated to N);
  (c) a bare COPY of the same file into an unindexed table of text columns.
Prints rows/s, the ratios, and the peak memory of this process. The database is created if missing and its
registry tables are emptied between runs: never point it at a database whose data you want to keep.
"""

import argparse
import csv
import os
import random
import resource
import time
from datetime import date, timedelta
from pathlib import Path

from common import setup_django

HEADERS = [
    "申请号",
    "申请日",
    "公开（公告）号",
    "公开（公告）日",
    "授权公告日",
    "发明名称",
    "申请（专利权）人",
    "发明（设计）人",
    "地址",
    "IPC分类号",
    "主分类号",
    "专利代理机构",
    "法律状态",
    "法律状态公告日",
]
LAST_GRANT = date(2024, 12, 31)  # the end of the generated years (the programme's end)
NAIVE_SAMPLE = 5000
TARGET_RATE, TARGET_COPY_SHARE, TARGET_MEMORY = 30_000, 1 / 3, 1 << 30


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench")
    parser.add_argument("--naive-sample", type=int, default=NAIVE_SAMPLE)
    parser.add_argument("--seed", type=int, default=20240601)
    return parser.parse_args()


# --- the file ------------------------------------------------------------------------------------------------


def generate(path: Path, rows: int, seed: int, applicants: list[str], places: list[str]):
    from zhichan.registry.identifiers import patent_check_digit

    rng = random.Random(seed)
    subjects = ["石材", "茶叶", "陶瓷", "水暖阀门", "服装", "鞋", "食品", "机械", "电子元件", "包装", "建材", "五金"]
    devices = ["切割装置", "加工方法", "烘焙机", "检测系统", "连接结构", "成型模具", "清洗设备", "控制电路", "包装盒"]
    ipcs = ["B28D1/04", "A23F3/06", "F16K11/065", "G06F17/30", "B65D5/00", "A43B13/14", "H01L21/67", "E04F13/08"]
    statuses = [
        ("授权", True),
        ("未缴年费专利权终止", True),
        ("发明专利申请公布后的视为撤回", True),
        ("专利权的终止", True),
        ("实质审查的生效", False),
        ("有效", False),
        ("", False),
    ]
    inventors = ["张伟", "王芳", "李娜", "刘洋", "陈杰", "黄磊", "林静", "吴强", "郑敏", "洪涛"]
    agencies = ["泉州市立信专利代理事务所", "厦门市精诚新创知识产权代理有限公司", "福州元创专利商标代理有限公司", ""]
    start = date(2003, 10, 1)
    span = (date(2024, 12, 31) - start).days
    serials: dict[tuple, int] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for _ in range(rows):
            filed = start + timedelta(days=rng.randrange(span))
            type_code = rng.choice("1112223")
            serial = serials.get((filed.year, type_code), rng.randrange(1000)) + 1 + rng.randrange(3)
            serials[(filed.year, type_code)] = serial
            digits = f"{filed.year}{type_code}{serial:07d}"
            number = f"{digits}.{patent_check_digit(digits)}"
            published = filed + timedelta(days=rng.randrange(90, 540))
            granted = filed + timedelta(days=rng.randrange(180, 1500)) if rng.random() < 0.6 else None
            if granted and granted > LAST_GRANT:
                granted = None  # still pending: a grant after the day the benchmark runs would be refused
            status, dated = rng.choice(statuses)
            status_day = (granted or published) if dated else None
            codes = rng.sample(ipcs, rng.randrange(1, 3))
            writer.writerow(
                [
                    number,
                    filed.isoformat() if rng.random() < 0.7 else filed.strftime("%Y.%m.%d"),
                    f"CN{100000000 + serial}A",
                    published.isoformat(),
                    granted.strftime("%Y%m%d") if granted else "",
                    f"一种{rng.choice(subjects)}{rng.choice(devices)}",
                    rng.choice(applicants),
                    ";".join(rng.sample(inventors, rng.randrange(1, 4))),
                    rng.choice(places),
                    " ".join(f"{code}(2006.01)" for code in codes),
                    codes[0],
                    rng.choice(agencies),
                    status,
                    status_day.isoformat() if status_day else "",
                ]
            )


def pools(seed: int):
    """Applicant names (a fifth of them enterprises of the register) and addresses in and out of the county."""
    from zhichan.core.models import Region
    from zhichan.registry.models import Enterprise

    rng = random.Random(seed)
    townships = list(Region.objects.filter(kind__in=["town", "subdistrict", "township"]).values_list("pk", "name"))
    names = [
        f"南安市{word}{kind}有限公司"
        for word in ["鑫源", "华辉", "恒达", "永隆", "金利", "宏图", "泉发", "新美", "南丰", "盛达"]
        for kind in ["石业", "茶业", "五金", "陶瓷", "机械", "阀门", "服饰", "食品", "电子", "建材"]
    ]
    names = [f"{name[:3]}{i}{name[3:]}" if i else name for i in range(20) for name in names]
    Enterprise.objects.filter(name__in=names).delete()
    Enterprise.objects.bulk_create(
        [Enterprise(name=name, region_id=rng.choice(townships)[0]) for name in names[: len(names) // 5]]
    )
    places = [
        f"福建省南安市{name}{rng.choice(['', '工业区', '示范路'])}{n}号" for _pk, name in townships for n in range(30)
    ]
    places += [f"福建省泉州市晋江市安海镇{n}号" for n in range(100)] + ["福建省南安市"] * 50
    return names, places


# --- the three runs ------------------------------------------------------------------------------------------


def empty_register():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE registry_patent, registry_historicalpatent, registry_patentevent, "
            "registry_historicalpatentevent, registry_patent_holders CASCADE"
        )


def run_ours(path: Path):
    from zhichan.core.imports.running import run_import
    from zhichan.core.models import ImportBatch

    batch = ImportBatch.objects.create(kind="patent", file_name=path.name, source="bench", language="en")
    started, cpu = time.perf_counter(), time.process_time()
    batch = run_import(batch, path, limit=path.stat().st_size + 1)
    elapsed = time.perf_counter() - started
    batch.cpu_seconds = time.process_time() - cpu
    return batch, elapsed


def run_naive(path: Path, sample: int) -> float:
    """Saves the file's first `sample` rows one at a time; a row the model refuses (a grant date after today, as
    the importer refuses it too) is skipped, its time counted."""
    from django.core.exceptions import ValidationError

    from zhichan.core.imports.values import parse_date, text
    from zhichan.registry.services.entries import create_patent

    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for index, row in enumerate(reader):
            if index >= sample:
                break
            try:
                create_patent(
                    None,
                    row[0],
                    filing_date=parse_date(row[1]),
                    publication_number=text(row[2]),
                    publication_date=parse_date(row[3]),
                    grant_date=parse_date(row[4]),
                    title=row[5],
                    applicants=row[6],
                    inventors=row[7],
                    address=row[8],
                    ipc_codes=row[9],
                    main_ipc=row[10],
                    agency=row[11],
                    source="naive",
                )
            except ValidationError:
                continue
    return time.perf_counter() - started


def run_copy(path: Path) -> float:
    from django.db import connection

    columns = ", ".join(f"c{i} text" for i in range(len(HEADERS)))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_bare_copy")
        cursor.execute(f"CREATE TABLE bench_bare_copy ({columns})")
        started = time.perf_counter()
        with cursor.cursor.copy("COPY bench_bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    copy.write(chunk)
        elapsed = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_bare_copy")
    return elapsed


def main():
    args = arguments()
    setup_django(args.database_url)
    import logging

    from django.conf import settings

    logging.basicConfig(format="    %(message)s")
    logging.getLogger("zhichan.imports").setLevel(logging.INFO)
    applicants, places = pools(args.seed)

    path = Path(settings.VAR_DIR) / "bench" / f"patents-{args.rows}-{args.seed}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.rows, args.seed, applicants, places)
        print(f"generated {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
    rows = args.rows

    copy_seconds = run_copy(path)
    empty_register()
    batch, ours_seconds = run_ours(path)
    again, again_seconds = run_ours(path)
    empty_register()
    sample = min(args.naive_sample, rows)
    naive_seconds = run_naive(path, sample) * rows / sample if sample else float("nan")
    empty_register()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    ours, copy_rate, naive = rows / ours_seconds, rows / copy_seconds, rows / naive_seconds  # nan: not measured
    print(f"rows: {rows:,}; file {path.stat().st_size / 1e6:.0f} MB; PostgreSQL at {args.database_url}")
    print(
        f"(a) our importer:   {ours_seconds:8.1f} s  {ours:10,.0f} rows/s  "
        f"(created {batch.created_count:,}, rejected {batch.rejected_count:,}, state {batch.state})"
    )
    print(
        f"    of which this process's CPU: {batch.cpu_seconds:.1f} s ({rows / batch.cpu_seconds:,.0f} rows per "
        "CPU-second); the rest is PostgreSQL's work and waiting for a core"
    )
    print(
        f"    re-import:      {again_seconds:8.1f} s  {rows / again_seconds:10,.0f} rows/s  "
        f"(unchanged {again.unchanged_count:,}, created {again.created_count:,})"
    )
    print(
        f"(b) naive per row:  {naive_seconds:8.1f} s  {naive:10,.0f} rows/s  "
        f"(measured on {sample:,} rows, extrapolated to {rows:,})"
    )
    print(f"(c) bare COPY:      {copy_seconds:8.1f} s  {copy_rate:10,.0f} rows/s  (unindexed table of text columns)")
    print(f"ours / naive: {ours / naive:.1f}x; ours / bare COPY: {ours / copy_rate:.2f}")
    print(f"peak memory (this process, max RSS): {peak / 2**20:.0f} MiB")
    print(f"load average over the last 5 minutes: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    checks = [
        (ours >= TARGET_RATE, f"≥ {TARGET_RATE:,} validated rows/s"),
        (ours >= copy_rate * TARGET_COPY_SHARE, "≥ 1/3 of bare COPY's rate"),
        (peak <= TARGET_MEMORY, "peak memory ≤ 1 GiB"),
    ]
    for ok, what in checks:
        print(f"  {'met' if ok else 'MISSED'}: {what}")


if __name__ == "__main__":
    main()
