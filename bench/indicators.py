"""Benchmark of the indicators on PostgreSQL: a full recompute, and the leadership dashboard under load.

    .venv/bin/python bench/indicators.py [--patents 1000000] [--trademarks 150000] [--clients 20] [--seconds 20]
                                          [--only compute|load] [--database-url postgres://…/zhichan_bench_indicators]

Fills its own database (created if missing; the registry is rebuilt when the sizes differ) with a synthetic
register of Nan'an: patents of the three types with grants, lapses and restorations, trademarks with renewals,
recorded ends and cancellations, copyrights, designated enterprises, township populations and approved reported
figures. Then, in the same run:
  (a) our compute of every indicator for every region and every month, quarter and year of 2022–2024;
  (b) a naive loop: one ORM query per input, region and period, one save per value (measured on one month and a
      few regions, extrapolated to every period and region);
  (c) the leadership dashboard's API and page served by gunicorn as in production (gunicorn.conf.py), under N
      concurrent clients on 127.0.0.1 for S seconds each, beside /healthz (a few small queries, the server's floor)
      under the same load; latency seen by the clients and server time from the Server-Timing header, p50 and p95.
`--only compute` runs (a) and (b), `--only load` runs (c) alone (on the values the database holds, computed
first if it has none); `--clients 1` serves one request at a time, the server time without contention.
Never point it at a database whose data you want to keep.
"""

import argparse
import http.client
import os
import random
import runpy
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

from common import ROOT, copy_rows, setup_django

YEARS = (2022, 2024)
TARGET_COMPUTE, TARGET_API_P95, TARGET_PAGE_P95 = 3.0, 50.0, 150.0
BENCH_SOURCE = "基准测试合成数据（虚构）"
NAIVE_REGIONS = 4  # the naive loop is measured on this many regions (and one month), then extrapolated


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patents", type=int, default=1_000_000)
    parser.add_argument("--trademarks", type=int, default=150_000)
    parser.add_argument("--copyrights", type=int, default=30_000)
    parser.add_argument("--enterprises", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--only", choices=["compute", "load"], help="run (a) and (b), or (c), alone")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--seed", type=int, default=20221)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_indicators")
    return parser.parse_args()


# --- the register --------------------------------------------------------------------------------------------


def townships():
    from zhichan.core.models import Region, RegionKind

    return list(Region.objects.filter(path__startswith=county().path, kind__in=RegionKind.township_level()))


def county():
    from zhichan.core.models import Region

    return Region.objects.get(code="350583")


def register_size() -> dict:
    from zhichan.registry.models import Copyright, Enterprise, Patent, Trademark

    return {
        "patents": Patent.objects.count(),
        "trademarks": Trademark.objects.count(),
        "copyrights": Copyright.objects.count(),
        "enterprises": Enterprise.objects.count(),
    }


def empty_register():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE registry_patent, registry_patentevent, registry_patent_holders, registry_trademark, "
            "registry_trademarkevent, registry_trademark_holders, registry_copyright, registry_copyright_owners, "
            "registry_enterprise, registry_enterprisedesignation, indicators_indicatorvalue CASCADE"
        )


def _day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def fill_patents(rng, count: int, places: list[int]):
    from zhichan.registry.demo.numbers import patent_number
    from zhichan.registry.demo.patents import GRANTS, legal_events
    from zhichan.registry.models import Patent, PatentEvent

    events = []

    def rows():
        types = ["invention"] * 12 + ["utility_model"] * 55 + ["design"] * 33  # Nan'an's mix: mostly utility
        used = set()
        for serial in range(count):
            patent_type = rng.choice(types)
            filing = _day(rng, date(2003, 1, 1), date(2024, 12, 31))
            key = (filing.year, patent_type, rng.randrange(990_000))
            while key in used:
                key = (filing.year, patent_type, rng.randrange(990_000))
            used.add(key)
            share, (low, high) = GRANTS[patent_type]
            granted = filing + timedelta(days=rng.randrange(low, high)) if rng.random() < share else None
            if granted and granted > date(2024, 12, 31):
                granted = None
            if granted:
                events.extend(
                    (serial, day, kind, text) for day, kind, text in legal_events(rng, patent_type, filing, granted)
                )
            yield {
                "application_number": patent_number(*key),
                "patent_type": patent_type,
                "title": f"一种测试装置{serial}",
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "filing_date": filing,
                "grant_date": granted,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }

    copy_rows(Patent, rows())
    ids = dict(Patent.objects.filter(source=BENCH_SOURCE).values_list("title", "pk"))
    copy_rows(
        PatentEvent,
        (
            {"patent_id": ids[f"一种测试装置{serial}"], "date": day, "kind": kind, "text": text}
            for serial, day, kind, text in events
        ),
    )


