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
