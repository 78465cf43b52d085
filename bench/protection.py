"""Benchmark of the enforcement cases' clocks: every case's status and T8, and the case list by days left.

    .venv/bin/python bench/protection.py [--cases 200000] [--requests 20] [--naive-months 12]
                                         [--database-url sqlite:///…/var/bench-protection.sqlite3]

Fills its own database (SQLite by default; a PostgreSQL URL such as
postgres://postgres@127.0.0.1:5432/zhichan_bench_protection is created if missing; the cases are rebuilt when
their number differs) with synthetic enforcement cases over the ten years up to today in Nan'an's regions (the
county and its townships): leads, filings, decisions and closings at plausible intervals, some not filed,
transferred or withdrawn, some with a period not counted or an extension, the recent ones still open; their
clocks, and what each case keeps of them, as the case actions store them. Then, in the same run:
  (a) ours: the status of every case with a running clock (what the case list shows) and T8, the on-time
      closure rate, for every region and every month of the ten years, from the due dates the cases keep;
  (b) a naive loop: core.clocks.clock per case, for every case's status and for the closed cases of
      --naive-months months spread over the ten years (extrapolated to every month), checked against (a);
  (c) the case list sorted by days left, unfiltered and filtered, pages 1 and 2, through the test client as the
      office: server time p50 and p95 over --requests rounds, beside the same pages sorted by newest lead.
Never point it at a database whose data you want to keep.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from collections import defaultdict

from common import ROOT, ensure_database

TARGET_COMPUTE, TARGET_PAGE_P95 = 2.0, 100.0
YEARS = 10


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=20, help="rounds of the case list's pages")
    parser.add_argument("--naive-months", type=int, default=12)
    parser.add_argument("--only", choices=["compute", "list"], help="run (a) and (b), or (c), alone")
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-protection.sqlite3'}")
    return parser.parse_args()


def setup_django(url: str):
    """Django against the benchmark database, migrated, with Nan'an's regions, units, rules, calendar and kinds."""
    if url.startswith("postgres"):
        ensure_database(url)
    else:
        (ROOT / "var").mkdir(exist_ok=True)
    os.environ["ZHICHAN_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhichan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from zhichan.core.models import Unit
    from zhichan.core.services.calendar import seed_calendar
    from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
    from zhichan.core.services.organisation import load_organisation
    from zhichan.core.services.regions import load_regions
    from zhichan.protection.services.kinds import load_case_kinds

    call_command("migrate", verbosity=0)
    load_regions(settings.PROJECT_DIR / "data" / "regions" / "350583-nanan.yaml")
    if not Unit.objects.filter(key="amr").exists():
        load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    seed_calendar()
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    load_case_kinds()


# --- the cases ---------------------------------------------------------------------------------------------------

UNIT_OF = {"copyright-infringement": "culture", "plant-variety-infringement": "agriculture"}
EXTENDABLE = ("penalty-decision", "patent-dispute-decision")
BATCH = 5_000


def prepare(count: int, today: datetime.date):
    from zhichan.protection.models import Case

    if Case.objects.count() == count:
        return
    started = time.perf_counter()
    _clear()
    _fill(count, today)
    print(f"generated {count:,} cases in {time.perf_counter() - started:.0f} s")


def _clear():
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock, ExcludedPeriod, Extension
    from zhichan.protection.models import Case

    clocks = Clock.objects.filter(content_type=ContentType.objects.get_for_model(Case))
    for query in (
        Extension.objects.filter(clock__in=clocks),
        ExcludedPeriod.objects.filter(clock__in=clocks),
        clocks,
        Case.objects.all(),
    ):
        query._raw_delete(query.db)


def _fill(count: int, today: datetime.date):
    """Cases in batches: each batch's cases, then their clocks, then the clocks' extensions and periods."""
    from django.db import transaction

    from zhichan.core.models import Region, RegionKind, Unit
    from zhichan.protection.models import CaseKind

    county = Region.objects.get(code="350583")
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).order_by("path")
    )
    units = {unit.key: unit for unit in Unit.objects.filter(region=county)}
    kinds = list(CaseKind.objects.order_by("key"))
    rng = random.Random(2016)
    numbers = defaultdict(int)
    for first in range(0, count, BATCH):
        with transaction.atomic():
            planned = [_plan(rng, today, kinds, units, townships, numbers) for _n in range(min(BATCH, count - first))]
            _write(planned)
    from zhichan.protection.models import Case
    from zhichan.protection.services.clock_fields import refresh_many

    started = time.perf_counter()
    with transaction.atomic():
        refresh_many(Case.objects.all())
    print(f"kept the clocks' due dates on {count:,} cases in {time.perf_counter() - started:.0f} s")
    _analyze()


def _analyze():
    """The planner's statistics and PostgreSQL's visibility map, as autovacuum leaves them some time after a bulk
    load (SQLite has no statistics until ANALYZE runs): without them SQLite may read a filtered list off the wrong
    index, and PostgreSQL counts the cases from the table rather than an index."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _plan(rng, today, kinds, units, townships, numbers):
    """One case's fields and its clocks' (rule, start, stop, extensions, periods), as the actions leave them."""
    from zhichan.protection.models import Source, State

    kind = rng.choice(kinds)
    unit = units[UNIT_OF.get(kind.key, "amr")]
    lead_on = today - datetime.timedelta(days=rng.randrange(0, YEARS * 365))
    numbers[(unit.key, lead_on.year)] += 1
    case = {
        "unit": unit,
        "number": f"{unit.key}〔{lead_on.year}〕{numbers[(unit.key, lead_on.year)]}号",
        "title": f"合成案件{lead_on:%Y%m%d}",
        "kind": kind,
        "ip_type": kind.ip_type,
        "source": rng.choice(Source.values),
        "township": rng.choice(townships) if rng.random() < 0.9 else None,
        "lead_on": lead_on,
        "synthetic": True,
    }
    clocks = []

    def day_after(start, low, high):
        return start + datetime.timedelta(days=rng.randint(low, high))

    def ends(state, day):
        case.update(state=state, ended_on=day)

    filed_on = day_after(lead_on, 1, 25) if kind.filing_rule else lead_on
    if kind.filing_rule:
        if rng.random() < 0.06 and day_after(lead_on, 3, 20) <= today:
            day = day_after(lead_on, 3, 20)
            clocks.append([kind.filing_rule, lead_on, day, [], []])
            ends(State.NOT_FILED, day)
            return case, clocks
        if filed_on > today:
            clocks.append([kind.filing_rule, lead_on, None, [], []])
            case["state"] = State.LEAD
            return case, clocks
        clocks.append([kind.filing_rule, lead_on, filed_on, [], []])
    case["filed_on"] = filed_on
    decision = [kind.decision_rule, filed_on, None, [], []]
    clocks.append(decision)
    decided_on = day_after(filed_on, 20, 105)
    if rng.random() < 0.1:  # a period not counted, e.g. an expert appraisal
        start = day_after(filed_on, 5, 30)
        end = day_after(start, 7, 40)
        if start <= today:
            decision[4].append((start, end if end < today else None))
            decided_on += end - start
    if kind.decision_rule in EXTENDABLE and rng.random() < 0.08:
        approved = day_after(filed_on, 60, 85)
        if approved <= today:
            decision[3].append((30, approved))
            decided_on = day_after(decided_on, 0, 30)
    if rng.random() < 0.05 and day_after(filed_on, 5, 40) <= today:
        day = day_after(filed_on, 5, 40)
        decision[2] = day
        ends(rng.choice([State.TRANSFERRED, State.WITHDRAWN]), day)
        return case, clocks
    if decided_on > today:
        case["state"] = rng.choice([State.FILED, State.INVESTIGATION])
        return case, clocks
    decision[2] = decided_on
    case.update(decided_on=decided_on, decision_number=f"决字{numbers[(unit.key, lead_on.year)]}")
    ended_on = day_after(decided_on, 0, 60)
    if ended_on > today:
        case["state"] = rng.choice([State.DECIDED, State.ENFORCEMENT])
    else:
        ends(State.CLOSED, ended_on)
    return case, clocks


