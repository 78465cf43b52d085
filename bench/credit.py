"""Benchmark of the credit grades: every enterprise's grade as of a day, stored as a grade run.

    .venv/bin/python bench/credit.py [--enterprises 200000] [--records 1000000] [--naive 2000]
                                     [--database-url postgres://postgres@127.0.0.1:5432/zhichan_bench_credit]

Fills its own database (PostgreSQL by default, created if missing; rebuilt when the numbers differ) with synthetic
enterprises in Nan'an's townships and synthetic dishonesty records on them over the six years up to today (kinds,
findings, periods, some repaired or revoked), and a few thousand parties on the serious list. Then, in the same
run:
  (a) ours: services/grades.py `compute_grades` — the facts of every rule read set-based, each enterprise's grade
      and reasons, 200,000 rows written as one grade run;
  (b) a naive loop: one subject at a time (`graded_subjects([code])`, a few queries each) for --naive enterprises,
      extrapolated to all of them, and checked against (a);
  (c) ours: a random inspection's draw (core/draws.py) of 5 % of every grade from the pool of all the graded
      enterprises, 1 % of them excluded as conflicts: the pool's canonical text and fingerprint, the seed's
      commitment, the ranks and the draw;
  (d) a naive draw: each place drawn by scanning the whole pool for the lowest rank not taken yet (ranks hashed
      again on every scan), for --naive-places places, extrapolated, and checked against (c).
Never point it at a database whose data you want to keep.
"""

import argparse
import datetime
import random
import sys
import time

from common import copy_rows, setup_django

TARGET = 5.0
DRAW_TARGET = 1.0
DRAW_PERCENT = 5
YEARS = 6


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enterprises", type=int, default=200_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--naive", type=int, default=2_000)
    parser.add_argument("--naive-places", type=int, default=3)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_credit")
    return parser.parse_args()


def reference():
    from django.conf import settings

    from zhichan.core.models import Unit
    from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
    from zhichan.core.services.organisation import load_organisation
    from zhichan.credit.services.settings import load_kinds

    if not Unit.objects.filter(key="amr").exists():
        load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    load_kinds()


def code(serial: int) -> str:
    return f"91350583BE{serial:08d}"


