import datetime

import pytest
from django.conf import settings

from zhichan.core.models import Region, RegionKind, Unit
from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.protection.models import CaseKind, PartyKind
from zhichan.protection.services import cases, complaints, mediation
from zhichan.protection.services.kinds import load_case_kinds


def load_reference():
    """The deadline rules, the kinds of cases and the working-day calendar the cases' clocks read."""
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    seed_calendar([2023, 2024, 2025])
    load_case_kinds()


@pytest.fixture
def reference(db):
    load_reference()


@pytest.fixture
def amr():
    return Unit.objects.get(key="amr")


@pytest.fixture
def shuitou(users):
    return users["shuitou-liaison"].unit.region


@pytest.fixture
def other_township(shuitou):
    return Region.objects.filter(kind__in=RegionKind.township_level()).exclude(pk=shuitou.pk).order_by("path").first()


@pytest.fixture
def new_case(reference, users, amr, shuitou):
    """A factory: a trademark case of the market supervision bureau, received as a lead on the day given."""
    counter = iter(range(1, 1000))

    def make(lead_on=datetime.date(2024, 2, 20), kind="trademark-infringement", user="amr-liaison", **extra):
        values = {
            "unit": amr,
            "number": f"南市监处〔2024〕{next(counter)}号",
            "title": "水龙头商标侵权案",
            "kind": CaseKind.objects.get(key=kind),
            "source": "complaint",
            "lead_on": lead_on,
            "township": shuitou,
            "parties": [{"kind": PartyKind.PERSON, "name": "张三", "id_number": "350583199001011234"}],
        }
        values.update(extra)
        return cases.open_case(users[user] if user else None, **values)

    return make


COMPLAINANT_ID = "350583199001011234"


@pytest.fixture
def new_complaint(reference, users):
    """A complaint taken in by the office (or the user given) on the day given, about a trademark."""

    def make(received_on=datetime.date(2024, 3, 1), user="office", unit=None, **extra):
        acting = users[user] if user else None
        values = {
            "unit": unit or (acting.unit if acting else Unit.objects.get(key="office")),
            "kind": "complaint",
            "channel": "12315",
            "received_on": received_on,
            "matter": "某商行销售假冒注册商标的水龙头",
            "ip_type": "trademark",
            "complainant_name": "李四",
            "complainant_contact": "13800000000",
            "complainant_id_number": COMPLAINANT_ID,
            "respondent_name": "演示卫浴商行",
            "respondent_credit_code": "91350583MA00000001",
        }
        values.update(extra)
        return complaints.take_complaint(acting, **values)

    return make


@pytest.fixture
def new_mediation(reference, users, amr, shuitou):
    """A factory: an administrative mediation of the market supervision bureau, received on the day given."""
    counter = iter(range(1, 1000))

    def make(received_on=datetime.date(2024, 3, 1), user="amr-liaison", **extra):
        values = {
            "unit": amr,
            "number": f"南市监调〔2024〕{next(counter)}号",
            "title": "水暖商标使用费纠纷",
            "kind": "administrative",
            "rights": "第1234567号注册商标专用权",
            "claim": "赔偿损失5万元",
            "mediator": "陈调解（演示）",
            "received_on": received_on,
            "township": shuitou,
            "parties": [
                {"side": "applicant", "name": "演示卫浴有限公司", "credit_code": "91350583MA00000001"},
                {"side": "respondent", "name": "演示五金商行"},
            ],
        }
        values.update(extra)
        return mediation.open_mediation(users[user] if user else None, **values)

    return make


@pytest.fixture
def new_special_action(reference, users, amr, shuitou, other_township):
    """A factory: a special action of the office, led by the market supervision bureau with the culture bureau
    taking part, from 2024-03-01 to 2024-06-30, over trademarks and patents, in 水头镇 and one other township."""
    from zhichan.protection.services import special_actions

    def make(user="office", **extra):
        values = {
            "name": "2024年商标专利专项整治行动（测试）",
            "start": datetime.date(2024, 3, 1),
            "end": datetime.date(2024, 6, 30),
            "ip_types": ["trademark", "patent"],
            "lead_unit": amr,
            "units": [Unit.objects.get(key="culture")],
            "areas": [shuitou, other_township],
            "targets": "查处商标侵权和假冒专利",
            "planned_inspections": 10,
            "planned_cases": 4,
        }
        values.update(extra)
        return special_actions.create_action(users[user] if user else None, **values)

    return make


