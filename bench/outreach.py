"""Benchmark of the projects' figures: a project's outputs matched against the patent register.

    .venv/bin/python bench/outreach.py [--outputs 10000] [--patents 1000000] [--naive 1000]
                                       [--database-url postgres://postgres@127.0.0.1:5432/zhichan_bench_outreach]

Fills its own database (PostgreSQL by default, created if missing; rebuilt when the numbers differ) with a synthetic
register of --patents patents of the three types, filed 2005–2024, most granted, each with a holder, a licence
naming some of them, and one high-value patent cultivation project started in 2021 that names --outputs
application numbers as its outputs: most in the register (some filed before the start), a twentieth not (yet).

Then, in the same run:
  (a) ours: projects/services/outputs.py `linked_outputs` for the project — every output linked to its register
      record by number, what each counts as (filed from the start, invention, PCT, granted, licensed) — and the
      targets' achieved counts, read from a fresh database connection's worth of queries;
  (b) a naive loop: one output at a time (its patent by number, whether a licence names it: two queries each) for
      --naive outputs, extrapolated to all of them, and checked to give the same records and measures as (a).
Target ≤ 2 s. (The satisfaction index of the survey, the other figure of the outreach issue, is benchmarked here
once the survey exists.)
Never point it at a database whose data you want to keep.
"""

import argparse
import datetime
import os
import random
import sys
import time

from common import copy_rows, setup_django

TARGET = 2.0
START = datetime.date(2021, 3, 1)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outputs", type=int, default=10_000)
    parser.add_argument("--patents", type=int, default=1_000_000)
    parser.add_argument("--naive", type=int, default=1_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_outreach", help="its own database"
    )
    return parser.parse_args()


