"""Benchmark of the outreach issue's two figures: a project's outputs matched against the patent register, and the
satisfaction survey's index over a round's responses.

    .venv/bin/python bench/outreach.py [--outputs 10000] [--patents 1000000] [--naive 1000]
                                       [--responses 200000] [--only projects|survey]
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
Target ≤ 2 s.

The survey: one round of the real questionnaire (data/outreach/satisfaction-questionnaire.yaml) with --responses
synthetic responses of the three groups, a tenth of the answers "don't know". Then, in the same run:
  (c) ours: outreach/services/index.py `round_index` — the index per dimension and overall, for everyone and each
      group, with the responses behind each figure and its margin of error — from a fresh connection;
  (d) a naive loop: every response's answers read and scored one by one in Python, the same figures summed, checked
      to give the same index.
Target ≤ 1 s.
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
SURVEY_TARGET = 1.0
START = datetime.date(2021, 3, 1)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outputs", type=int, default=10_000)
    parser.add_argument("--patents", type=int, default=1_000_000)
    parser.add_argument("--naive", type=int, default=1_000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--only", choices=("projects", "survey"), default=None)
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


def prepare_survey(args):
    """A round of the questionnaire with its synthetic responses; kept when the number is the same."""
    import json

    from django.db import connection, transaction
    from django.utils import timezone

    from zhichan.core.models import Region
    from zhichan.outreach.models import SurveyResponse, SurveyRound
    from zhichan.outreach.services import survey
    from zhichan.outreach.services.questionnaire import score

    found = SurveyRound.objects.filter(title="基准测试满意度调查").first()
    if found and found.responses.count() == args.responses:
        return found
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {SurveyResponse._meta.db_table}, {SurveyRound._meta.db_table} CASCADE")
    rng = random.Random(2026)
    with transaction.atomic():
        county = Region.objects.get(code="350583")
        survey_round = survey.create_round(None, title="基准测试满意度调查", year=2026, region=county, synthetic=True)
        survey.open_round(survey_round, None)
        questionnaire = survey_round.questionnaire
        keys = [q["key"] for d in questionnaire["dimensions"] for q in d["questions"]]
        groups = [g["key"] for g in questionnaire["groups"]]
        moment = timezone.now()

        def response(number: int):
            lean = rng.uniform(2.5, 4.8)
            answers = {k: max(1, min(5, round(rng.gauss(lean, 0.9)))) for k in keys if rng.random() >= 0.1}
            scores, overall = score(questionnaire, answers)
            return {
                "round_id": survey_round.pk,
                "respondent": f"{number:064x}",
                "network": f"{number % 5000:064x}",
                "group": rng.choice(groups),
                "answers": json.dumps(answers),
                "scores": json.dumps(scores),
                "overall": overall,
                "answered": moment,
            }

        copy_rows(SurveyResponse, (response(n) for n in range(args.responses)))
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {SurveyResponse._meta.db_table}")
    print(f"generated {args.responses:,} survey responses in {time.perf_counter() - started:.0f} s")
    return survey_round


def naive_index(survey_round) -> dict:
    """Every response read and scored in Python, one at a time: the overall index of everyone and of each group."""
    from zhichan.outreach.models import SurveyResponse

    questionnaire = survey_round.questionnaire
    points = [p["points"] for p in questionnaire["scale"]]
    sums = {}  # (group, dimension) -> [count, total]
    for group, answers in SurveyResponse.objects.filter(round=survey_round).values_list("group", "answers").iterator():
        for dimension in questionnaire["dimensions"]:
            given = [points[answers[q["key"]] - 1] for q in dimension["questions"] if q["key"] in answers]
            if given:
                for who in (group, None):
                    cell = sums.setdefault((who, dimension["key"]), [0, 0.0])
                    cell[0] += 1
                    cell[1] += sum(given) / len(given)

    def index(who):
        means = [(d["weight"], sums[(who, d["key"])]) for d in questionnaire["dimensions"] if (who, d["key"]) in sums]
        weights = sum(weight for weight, _ in means)
        return round(sum(weight * total / n for weight, (n, total) in means) / weights, 2) if weights else None

    return {"all": index(None), **{g["key"]: index(g["key"]) for g in questionnaire["groups"]}}


def survey_part(args) -> bool:
    from django.db import connection

    from zhichan.outreach.models import SurveyRound
    from zhichan.outreach.services.index import round_index

    survey_round = prepare_survey(args)
    load = os.getloadavg()[0]
    connection.close()
    started = time.perf_counter()
    figures = round_index(SurveyRound.objects.get(pk=survey_round.pk))
    ours = time.perf_counter() - started
    everyone = figures["all"]
    print(
        f"(c) ours: the index of {everyone['responses']:,} responses in {ours:.2f} s (load average {load:.1f} on "
        f"{os.cpu_count()} CPUs): overall {everyone['index']} ± {everyone['margin']}; "
        + ", ".join(f"{row['name']} {row['index']}" for row in everyone["dimensions"])
    )
    started = time.perf_counter()
    found = naive_index(survey_round)
    spent = time.perf_counter() - started
    agree = found == {"all": everyone["index"], **{g["key"]: g["index"] for g in figures["groups"]}}
    print(f"(d) naive loop: every response scored in Python in {spent:.2f} s; same index as (c): {agree}")
    verdict = "met" if ours <= SURVEY_TARGET else "MISSED"
    print(f"ratio naive / ours: {spent / ours:.0f}×; target ≤ {SURVEY_TARGET:.0f} s: {verdict}")
    return agree


def main():
    args = arguments()
    setup_django(args.database_url)
    agree = True
    if args.only != "projects":
        agree = survey_part(args)
    if args.only == "survey":
        return 0 if agree else 1
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
    same = found == ours_sample
    print(
        f"(b) naive loop: {len(sample):,} outputs in {spent:.2f} s, {extrapolated:.1f} s for {len(linked):,} "
        f"(extrapolated); same records and measures as (a): {same}"
    )
    verdict = "met" if ours <= TARGET else "MISSED"
    print(f"ratio naive / ours: {extrapolated / ours:.0f}×; target ≤ {TARGET:.0f} s: {verdict}")
    return 0 if agree and same else 1


if __name__ == "__main__":
    sys.exit(main())