def _write(planned):
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock, DeadlineRule, ExcludedPeriod, Extension
    from zhichan.protection.models import Case

    content_type = ContentType.objects.get_for_model(Case)
    rules = {rule.key: rule for rule in DeadlineRule.objects.all()}
    cases = Case.objects.bulk_create([Case(**fields) for fields, _clocks in planned])
    plans, rows = [], []
    for case, (_fields, clocks) in zip(cases, planned, strict=True):
        for rule, start, stop, extensions, excluded in clocks:
            plans.append((extensions, excluded))
            rows.append(
                Clock(rule=rules[rule], content_type=content_type, object_id=case.pk, started_on=start, stopped_on=stop)
            )
    rows = Clock.objects.bulk_create(rows)
    extensions, excluded = [], []
    for row, (granted, periods) in zip(rows, plans, strict=True):
        extensions += [
            Extension(clock=row, length=length, approver="局长", approved_on=day, reason="案情复杂")
            for length, day in granted
        ]
        excluded += [ExcludedPeriod(clock=row, start=start, end=end, reason="鉴定") for start, end in periods]
    Extension.objects.bulk_create(extensions)
    ExcludedPeriod.objects.bulk_create(excluded)


# --- (a) and (b): every case's status and T8 ---------------------------------------------------------------------