def prepare(enterprises: int, records: int, today: datetime.date):
    from django.db import connection, transaction

    from zhichan.core.models import Region, RegionKind, Unit
    from zhichan.credit.models import DishonestyKind, DishonestyRecord, GradeRun, SeriousListEntry
    from zhichan.credit.services.records import period_end
    from zhichan.registry.models import Enterprise

    if Enterprise.objects.count() == enterprises and DishonestyRecord.objects.count() == records:
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for model in (GradeRun, DishonestyRecord, SeriousListEntry, Enterprise):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    county = Region.objects.get(code="350583")
    townships = list(Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()))
    unit = Unit.objects.get(key="amr")
    kinds = list(DishonestyKind.objects.all())
    rng = random.Random(2022)
    with transaction.atomic():
        copy_rows(
            Enterprise,
            (
                {"name": f"合成企业{n}", "uscc": code(n), "region_id": rng.choice(townships).pk}
                for n in range(enterprises)
            ),
            synthetic=True,
        )

        def record(n):
            kind = rng.choice(kinds)
            found = today - datetime.timedelta(days=rng.randrange(YEARS * 365))
            state, ended = "in-force", None
            chance = rng.random()
            if chance < 0.05:
                state, ended = "revoked", found + datetime.timedelta(days=30)
            elif chance < 0.15:
                state, ended = "repaired", found + datetime.timedelta(days=200)
            return {
                "subject_kind": "enterprise",
                "subject_name": "合成企业",
                "credit_code": code(rng.randrange(enterprises)),
                "unit_id": unit.pk,
                "kind_id": kind.pk,
                "source": "manual",
                "found_on": found,
                "document_number": f"合成〔{found.year}〕{n}号",
                "facts": "合成数据",
                "measures": "[]",
                "published_from": found,
                "published_to": period_end(kind, found),
                "state": state,
                "ended_on": ended,
                "updated": datetime.datetime.now(datetime.UTC),
            }

        copy_rows(DishonestyRecord, (record(n) for n in range(records)), synthetic=True)
        copy_rows(
            SeriousListEntry,
            (
                {
                    "subject_kind": "enterprise",
                    "subject_name": "合成企业",
                    "credit_code": code(rng.randrange(enterprises)),
                    "unit_id": unit.pk,
                    "decision_number": f"合成列〔{n}〕号",
                    "listed_on": today - datetime.timedelta(days=rng.randrange(4 * 365)),
                    "reasons": "合成数据",
                    "updated": datetime.datetime.now(datetime.UTC),
                }
                for n in range(enterprises // 100)
            ),
            synthetic=True,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"generated {enterprises:,} enterprises and {records:,} records in {time.perf_counter() - started:.0f} s")


def main():
    args = arguments()
    setup_django(args.database_url)
    reference()
    today = datetime.date.today()
    prepare(args.enterprises, args.records, today)
    from django.db import connection

    from zhichan.credit.models import GradeRun, SubjectGrade
    from zhichan.credit.services.grades import compute_grades, graded_subjects

    with connection.cursor() as cursor:  # earlier runs, without collecting their rows in Python
        cursor.execute(f"TRUNCATE {SubjectGrade._meta.db_table}, {GradeRun._meta.db_table}")
    started = time.perf_counter()
    run = compute_grades(None, today)
    ours = time.perf_counter() - started
    print(f"(a) ours: {sum(run.counts.values()):,} subjects graded in {ours:.2f} s {run.counts}")

    rng = random.Random(7)
    sample = [code(rng.randrange(args.enterprises)) for _n in range(args.naive)]
    started = time.perf_counter()
    naive = {c: graded_subjects([c], today)[c].grade for c in sample}
    spent = time.perf_counter() - started
    extrapolated = spent * args.enterprises / args.naive
    stored = dict(SubjectGrade.objects.filter(run=run, credit_code__in=sample).values_list("credit_code", "grade"))
    agree = all(stored[c] == grade for c, grade in naive.items())
    print(
        f"(b) naive loop: {args.naive:,} subjects in {spent:.2f} s, "
        f"{extrapolated:.0f} s for {args.enterprises:,} (extrapolated); same grades as (a): {agree}"
    )
    verdict = "met" if ours <= TARGET else "MISSED"
    print(f"ratio naive / ours: {extrapolated / ours:.0f}×; target ≤ {TARGET:.0f} s: {verdict}")
    drawn_agree = bench_draw(run, args.naive_places)
    return 0 if agree and drawn_agree else 1


def bench_draw(run, places: int) -> bool:
    import math

    from zhichan.core import draws
    from zhichan.credit.models import SubjectGrade

    graded = list(SubjectGrade.objects.filter(run=run).order_by("credit_code").values_list("credit_code", "grade"))
    entries = [draws.Entry(code, grade) for code, grade in graded]
    excluded = {code for n, (code, _grade) in enumerate(graded) if n % 100 == 0}  # 1 %: declared conflicts
    sizes: dict[str, int] = {}
    for entry in entries:
        sizes[entry.stratum] = sizes.get(entry.stratum, 0) + 1
    wanted = {grade: math.ceil(size * DRAW_PERCENT / 100) for grade, size in sizes.items()}
    seed = "bench-seed-2026"
    started = time.perf_counter()
    text = draws.pool_text(entries)
    fingerprint, commitment = draws.sha256(text), draws.commitment(seed)
    result = draws.draw(entries, seed, wanted, exclude=excluded)
    ours = time.perf_counter() - started
    total = sum(wanted.values())
    print(
        f"(c) ours: {total:,} of {len(entries):,} drawn ({DRAW_PERCENT} % of each grade, {len(excluded):,} excluded) "
        f"in {ours:.2f} s; pool {fingerprint[:12]}…, seed commitment {commitment[:12]}…"
    )
    stratum = max(wanted, key=wanted.get)
    eligible = [e.key for e in entries if e.stratum == stratum and e.key not in excluded]
    taken: list[str] = []
    started = time.perf_counter()
    for _place in range(places):
        best = min((draws.rank(seed, key), key) for key in eligible if key not in taken)
        taken.append(best[1])
    spent = time.perf_counter() - started
    extrapolated = spent / places * total
    agree = taken == result.drawn[stratum][:places]
    print(
        f"(d) naive draw: {places} places in {spent:.2f} s, {extrapolated:.0f} s for {total:,} (extrapolated); "
        f"same places as (c): {agree}"
    )
    verdict = "met" if ours <= DRAW_TARGET else "MISSED"
    print(f"ratio naive / ours: {extrapolated / ours:.0f}×; target ≤ {DRAW_TARGET:.0f} s: {verdict}")
    return agree


if __name__ == "__main__":
    sys.exit(main())
