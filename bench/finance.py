"""Benchmark of subsidy eligibility: every claim of a year's applications checked against the register at once.

    .venv/bin/python bench/finance.py [--applications 10000] [--claims 20] [--patents 1000000]
                                      [--enterprises 20000] [--naive 2000]
                                      [--database-url postgres://postgres@127.0.0.1:5432/zhichan_bench_finance]

Fills its own database (PostgreSQL by default, created if missing; rebuilt when the numbers differ) with synthetic
enterprises and a register of patents of the three types with their holders, a subsidy scheme of this year with an
item for invention patents granted (a sum per claim, a cap per applicant) and last year's, and --applications
applications to it (saved, submitted) of --claims claims each on invention patents. Most claims are good; some are
not, on purpose, each for one reason: granted outside the scheme's window, not granted, held by another
enterprise, a utility model, a number the register does not hold, already subsidised on last year's application,
already claimed in another enterprise's application under review, or named by an award imported from before. A
tenth of the applicants also have an earlier application to the scheme already approved, so that its cap per
applicant bites. Numbers are written as applicants write them (some with the ZL prefix, some with spaces).

Then, in the same run:
  (a) ours: finance/services/eligibility.py `assess` over all the claims at once, built in memory beforehand
      (unsaved, each with its saved application, so that the claims of the applications under test are not taken
      for earlier ones, and the item): the register, the holders, the earlier claims and awards, the amounts used,
      read set-based; every claim's amount, reasons and link. Building the claims and saving them is not timed.
      Every claim is checked to fail exactly the check it was made to fail (none for the good ones);
  (b) a naive loop: one claim at a time (its patent, its holders, earlier claims of the number, past awards, the
      applicant's amount used: five queries each) for the claims of --naive / --claims applications, extrapolated
      to all of them, and checked to give the same amounts and the same failed checks as (a).
Never point it at a database whose data you want to keep.
"""

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal

from common import copy_rows, setup_django