def fill_trademarks(rng, count: int, places: list[int]):
    from zhichan.registry.models import Trademark, TrademarkEvent

    events = []

    def rows():
        for serial in range(count):
            registered = _day(rng, date(1998, 1, 1), date(2024, 12, 31)) if rng.random() < 0.9 else None
            expiry = None
            if registered:
                renewed = registered + timedelta(days=3652) <= date(2024, 12, 31) and rng.random() < 0.45
                if renewed:
                    events.append((serial, registered + timedelta(days=3500), "renewal", "核准续展注册"))
                if rng.random() < 0.02:
                    events.append((serial, _day(rng, registered, date(2024, 12, 31)), "cancellation", "注销"))
                if rng.random() < 0.5:
                    expiry = registered + timedelta(days=3652 * (2 if renewed else 1) - 1)
            yield {
                "registration_number": str(20_000_000 + serial),
                "mark": f"测试商标{serial}",
                "nice_classes": str(rng.randrange(1, 46)),
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "application_date": registered - timedelta(days=300) if registered else date(2024, 6, 1),
                "registration_date": registered,
                "expiry_date": expiry,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }

    copy_rows(Trademark, rows())
    ids = dict(Trademark.objects.filter(source=BENCH_SOURCE).values_list("registration_number", "pk"))
    copy_rows(
        TrademarkEvent,
        ({"trademark_id": ids[str(20_000_000 + s)], "date": d, "kind": k, "text": t} for s, d, k, t in events),
    )