def months(today):
    from zhichan.indicators.periods import month

    first = today.year * 12 + today.month - 1 - YEARS * 12
    return [month(n // 12, n % 12 + 1) for n in range(first + 1, first + YEARS * 12 + 1)]


def run_ours(today, periods):
    from zhichan.core.monthly import month_number
    from zhichan.protection.metrics import OnTimeRate
    from zhichan.protection.models import Case
    from zhichan.protection.services.clock_lists import statuses as clock_statuses

    started = time.perf_counter()
    statuses = clock_statuses(Case.objects.all(), today)
    status_seconds = time.perf_counter() - started
    first, last = month_number(periods[0].start), month_number(periods[-1].start)
    by_month = OnTimeRate().by_month(first, last)
    rates = {period.key: by_month[month_number(period.start)] for period in periods}
    return status_seconds, time.perf_counter() - started - status_seconds, statuses, rates


def naive_statuses(today):
    from django.core.exceptions import ObjectDoesNotExist

    from zhichan.core.clocks import clock
    from zhichan.protection.models import Case

    started, statuses = time.perf_counter(), {}
    for case in Case.objects.select_related("kind").iterator(chunk_size=2_000):
        if case.running_rule:
            try:
                statuses[case.pk] = clock(case, today, rule=case.running_rule).state
            except ObjectDoesNotExist:
                pass
    return time.perf_counter() - started, statuses


def naive_rates(period):
    """T8 of one month: each closed case's decision clock read on its own on the day it stopped, summed up the
    region tree."""
    from decimal import Decimal

    from django.core.exceptions import ObjectDoesNotExist

    from zhichan.core.clocks import State as ClockState
    from zhichan.core.clocks import clock
    from zhichan.core.models import Region
    from zhichan.protection.models import Case, State

    regions = dict(Region.objects.values_list("path", "pk"))
    totals = defaultdict(lambda: [0, 0])
    closed = Case.objects.filter(state=State.CLOSED, ended_on__gte=period.start, ended_on__lte=period.end)
    for case in closed.select_related("kind", "township", "unit__region"):
        place = case.township.path if case.township else case.unit.region.path
        try:
            met = clock(case, case.decided_on, rule=case.kind.decision_rule).state == ClockState.MET
        except ObjectDoesNotExist:
            met = False
        for path, pk in regions.items():
            if place.startswith(path):
                totals[pk][0] += 1
                totals[pk][1] += met
    return {
        pk: float((Decimal(timely * 100) / closed).quantize(Decimal("0.01"))) for pk, (closed, timely) in totals.items()
    }


def measure_compute(today, naive_months: int):
    from zhichan.protection.models import Case

    periods = months(today)
    runs = [run_ours(today, periods) for _run in range(2)]
    status_seconds, rate_seconds, statuses, rates = min(runs, key=lambda run: run[0] + run[1])
    ours = status_seconds + rate_seconds
    naive_status_seconds, naive_found = naive_statuses(today)
    step = max(1, len(periods) // naive_months)
    sampled = periods[step - 1 :: step]
    started = time.perf_counter()
    naive_found_rates = {period.key: naive_rates(period) for period in sampled}
    naive_rate_sample = time.perf_counter() - started
    naive_rate_seconds = naive_rate_sample * len(periods) / len(sampled)
    naive = naive_status_seconds + naive_rate_seconds
    closed = Case.objects.filter(state="closed").count()
    print(
        f"(a) ours:        {ours:7.2f} s  = statuses of the {len(statuses):,} running clocks {status_seconds:.2f} s "
        f"+ T8 for every region × {len(periods)} months ({closed:,} closed cases) {rate_seconds:.2f} s "
        f"(runs: {', '.join(f'{a + b:.2f} s' for a, b, _s, _r in runs)})"
    )
    print(
        f"(b) naive loop:  {naive:7.1f} s  = statuses {naive_status_seconds:.1f} s (every case) + T8 "
        f"{naive_rate_seconds:.1f} s ({naive_rate_sample:.1f} s for {len(sampled)} months, × {len(periods)}/"
        f"{len(sampled)})"
    )
    print(f"    ours is {naive / ours:.0f}x faster")
    if naive_found != statuses:
        differ = {pk for pk in set(statuses) | set(naive_found) if statuses.get(pk) != naive_found.get(pk)}
        sys.exit(f"the naive statuses differ from ours for {len(differ)} cases, e.g. {sorted(differ)[:5]}")
    for key, values in naive_found_rates.items():
        if values != rates[key]:
            sys.exit(f"T8 of {key} differs: naive {values}, ours {rates[key]}")
    print(f"    the naive loop's {len(naive_found):,} statuses and T8 of {len(sampled)} months agree with ours")
    return ours <= TARGET_COMPUTE, f"every status and T8 ≤ {TARGET_COMPUTE:.0f} s"


# --- (c): the case list ------------------------------------------------------------------------------------------


def measure_list(requests: int):
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from zhichan.core.models import Region, RegionKind, User
    from zhichan.core.roles import Role

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Served in process: static files are named without the manifest collectstatic would write.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    user, _created = User.objects.get_or_create(username="bench-office", defaults={"role": Role.OFFICE})
    client = Client()
    client.force_login(user)
    township = Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path").first()
    url = reverse("case-list")
    queries = ["", "page=2", f"township={township.pk}", "state=filed", "ip_type=trademark&page=2"]
    timings = {}
    for sort in ("days-left", "newest"):
        times = timings[sort] = []
        for query in queries:  # warm up
            client.get(f"{url}?sort={sort}&{query}", secure=True)
        for _round in range(requests):
            for query in queries:
                started = time.perf_counter()
                response = client.get(f"{url}?sort={sort}&{query}", secure=True)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    sys.exit(f"{url}?sort={sort}&{query}: {response.status_code}")
    p = {sort: (statistics.median(times), statistics.quantiles(times, n=20)[-1]) for sort, times in timings.items()}
    print(
        f"(c) case list by days left: p50 {p['days-left'][0]:6.1f} ms, p95 {p['days-left'][1]:6.1f} ms over "
        f"{len(timings['days-left'])} requests ({len(queries)} pages: unfiltered, page 2, a township, filed, "
        "trademarks page 2)"
    )
    print(
        f"    the same pages by newest lead: p50 {p['newest'][0]:6.1f} ms, p95 {p['newest'][1]:6.1f} ms; by days "
        f"left p95 is {p['days-left'][1] / p['newest'][1]:.1f}x"
    )
    return p["days-left"][1] <= TARGET_PAGE_P95, f"case list by days left p95 ≤ {TARGET_PAGE_P95:.0f} ms"


# --- the run ------------------------------------------------------------------------------------------------------


def main():
    sys.stdout.reconfigure(line_buffering=True)
    args = arguments()
    setup_django(args.database_url)
    from django.db import connection
    from django.utils import timezone

    from zhichan.core.models import Region
    from zhichan.protection.models import Case

    today = timezone.localdate()
    prepare(args.cases, today)
    print(
        f"{Case.objects.count():,} cases over {YEARS} years to {today}, "
        f"{Region.objects.filter(path__startswith=Region.objects.get(code='350583').path).count()} regions; "
        f"{connection.vendor}"
    )
    checks = []
    if args.only != "list":
        checks.append(measure_compute(today, args.naive_months))
    if args.only != "compute":
        checks.append(measure_list(args.requests))
    print(f"load average over the last 5 minutes: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    for ok, what in checks:
        print(f"  {'met' if ok else 'MISSED'}: {what}")


if __name__ == "__main__":
    main()