TARGET = 3.0
WINDOW = (datetime.date(2025, 7, 1), datetime.date(2026, 6, 30))
EARLIER_WINDOW = (datetime.date(2024, 7, 1), datetime.date(2025, 6, 30))
AMOUNT, CAP_PER_APPLICANT = Decimal("0.5"), Decimal(8)
APPROVED_BEFORE = 6  # claims of the earlier approved application of every tenth applicant
ABSENT = 5_000_000  # serials from here on are not in the register
# What each claim is made to run into: its share, and the checks the rules must find failed.
PLAN = {
    "eligible": (70, set()),
    "granted outside the window": (5, {"not-granted-in-window"}),
    "not granted": (2, {"not-granted"}),
    "another's patent": (5, {"not-holder"}),
    "utility model": (5, {"not-invention"}),
    "not in the register": (3, {"not-in-register"}),
    "subsidised last year": (4, {"subsidised-here"}),
    "claimed by another": (2, {"claimed-here"}),
    "past award": (4, {"subsidised-before"}),
}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--patents", type=int, default=1_000_000)
    parser.add_argument("--enterprises", type=int, default=20_000)
    parser.add_argument("--naive", type=int, default=2_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_finance")
    args = parser.parse_args()
    if args.applications * args.claims > args.patents or args.patents > ABSENT:
        parser.error(f"needs claims ≤ patents ≤ {ABSENT:,}")
    if args.enterprises < 2 * args.applications:
        parser.error("needs at least twice as many enterprises as applications")
    return args


def scheme_data(key: str, year: int, window: tuple) -> dict:
    item = {"key": "invention", "name": "发明专利授权资助", "purpose": "invention", "basis": "invention-granted"}
    return {
        "key": key,
        "organisation": "350583",
        "name": f"{year}年度合成专利资助（基准测试）",
        "year": year,
        "opens_on": datetime.date(year, 1, 1),
        "closes_on": datetime.date(year, 12, 31),
        "window_from": window[0],
        "window_to": window[1],
        "payer": "finance",
        "synthetic": True,
        "published": False,
        "budgets": {"invention": 100_000},
        "items": [{**item, "amount": str(AMOUNT), "cap_per_applicant": str(CAP_PER_APPLICANT)}],
    }


def reference():
    """This year's scheme and last year's (loaded as the office loads them), and their items."""
    from django.conf import settings

    from zhichan.core.models import Unit
    from zhichan.core.services.organisation import load_organisation
    from zhichan.finance.services.schemes import load_scheme

    if not Unit.objects.filter(key="finance").exists():
        load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    schemes = []
    for key, year, window in (("bench-subsidy-2026", 2026, WINDOW), ("bench-subsidy-2025", 2025, EARLIER_WINDOW)):
        scheme = load_scheme(None, file=f"{key}.yaml", data=scheme_data(key, year, window))
        schemes.append((scheme, scheme.items.get(key="invention")))
    return schemes


def plan(applications: int, claims: int) -> list[str]:
    """What each claim is made to run into, claim by claim (application n's are [n * claims, (n + 1) * claims))."""
    rng = random.Random(2026)
    names = list(PLAN)
    return rng.choices(names, weights=[PLAN[name][0] for name in names], k=applications * claims)


def number(serial: int, type_code: str = "1", year: int | None = None) -> str:
    from zhichan.registry.identifiers import patent_check_digit

    digits = f"{year or 2015 + serial % 10}{type_code}{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def registered(serial: int, planned: str) -> str:
    """The number of the patent claim `serial` is made for, as the register keeps it."""
    return number(serial, "2" if planned == "utility model" else "1", 2021 + serial % 3)


def claimed(serial: int, planned: str) -> str:
    """The number as the applicant writes it: the register's form, with the ZL prefix, or with spaces around."""
    absent = planned == "not in the register"
    text = number(serial + ABSENT, "1", 2021 + serial % 3) if absent else registered(serial, planned)
    return f"ZL{text}" if serial % 7 == 0 else f" {text} " if serial % 11 == 0 else text


def _day(rng, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def prepare(args, schemes, claims_plan: list[str]):
    from django.db import connection, transaction

    from zhichan.core.models import Region, RegionKind
    from zhichan.finance.models import PastAward
    from zhichan.finance.models.subsidies import Claim, Stage, SubsidyApplication
    from zhichan.registry.models import Enterprise, Patent

    (scheme, item), (earlier_scheme, earlier_item) = schemes
    past = claims_plan.count("past award")
    if (
        Patent.objects.count() == args.patents
        and Enterprise.objects.count() == args.enterprises
        and SubsidyApplication.objects.filter(scheme=scheme, stage=Stage.TOWNSHIP).count() == args.applications
        and PastAward.objects.count() == past
    ):
        return
    started = time.perf_counter()
    holders_table = Patent.holders.through
    with connection.cursor() as cursor:
        for model in (Claim, SubsidyApplication, PastAward, holders_table, Patent, Enterprise):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    county = Region.objects.get(code="350583")
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).values_list(
            "pk", flat=True
        )
    )
    rng = random.Random(2022)
    now = datetime.datetime.now(datetime.UTC)
    with transaction.atomic():
        copy_rows(
            Enterprise,
            ({"name": f"合成企业{n}", "region_id": rng.choice(townships)} for n in range(args.enterprises)),
            synthetic=True,
        )
        enterprises = list(Enterprise.objects.order_by("pk").values_list("pk", flat=True))
        others = enterprises[args.applications :]  # enterprises not applying
        holders = []

        def patent(serial: int):
            """Serials below applications × claims are claimed (claim n names serial n); the rest fill the register."""
            if serial < len(claims_plan):
                planned = claims_plan[serial]
                applicant = enterprises[serial // args.claims]
                patent_type, filed = "invention", _day(rng, datetime.date(2021, 1, 1), datetime.date(2023, 6, 30))
                granted = _day(rng, *WINDOW)
                owners = [applicant]
                if planned == "granted outside the window":
                    granted = _day(rng, datetime.date(2023, 7, 1), WINDOW[0] - datetime.timedelta(days=1))
                elif planned == "not granted":
                    granted = None
                elif planned == "another's patent":
                    owners = [enterprises[serial // args.claims + args.applications]]
                elif planned == "utility model":
                    patent_type = "utility_model"
                if planned == "not in the register":  # the number claimed is another; this one fills the register
                    owners = [rng.choice(enterprises)]
                elif rng.random() < 0.1 and (co_holder := rng.choice(others)) not in owners:
                    owners.append(co_holder)
                text = registered(serial, planned)
            else:
                patent_type = rng.choice(["invention"] * 12 + ["utility_model"] * 55 + ["design"] * 33)
                filed = _day(rng, datetime.date(2005, 1, 1), datetime.date(2024, 12, 31))
                granted = filed + datetime.timedelta(days=rng.randrange(120, 1500)) if rng.random() < 0.8 else None
                owners = [rng.choice(enterprises)] if rng.random() < 0.9 else rng.sample(enterprises, 2)
                text = number(serial, {"invention": "1", "utility_model": "2", "design": "3"}[patent_type])
            holders.append(owners)
            return {
                "application_number": text,
                "patent_type": patent_type,
                "title": f"一种合成装置{serial}",
                "region_id": rng.choice(townships),
                "filing_date": filed,
                "grant_date": granted,
            }

        copy_rows(Patent, (patent(serial) for serial in range(args.patents)), synthetic=True)
        ids = list(Patent.objects.order_by("pk").values_list("pk", flat=True))  # COPY keeps the order of the rows
        copy_rows(
            holders_table,
            ({"patent_id": ids[serial], "enterprise_id": e} for serial, owners in enumerate(holders) for e in owners),
        )
        fill_applications(args, scheme, item, earlier_scheme, earlier_item, enterprises, claims_plan, now)
        copy_rows(
            PastAward,
            (
                {
                    "applicant_id": enterprises[serial // args.claims],
                    "applicant_name": f"合成企业{serial // args.claims}",
                    "scheme_name": "2024年度合成专利资助（基准测试）",
                    "year": 2024,
                    "basis": item.basis,
                    "subject": registered(serial, planned),
                    "amount": Decimal("0.3"),
                }
                for serial, planned in enumerate(claims_plan)
                if planned == "past award"
            ),
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"generated {args.enterprises:,} enterprises, {args.patents:,} patents and {args.applications:,} "
        f"applications in {time.perf_counter() - started:.0f} s"
    )


def fill_applications(args, scheme, item, earlier_scheme, earlier_item, enterprises, claims_plan, now):
    """The applications under test (submitted, their claims left to the benchmark), and the earlier ones: last
    year's (paid), other enterprises' to this scheme (under review) and every tenth applicant's approved one."""
    from zhichan.finance.models.subsidies import Claim, Stage, SubsidyApplication

    def application(prefix, n, scheme, applicant, stage):
        return {
            "number": f"{prefix}-{n:06d}",
            "scheme_id": scheme.pk,
            "applicant_id": applicant,
            "stage": stage,
            "contact": "王经理",
            "phone": "0595-86000000",
            "account_bank": "演示银行南安支行",
            "account_number": f"6222 0000 {n:08d}",
            "submitted_on": datetime.date(scheme.year, 3, 1),
            "created": now,
        }

    per, applicants = args.claims, args.applications
    last_year = sorted({s // per for s, planned in enumerate(claims_plan) if planned == "subsidised last year"})
    others = range(0, applicants, 20)  # another enterprise (not applying here) per 20 applications claims theirs
    approved = range(0, applicants, 10)
    rows = [application("BZ2026", n, scheme, enterprises[n], Stage.TOWNSHIP) for n in range(applicants)]
    rows += [application("BZ2025", n, earlier_scheme, enterprises[n], Stage.PAID) for n in last_year]
    rows += [application("BZ2026-R", n, scheme, enterprises[applicants + n], Stage.OFFICE) for n in others]
    rows += [application("BZ2026-A", n, scheme, enterprises[n], Stage.NOTICE) for n in approved]
    copy_rows(SubsidyApplication, rows, synthetic=True)
    by_number = dict(SubsidyApplication.objects.values_list("number", "pk"))

    def claim(prefix, n, item, subject, eligible, approved=None):
        return {
            "application_id": by_number[f"{prefix}-{n:06d}"],
            "item_id": item.pk,
            "subject": subject,
            "eligible": eligible,
            "reasons": "[]",
            "approved": approved,
        }

    def earlier():
        for serial, planned in enumerate(claims_plan):
            subject = registered(serial, planned)
            n = serial // per
            if planned == "subsidised last year":
                yield claim("BZ2025", n, earlier_item, subject, AMOUNT, AMOUNT)
            elif planned == "claimed by another":
                yield claim("BZ2026-R", n - n % 20, item, subject, AMOUNT)
        for n in approved:  # on patents of the register's filler, not claimed again here
            for k in range(APPROVED_BEFORE):
                subject = number(len(claims_plan) + n * APPROVED_BEFORE + k)
                yield claim("BZ2026-A", n, item, subject, AMOUNT, AMOUNT)

    copy_rows(Claim, earlier())


def claims_to_assess(args, scheme, item, claims_plan):
    """The claims under test as the pages build them: unsaved, each with its (saved) application and the item."""
    from zhichan.finance.models.subsidies import Claim, Stage, SubsidyApplication

    applications = list(SubsidyApplication.objects.filter(scheme=scheme, stage=Stage.TOWNSHIP).order_by("number"))
    claims = []
    for n, application in enumerate(applications):
        application.scheme = scheme
        for serial in range(n * args.claims, (n + 1) * args.claims):
            claims.append(Claim(application=application, item=item, subject=claimed(serial, claims_plan[serial])))
    return applications, claims


def failed(claim) -> set[str]:
    return {check for check, passed, _values in claim.reasons if passed is False}


def naive(application, item, texts) -> list[tuple[Decimal, set[str]]]:
    """The rules again, one claim at a time, a few queries each: [(amount, checks failed)]."""
    from zhichan.finance.models import PastAward
    from zhichan.finance.models.subsidies import AWARDED, Claim, Stage
    from zhichan.finance.services.eligibility import subject_of
    from zhichan.registry.models import Patent
    from zhichan.registry.models.patents import PatentType

    scheme, applicant = application.scheme, application.applicant_id
    results, given = [], Decimal(0)
    for text in texts:
        subject, checks = subject_of(item.basis, text), set()
        patent = Patent.objects.filter(application_number=subject).values("pk", "patent_type", "grant_date").first()
        if patent is None:
            checks.add("not-in-register")
        else:
            if patent["patent_type"] != PatentType.INVENTION:
                checks.add("not-invention")
            if patent["grant_date"] is None:
                checks.add("not-granted")
            elif not scheme.window_from <= patent["grant_date"] <= scheme.window_to:
                checks.add("not-granted-in-window")
            holders = Patent.holders.through.objects.filter(patent_id=patent["pk"]).values_list("enterprise_id")
            if (applicant,) not in set(holders):
                checks.add("not-holder")
        others = (
            Claim.objects.filter(subject=subject, item__basis=item.basis)
            .exclude(application=application)
            .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
        )
        for stage, approved, eligible in others.values_list("application__stage", "approved", "eligible"):
            if approved != 0 and not (approved is None and eligible == 0):
                checks.add("subsidised-here" if stage in AWARDED else "claimed-here")
        if PastAward.objects.filter(basis=item.basis, subject=subject).exists():
            checks.add("subsidised-before")
        used = sum(
            approved if approved is not None else eligible
            for approved, eligible in Claim.objects.filter(application__applicant_id=applicant, item=item)
            .exclude(application=application)
            .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
            .values_list("approved", "eligible")
        )
        amount = Decimal(0) if checks else item.amount
        if item.cap is not None:
            amount = min(amount, item.cap)
        if item.cap_per_applicant is not None:
            amount = min(amount, max(item.cap_per_applicant - used - given, Decimal(0)))
            given += amount
        results.append((amount, checks))
    return results


def main():
    args = arguments()
    setup_django(args.database_url)
    schemes = reference()
    claims_plan = plan(args.applications, args.claims)
    prepare(args, schemes, claims_plan)
    from zhichan.finance.services.eligibility import assess

    scheme, item = schemes[0]
    applications, claims = claims_to_assess(args, scheme, item, claims_plan)
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    assess(claims)
    ours, cpu = time.perf_counter() - started, time.process_time() - cpu
    total = sum(claim.eligible for claim in claims)
    good = sum(1 for claim in claims if claim.eligible)
    capped = sum(1 for claim in claims if any(check == "applicant-cap" for check, *_ in claim.reasons))
    print(
        f"(a) ours: {len(claims):,} claims of {len(applications):,} applications assessed in {ours:.2f} s "
        f"({cpu:.2f} s of CPU in this process; load average {load:.1f} on {os.cpu_count()} CPUs): {good:,} "
        f"eligible for {total.normalize():,f} 万元, {capped:,} of them capped per applicant"
    )
    wrong = {name: 0 for name in PLAN}
    for claim, planned in zip(claims, claims_plan, strict=True):
        wrong[planned] += failed(claim) != PLAN[planned][1]
    made = ", ".join(f"{name} {claims_plan.count(name):,}" for name in list(PLAN)[1:])
    print(f"    made ineligible: {made}; each found failing its check and no other: {not any(wrong.values())}")

    rng = random.Random(7)
    sample = sorted(rng.sample(range(len(applications)), max(1, min(args.naive // args.claims, len(applications)))))
    sampled = len(sample) * args.claims
    started = time.perf_counter()
    found = []
    for n in sample:
        serials = range(n * args.claims, (n + 1) * args.claims)
        found += naive(applications[n], item, [claimed(serial, claims_plan[serial]) for serial in serials])
    spent = time.perf_counter() - started
    extrapolated = spent * len(claims) / sampled
    ours_sample = [
        (claims[s].eligible, failed(claims[s])) for n in sample for s in range(n * args.claims, (n + 1) * args.claims)
    ]
    agree = found == ours_sample
    print(
        f"(b) naive loop: {sampled:,} claims in {spent:.2f} s, {extrapolated:.0f} s for {len(claims):,} "
        f"(extrapolated); same amounts and failed checks as (a): {agree}"
    )
    verdict = "met" if ours <= TARGET else "MISSED"
    print(f"ratio naive / ours: {extrapolated / ours:.0f}×; target ≤ {TARGET:.0f} s: {verdict}")
    return 0 if agree and not any(wrong.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