def fill_others(rng, args, places: list[int]):
    from zhichan.registry.models import Copyright, Enterprise, EnterpriseDesignation

    copy_rows(
        Copyright,
        (
            {
                "registration_number": f"国作登字-{2015 + n % 10}-D-{n:08d}",
                "title": f"测试作品{n}",
                "kind": "work",
                "registration_date": _day(rng, date(2015, 1, 1), date(2024, 12, 31)),
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }
            for n in range(args.copyrights)
        ),
    )
    copy_rows(
        Enterprise,
        (
            {"name": f"测试企业{n}有限公司", "region_id": rng.choice(places), "synthetic": True}
            for n in range(args.enterprises)
        ),
    )
    enterprises = list(Enterprise.objects.values_list("pk", flat=True))
    copy_rows(
        EnterpriseDesignation,
        (
            {
                "enterprise_id": rng.choice(enterprises),
                "kind": rng.choice(["ip-demonstration", "ip-advantage", "high-tech"]),
                "level": rng.choice(["national", "provincial", "city"]),
                "granted_on": (granted := _day(rng, date(2016, 1, 1), date(2024, 12, 31))),
                "expires_on": granted + timedelta(days=1095) if rng.random() < 0.5 else None,
            }
            for _n in range(args.enterprises // 10)
        ),
    )


def fill_reported(rng, places):
    """Township populations and a year of approved quarterly figures per element, township and quarter."""
    from django.utils import timezone

    from zhichan.core.models import Population, Unit
    from zhichan.indicators.models import DataElement, DataValue, ValueState
    from zhichan.indicators.periods import parse_period

    Population.objects.filter(source=BENCH_SOURCE).delete()
    Population.objects.bulk_create(
        Population(
            region_id=pk, year=2021, as_of=date(2021, 12, 31), value=rng.randrange(20_000, 120_000), source=BENCH_SOURCE
        )
        for pk in places
    )
    DataValue.objects.all().delete()
    unit = Unit.objects.order_by("pk").first()
    now = timezone.now()
    values = []
    for element in DataElement.objects.all():
        for year in range(YEARS[0], YEARS[1] + 1):
            for quarter in range(1, 5):
                period = parse_period(f"{year}Q{quarter}")
                for region in places:
                    values.append(
                        DataValue(
                            element=element,
                            region_id=region,
                            unit=unit,
                            period=period.key,
                            period_start=period.start,
                            period_end=period.end,
                            value=rng.randrange(0, 5),
                            state=ValueState.APPROVED,
                            approved_at=now,
                        )
                    )
    DataValue.objects.bulk_create(values, batch_size=2000)


def prepare(args):
    """The programme, its indicators and a register of the asked size (kept when it already has that size)."""
    from django.conf import settings
    from django.db import transaction

    from zhichan.core.services.organisation import load_organisation
    from zhichan.indicators.services.loading import load_indicators
    from zhichan.programme.services.loading import load_programme

    load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")
    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    rng = random.Random(args.seed)
    places = [region.pk for region in townships()]
    wanted = {
        "patents": args.patents,
        "trademarks": args.trademarks,
        "copyrights": args.copyrights,
        "enterprises": args.enterprises,
    }
    if register_size() != wanted:
        started = time.perf_counter()
        with transaction.atomic():
            empty_register()
            fill_patents(rng, args.patents, places)
            fill_trademarks(rng, args.trademarks, places)
            fill_others(rng, args, places)
        from django.db import connection

        with connection.cursor() as cursor:
            # What autovacuum does some time after a load: statistics, and the visibility map that lets counts
            # be read from an index alone.
            cursor.execute("VACUUM ANALYZE")
        print(f"register generated in {time.perf_counter() - started:.0f} s")
    with transaction.atomic():
        fill_reported(rng, places)


# --- (a) and (b): computing --------------------------------------------------------------------------------------


def all_periods():
    from zhichan.indicators.periods import periods_of

    return [p for kind in ("month", "quarter", "year") for p in periods_of(kind, *YEARS)]


def run_ours(periods) -> tuple[float, int]:
    from django.db import connection

    from zhichan.indicators.services.compute import compute

    with connection.cursor() as cursor:
        # A recompute rewrites every value, leaving as many dead rows; autovacuum (on by default, off on some
        # test servers) clears them before the next one. Without it each run is slower than the last.
        cursor.execute("VACUUM ANALYZE indicators_indicatorvalue")
    started = time.perf_counter()
    written = compute(periods=periods)
    return time.perf_counter() - started, written


def run_naive(period, regions, paths) -> tuple[float, int]:
    """Per indicator, region and input one query over the region's subtree; one save per value."""
    from django.db.models import Sum

    from zhichan.indicators.models import Indicator, IndicatorValue
    from zhichan.indicators.periods import window_for
    from zhichan.indicators.rollup import subtree
    from zhichan.indicators.services.compute import evaluate_one, names_of
    from zhichan.indicators.sources import ElementSource, sources

    found = sources()
    started, written = time.perf_counter(), 0
    for indicator in Indicator.objects.all():
        window = window_for(indicator.window, period, indicator.since)
        if window is None:
            continue
        for region in regions:
            ids = subtree(region, paths)
            values = {}
            for name in names_of(indicator):
                source = found[name]
                start = None if source.kind == "stock" else window.start
                records = source.records(start, window.end, ids if source.additive else [region.pk], indicator.options)
                if isinstance(source, ElementSource) or not source.additive:
                    values[name] = records.aggregate(total=Sum("value"))["total"]
                else:
                    values[name] = records.count()
            value, numerator, denominator, reason = evaluate_one(indicator, values)
            IndicatorValue.objects.update_or_create(
                indicator=indicator,
                region=region,
                period=period.key,
                defaults={"period_end": period.end, "value": value, "reason": reason, "computed_at": time_now()},
            )
            written += 1
    return time.perf_counter() - started, written


def sampled_values(period, regions) -> dict:
    from zhichan.indicators.models import IndicatorValue

    rows = IndicatorValue.objects.filter(period=period.key, region__in=regions)
    return {(code, region): value for code, region, value in rows.values_list("indicator__code", "region", "value")}


def time_now():
    from django.utils import timezone

    return timezone.now()


# --- (c): serving ----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def leader_session() -> str:
    """A signed-in leader's session cookie, made the way the login page makes one."""
    from django.test import Client

    from zhichan.core.models import User
    from zhichan.core.roles import Role

    user, _created = User.objects.get_or_create(username="bench-leader", defaults={"role": Role.LEADER})
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def serve(url: str, port: int) -> subprocess.Popen:
    """gunicorn as production runs it: with the checkout's gunicorn.conf.py (workers, threads, access log), only
    the address differs; the access log goes where nobody reads it, but is written as in production."""
    env = {**os.environ, "ZHICHAN_DATABASE_URL": url, "ZHICHAN_DEBUG": "false"}
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "zhichan.wsgi:application",
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--pythonpath",
        str(ROOT / "src"),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def load(port: int, path: str, cookie: str, clients: int, seconds: float) -> dict:
    """`clients` threads, each on its own kept-alive connection, requesting `path` for `seconds`."""
    results, errors, stop = [], [], time.perf_counter() + seconds
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        own = []
        while time.perf_counter() < stop:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "Accept-Language": "zh-hans"})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                with lock:
                    errors.append(response.status)
                continue
            timing = response.getheader("Server-Timing", "app;dur=nan")
            own.append((elapsed, float(timing.split("dur=")[1])))
        connection.close()
        with lock:
            results.extend(own)

    threads = [threading.Thread(target=client) for _n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path}: {len(errors)} responses were not 200 (first: {errors[0]})")
    return {
        "requests": len(results),
        "rate": len(results) / seconds,
        "client": percentiles([r[0] for r in results]),
        "server": percentiles([r[1] for r in results]),
    }


def percentiles(values) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94]


# --- the run --------------------------------------------------------------------------------------------------