def number(serial: int, type_code: str, year: int) -> str:
    from zhichan.registry.identifiers import patent_check_digit

    digits = f"{year}{type_code}{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def _day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def prepare(args):
    """The register, a licence and the project with its outputs; kept when the numbers are the same."""
    from django.conf import settings
    from django.db import connection, transaction

    from zhichan.core.models import Region, Unit
    from zhichan.core.services.organisation import load_organisation
    from zhichan.finance.models import RightTransaction, TransactionRight
    from zhichan.projects.models import Output, Project
    from zhichan.projects.services import projects
    from zhichan.registry.models import Enterprise, Patent

    if not Unit.objects.filter(key="amr").exists():
        load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    project = Project.objects.filter(title="基准测试培育项目").first()
    if Patent.objects.count() == args.patents and project and project.outputs.count() == args.outputs:
        return project
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for model in (Output, Project, TransactionRight, RightTransaction, Patent.holders.through, Patent, Enterprise):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    county = Region.objects.get(code="350583")
    rng = random.Random(2024)
    with transaction.atomic():
        copy_rows(Enterprise, ({"name": f"合成企业{n}", "region_id": county.pk} for n in range(2_000)), synthetic=True)
        enterprises = list(Enterprise.objects.values_list("pk", flat=True))
        numbers = []

        def patent(serial: int):
            kind = rng.choice(["1"] * 12 + ["2"] * 55 + ["3"] * 33)
            filed = _day(rng, datetime.date(2005, 1, 1), datetime.date(2024, 12, 31))
            granted = filed + datetime.timedelta(days=rng.randrange(120, 1500)) if rng.random() < 0.8 else None
            pct = f"PCT/CN{filed.year}/{serial:06d}" if kind == "1" and rng.random() < 0.1 else ""
            numbers.append(number(serial, kind, filed.year))
            return {
                "application_number": numbers[-1],
                "patent_type": {"1": "invention", "2": "utility_model", "3": "design"}[kind],
                "title": f"一种合成装置{serial}",
                "region_id": county.pk,
                "filing_date": filed,
                "grant_date": granted,
                "pct_number": pct,
                "pct_filing_date": filed if pct else None,
            }

        copy_rows(Patent, (patent(serial) for serial in range(args.patents)), synthetic=True)
        ids = list(Patent.objects.order_by("pk").values_list("pk", flat=True))
        copy_rows(Patent.holders.through, ({"patent_id": pk, "enterprise_id": rng.choice(enterprises)} for pk in ids))
        project = projects.create_project(
            None,
            kind="cultivation",
            title="基准测试培育项目",
            level="city",
            applicant_name="合成企业0",
            unit=Unit.objects.get(key="amr"),
            starts_on=START,
            synthetic=True,
        )
        chosen = rng.sample(range(args.patents), args.outputs)
        outputs = [numbers[serial] for serial in chosen]
        absent = {n for n in range(0, args.outputs, 20)}  # a twentieth not in the register yet
        outputs = [number(9_000_000 + n, "1", 2024) if n in absent else text for n, text in enumerate(outputs)]
        copy_rows(Output, ({"project_id": project.pk, "number": text} for text in outputs), created=now())
        deal = RightTransaction.objects.create(
            kind="licence", day=datetime.date(2024, 5, 1), party_from="甲", party_to="乙"
        )
        licensed = rng.sample(chosen, max(1, args.outputs // 50))
        copy_rows(
            TransactionRight,
            (
                {"transaction_id": deal.pk, "right_type": "patent", "number": numbers[s], "patent_id": ids[s]}
                for s in licensed
            ),
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"generated {args.patents:,} patents and a project of {args.outputs:,} outputs "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return project


def now():
    from django.utils import timezone

    return timezone.now()


def naive(project, outputs) -> list[tuple]:
    """One output at a time: its patent by number, whether a licence or transfer names it."""
    from zhichan.finance.models import TransactionRight
    from zhichan.projects.services.outputs import _measures, since
    from zhichan.registry.models import Patent

    start, found = since(project), []
    for output in outputs:
        patent = Patent.objects.filter(application_number=output.number).first()
        licensed = patent is not None and TransactionRight.objects.filter(patent=patent).exists()
        counted = _measures(patent, start, licensed)
        found.append((output.number, patent.pk if patent else None, sorted(str(m) for m in counted)))
    return found


def main():
    args = arguments()
    setup_django(args.database_url)
    project = prepare(args)
    from django.db import connection

    from zhichan.projects.models import Project
    from zhichan.projects.services.outputs import achieved, linked_outputs

    load = os.getloadavg()[0]
    connection.close()
    started = time.perf_counter()
    project = Project.objects.prefetch_related("outputs").get(pk=project.pk)
    linked = linked_outputs([project])[project.pk]
    counts = achieved(linked)
    ours = time.perf_counter() - started
    waiting = sum(1 for one in linked if one.patent is None)
    print(
        f"(a) ours: {len(linked):,} outputs matched against the register in {ours:.2f} s (load average {load:.1f} on "
        f"{os.cpu_count()} CPUs): {waiting:,} not in the register yet; "
        + ", ".join(f"{measure.label} {n:,}" for measure, n in sorted(counts.items()))
    )
    rng = random.Random(7)
    sample = sorted(rng.sample(range(len(linked)), min(args.naive, len(linked))))
    outputs = [linked[n].output for n in sample]
    started = time.perf_counter()
    found = naive(project, outputs)
    spent = time.perf_counter() - started
    extrapolated = spent * len(linked) / len(sample)
    ours_sample = [
        (
            linked[n].output.number,
            linked[n].patent.pk if linked[n].patent else None,
            sorted(str(m) for m in linked[n].measures),
        )
        for n in sample
    ]
    agree = found == ours_sample
    print(
        f"(b) naive loop: {len(sample):,} outputs in {spent:.2f} s, {extrapolated:.1f} s for {len(linked):,} "
        f"(extrapolated); same records and measures as (a): {agree}"
    )
    verdict = "met" if ours <= TARGET else "MISSED"
    print(f"ratio naive / ours: {extrapolated / ours:.0f}×; target ≤ {TARGET:.0f} s: {verdict}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