# The case ledger (案件台账): cases of two units with their steps taken, for the export and the import.
@pytest.fixture
def ledger(new_case, users, amr, shuitou):
    """Three cases of the market supervision bureau and one of the court:

    - 南市监处〔2024〕1号 (lead 2024-02-20, a person): filed 2024-03-01, decided 2024-04-15 with amounts, closed
      2024-05-10. Decision clock: 90 days from 2024-03-01, the day not counted: due 2024-05-30 (a Thursday);
      decided before it: on time.
    - 南市监处〔2024〕2号 (lead 2024-01-02, an organisation): filed 2024-01-05, due 90 days later, 2024-04-04, the
      first day of the Qingming holiday (4–6 April 2024 off, Sunday 7 April a make-up working day): rolled to
      2024-04-07; decided 2024-05-10, closed 2024-05-20: overdue, met late.
    - 南市监处〔2024〕3号, a lead of 2024-06-03 still open: its filing clock, 15 working days not counting the
      lead's day (10 June 2024 the Dragon Boat holiday): due 2024-06-25, overdue by now.
    - a court case, which the market supervision bureau's liaison does not read.
    """
    liaison = users["amr-liaison"]
    first = new_case(lead_on=datetime.date(2024, 2, 20))
    cases.file_case(first, liaison, datetime.date(2024, 3, 1))
    amounts = {"illegal_turnover": "12500.50", "fine": "30000", "confiscation": "2500"}
    cases.decide(first, liaison, datetime.date(2024, 4, 15), "南市监处罚〔2024〕1号", amounts)
    cases.close_case(first, liaison, datetime.date(2024, 5, 10))
    second = new_case(
        lead_on=datetime.date(2024, 1, 2),
        title="石材商标侵权案",
        source="inspection",
        parties=[
            {"kind": PartyKind.ORGANISATION, "name": "南安市演示石业有限公司", "credit_code": "91350583MA00000001"},
            {"kind": PartyKind.ORGANISATION, "name": "南安市演示商行（普通合伙）"},
        ],
    )
    cases.file_case(second, liaison, datetime.date(2024, 1, 5))
    cases.decide(second, liaison, datetime.date(2024, 5, 10), "南市监处罚〔2024〕2号", {"fine": "5000"})
    cases.close_case(second, liaison, datetime.date(2024, 5, 20))
    third = new_case(lead_on=datetime.date(2024, 6, 3), title="假冒专利标识案", kind="counterfeit-patent", parties=[])
    court = cases.open_case(
        None,
        unit=Unit.objects.get(key="court"),
        number="（2024）闽0583行1号",
        title="法院案件",
        kind=CaseKind.objects.get(key="patent-dispute"),
        source="referral",
        lead_on=datetime.date(2024, 3, 1),
    )
    return first, second, third, court


@pytest.fixture
def nanan_units(db):
    """Nan'an's units by key."""
    return {unit.key: unit for unit in Unit.objects.filter(organisation__code="350583")}


@pytest.fixture
def new_meeting(users, nanan_units):
    """A factory: a joint meeting of Nan'an recorded by the office (or the user given) on the day given, convened by
    the market supervision bureau with the police, the court and customs present."""
    from zhichan.protection.services import meetings

    def make(held_on=datetime.date(2024, 3, 15), kind="plenary", user="office", **extra):
        values = {
            "title": "2024年第一次联席会议全体会议",
            "kind": kind,
            "held_on": held_on,
            "convener": nanan_units["amr"],
            "units_present": [nanan_units[key] for key in ("police", "court", "customs")],
            "agenda": "通报执法办案情况；研判执法问题。",
        }
        values.update(extra)
        return meetings.record_meeting(users[user] if user else None, **values)

    return make


@pytest.fixture
def other_organisation(db):
    """Nan'an's neighbour 晋江市 as an organisation of its own, with its market supervision bureau and an office
    user: none of Nan'an's records is theirs (a city above both would read them)."""
    from zhichan.core.models import Role, User

    city = Region.objects.get(code="3505")
    county = Region.objects.add_child(city, {"name": "晋江市", "code": "350582", "kind": RegionKind.COUNTY})
    amr = Unit.objects.create(
        organisation=county, key="jinjiang-amr", name="晋江市市场监管局", kind="member", region=county
    )
    office = Unit.objects.create(
        organisation=county, key="jinjiang-office", name="晋江市领导小组办公室", kind="office", region=county
    )
    user = User.objects.create(username="jinjiang-office", role=Role.OFFICE, unit=office)
    return {"region": county, "amr": amr, "office": office, "user": user}


def at(year, month, day, hour=0, minute=0):
    """A moment in the site's time zone (Asia/Shanghai)."""
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def new_transfer(new_case, users):
    """A factory: a trademark case of the market supervision bureau filed on the day given, reported for transfer to
    the police by its liaison on `reported_on`."""
    from zhichan.protection.services import transfers

    def make(filed_on=datetime.date(2024, 3, 1), reported_on=datetime.date(2024, 3, 4), **extra):
        case = new_case(lead_on=filed_on - datetime.timedelta(days=5), **extra)
        cases.file_case(case, users["amr-liaison"], filed_on)
        return transfers.report(
            users["amr-liaison"],
            case=case,
            reported_on=reported_on,
            officers=["林执法", "陈执法"],
            report_note="涉嫌犯罪",
        )

    return make