def main():
    sys.stdout.reconfigure(line_buffering=True)  # each figure as soon as it is measured
    args = arguments()
    setup_django(args.database_url)
    from zhichan.core.models import Region
    from zhichan.indicators.models import Indicator, IndicatorValue
    from zhichan.indicators.rollup import tree
    from zhichan.indicators.services.programmes import territory_paths

    prepare(args)
    periods = all_periods()
    paths = tree()
    roots = territory_paths()
    regions = [r for r in Region.objects.order_by("path") if any(r.path.startswith(root) for root in roots)]
    size = register_size()
    print(
        f"register: {size['patents']:,} patents, {size['trademarks']:,} trademarks, {size['copyrights']:,} "
        f"copyrights, {size['enterprises']:,} enterprises; {len(regions)} regions; {Indicator.objects.count()} "
        f"indicators; {len(periods)} periods (months, quarters and years of {YEARS[0]}–{YEARS[1]})"
    )

    checks = []
    if args.only != "load":
        checks.append(measure_compute(periods, regions, paths))
    elif not IndicatorValue.objects.exists():
        run_ours(periods)
    if args.only != "compute":
        checks += measure_load(args)
    print(f"load average over the last 5 minutes: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    for ok, what in checks:
        print(f"  {'met' if ok else 'MISSED'}: {what}")


def measure_compute(periods, regions, paths):
    """(a) and (b); leaves our values in place for the dashboard."""
    from zhichan.indicators.periods import month

    first_seconds, written = run_ours(periods)
    second_seconds, _written = run_ours(periods)
    ours = min(first_seconds, second_seconds)
    sample, sampled = month(2024, 6), regions[:NAIVE_REGIONS]
    ours_sampled = sampled_values(sample, sampled)
    naive_sample, naive_written = run_naive(sample, sampled, paths)
    differ = {key: (value, ours_sampled.get(key)) for key, value in sampled_values(sample, sampled).items()}
    differ = {key: pair for key, pair in differ.items() if pair[0] != pair[1]}
    naive = naive_sample * len(periods) * len(regions) / len(sampled)
    print(
        f"(a) our compute:  {ours:8.2f} s for {written:,} values (runs: {first_seconds:.2f} s, {second_seconds:.2f} s)"
    )
    print(
        f"(b) naive loop:   {naive:8.1f} s  ({naive_sample:.1f} s for the {naive_written:,} values of {sample.key} in "
        f"{len(sampled)} regions, the county first; × {len(periods)} periods × {len(regions)}/{len(sampled)} regions)"
    )
    print(f"    ours is {naive / ours:.0f}x faster")
    if differ:
        sys.exit(f"the naive loop's values differ from ours (naive, ours): {differ}")
    print(f"    the naive loop's {naive_written:,} values agree with ours")
    run_ours(periods)  # the naive loop wrote values without inputs; put ours back for the dashboard
    return ours <= TARGET_COMPUTE, f"full recompute ≤ {TARGET_COMPUTE:.0f} s"


def measure_load(args):
    """(c): the dashboard's API and page beside /healthz, served by gunicorn."""
    from django.core.management import call_command

    from zhichan.core.models import Region

    call_command("collectstatic", interactive=False, verbosity=0)  # the server's pages name hashed files
    port = args.port or free_port()
    cookie = leader_session()
    county = Region.objects.get(code="350583")
    server = serve(args.database_url, port)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    print(f"(c) served by gunicorn with gunicorn.conf.py: {config['workers']} workers × {config['threads']} threads")
    try:
        pages = [
            ("/healthz", "the server's floor: /healthz"),
            (f"/api/v1/dashboard/?region={county.pk}", "dashboard API"),
            (f"/dashboard/?region={county.pk}", "dashboard page"),
        ]
        measured = {}
        for path, label in pages:
            load(port, path, cookie, 2, 2.0)  # warm up every worker
            measured[path] = result = load(port, path, cookie, args.clients, args.seconds)
            (client50, client95), (server50, server95) = result["client"], result["server"]
            print(
                f"(c) {label:32s} {result['rate']:7.0f} req/s; server time p50 {server50:6.1f} ms, "
                f"p95 {server95:6.1f} ms; seen by the clients p50 {client50:6.1f} ms, p95 {client95:6.1f} ms"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    api = measured[pages[1][0]]["server"][1]
    page = measured[pages[2][0]]["server"][1]
    floor = measured[pages[0][0]]["server"][1]
    print(
        f"    {args.clients} concurrent clients on 127.0.0.1; server time p95: API {api / floor:.1f}x and "
        f"page {page / floor:.1f}x the floor's"
    )
    return [
        (api <= TARGET_API_P95, f"dashboard API p95 ≤ {TARGET_API_P95:.0f} ms server time"),
        (page <= TARGET_PAGE_P95, f"dashboard page p95 ≤ {TARGET_PAGE_P95:.0f} ms server time"),
    ]


if __name__ == "__main__":
    main()
