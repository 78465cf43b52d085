"""Demo data (演示数据（虚构）): a few dozen synthetic dishonesty records across the kinds, on the demo register's
enterprises and a few persons, those of the demo cases' repeat infringers among them; a few parties on the serious
list; two credit-repair applications awaiting review; a first grade run. Deterministic (one seed), dated back from
the day it is made so that some records are still published, and made through the actions, as the system."""

import datetime
import random

from django.db.models import Count, Max
from django.utils import timezone

from zhichan.core.models import Unit
from zhichan.protection.models import CaseParty
from zhichan.registry.models import Enterprise

from ..models import DishonestyKind, DishonestyRecord, RecordSource
from . import grades, records, repair, serious

SEED = 20_240_301
NOTE = "（演示数据（虚构））"
PERSONS = [("陈某某", "350583198503120011"), ("林某某", "350583199107230027"), ("黄某某", "35058319780915003X")]


def demo_credit_present() -> bool:
    return DishonestyRecord.objects.filter(synthetic=True).exists()


def _repeat_parties():
    """The demo cases' organisations with two or more decided cases: (credit code, name, latest case)."""
    rows = (
        CaseParty.objects.exclude(credit_code="")
        .filter(case__decided_on__isnull=False)
        .values("credit_code")
        .annotate(cases=Count("case", distinct=True), name=Max("name"), latest=Max("case__decided_on"))
        .filter(cases__gte=2)
        .order_by("credit_code")[:6]
    )
    found = []
    for row in rows:
        party = (
            CaseParty.objects.filter(credit_code=row["credit_code"], case__decided_on=row["latest"])
            .select_related("case")
            .first()
        )
        found.append((row["credit_code"], row["name"], party.case))
    return found


def create_demo_credit(today: datetime.date | None = None) -> tuple[int, int, int, int]:
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    unit = Unit.objects.get(key="amr")
    kinds = list(DishonestyKind.objects.order_by("order"))
    repeat_kind = next(k for k in kinds if k.key == "repeat-infringement")
    made = []
    for code, name, case in _repeat_parties():
        made.append(
            records.enter_record(
                None,
                unit=case.unit,
                subject_kind="enterprise",
                subject_name=name,
                credit_code=code,
                kind=repeat_kind,
                source=RecordSource.CASE,
                case=case,
                found_on=min(case.decided_on, today),
                document_number=f"{case.decision_number or case.number}-信",
                facts=f"两次以上因侵犯知识产权受到行政处罚{NOTE}",
                synthetic=True,
            )
        )
    enterprises = list(
        Enterprise.objects.filter(merged_into__isnull=True, uscc__isnull=False).exclude(uscc="").order_by("uscc")[:40]
    )
    rng.shuffle(enterprises)
    for serial, enterprise in enumerate(enterprises[4:32], start=1):
        kind = kinds[serial % len(kinds)]
        found_on = today - datetime.timedelta(days=rng.randint(20, 900))
        made.append(
            records.enter_record(
                None,
                unit=unit,
                subject_kind="enterprise",
                subject_name=enterprise.name,
                credit_code=enterprise.uscc,
                kind=kind,
                source=rng.choice([RecordSource.MANUAL, RecordSource.NATIONAL_LIST]),
                found_on=found_on,
                document_number=f"南市监信〔{found_on.year}〕{serial}号",
                facts=f"{kind.name}{NOTE}",
                synthetic=True,
            )
        )
    for serial, (name, id_number) in enumerate(PERSONS, start=1):
        found_on = today - datetime.timedelta(days=rng.randint(30, 300))
        made.append(
            records.enter_record(
                None,
                unit=unit,
                subject_kind="person",
                subject_name=name,
                id_number=id_number,
                kind=kinds[serial],
                source=RecordSource.MANUAL,
                found_on=found_on,
                document_number=f"南市监信〔{found_on.year}〕P{serial}号",
                facts=f"{kinds[serial].name}{NOTE}",
                synthetic=True,
            )
        )
    for record in made[::4]:
        records.publish_record(record, None, max(record.found_on, today - datetime.timedelta(days=5)))
    listings = []
    for serial, (enterprise, days_ago) in enumerate(zip(enterprises[:4], (420, 200, 800, 500), strict=False), start=1):
        listed_on = today - datetime.timedelta(days=days_ago)
        listings.append(
            serious.list_subject(
                None,
                unit=unit,
                subject_kind="enterprise",
                subject_name=enterprise.name,
                credit_code=enterprise.uscc,
                decision_number=f"南市监列〔{listed_on.year}〕{serial}号",
                listed_on=listed_on,
                reasons=f"故意侵犯知识产权，受到较重行政处罚{NOTE}",
                synthetic=True,
            )
        )
    if listings:
        serious.publish_listing(listings[0], None, listings[0].listed_on)
    applications = 0
    # A record found more than six months ago whose subject is not listed: its repair awaits review.
    eligible = [
        r
        for r in made
        if r.subject_kind == "enterprise"
        and repair.record_repair_from(r) <= today - datetime.timedelta(days=3)
        and r.standing(today) == "in-force"
        and r.credit_code not in {e.credit_code for e in listings}
    ]
    if eligible:
        repair.ask_record_repair(
            eligible[0],
            None,
            today - datetime.timedelta(days=3),
            list(repair.RECORD_CONDITIONS),
            f"已履行处罚决定并消除影响{NOTE}",
        )
        applications += 1
    # A published record whose repair was approved: the portal's open data shows the outcome (信用修复结果).
    repaired = [r for r in eligible[1:] if r.published and r.published_on <= today - datetime.timedelta(days=4)]
    if repaired:
        conditions = list(repair.RECORD_CONDITIONS)
        repair.ask_record_repair(repaired[0], None, today - datetime.timedelta(days=3), conditions, f"已整改{NOTE}")
        repair.approve_record_repair(repaired[0], None, today - datetime.timedelta(days=1), f"符合修复条件{NOTE}")
    if listings and repair.listing_removal_from(listings[0]) <= today:
        repair.ask_early_removal(
            listings[0],
            None,
            today - datetime.timedelta(days=2),
            list(repair.LISTING_CONDITIONS),
            f"已履行行政处罚并完成整改{NOTE}",
        )
        applications += 1
    run = grades.compute_grades(None, today)
    return len(made), len(listings), applications, sum(run.counts.values())
