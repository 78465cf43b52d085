import datetime

import pytest
from django.conf import settings

from zhichan.core.models import Region, Unit
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.credit.models import DishonestyKind
from zhichan.credit.services import records, serious
from zhichan.credit.services.settings import load_kinds

CODE = "91350583MA00000001"
OTHER_CODE = "91350583MA00000002"
PERSON_ID = "350583199001011234"


def load_reference():
    """The deadline rules (the repair review and the list's term) and the kinds of dishonesty."""
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    load_kinds()


@pytest.fixture
def reference(db):
    load_reference()


@pytest.fixture
def amr():
    return Unit.objects.get(key="amr")


@pytest.fixture
def enterprise(db):
    from zhichan.registry.models import Enterprise

    township = Region.objects.filter(code__startswith="350583", kind="town").order_by("path").first()
    return Enterprise.objects.create(
        name="演示卫浴有限公司", uscc=CODE, region=township or Region.objects.get(code="350583")
    )


@pytest.fixture
def new_record(reference, users, amr):
    """A factory: a record of the market supervision bureau against the enterprise CODE, found on the day given."""
    counter = iter(range(1, 1000))

    def make(found_on=datetime.date(2024, 3, 1), kind="bad-faith-trademark-application", user="amr-liaison", **extra):
        values = {
            "unit": amr,
            "subject_kind": "enterprise",
            "subject_name": "演示卫浴有限公司",
            "credit_code": CODE,
            "kind": DishonestyKind.objects.get(key=kind),
            "source": "manual",
            "found_on": found_on,
            "document_number": f"南市监信〔2024〕{next(counter)}号",
            "facts": "恶意申请注册商标",
        }
        values.update(extra)
        return records.enter_record(users[user] if user else None, **values)

    return make


@pytest.fixture
def new_listing(reference, users, amr):
    def make(listed_on=datetime.date(2023, 3, 1), user="amr-liaison", **extra):
        values = {
            "unit": amr,
            "subject_kind": "enterprise",
            "subject_name": "演示卫浴有限公司",
            "credit_code": CODE,
            "decision_number": "南市监列〔2023〕1号",
            "listed_on": listed_on,
            "reasons": "故意侵犯知识产权，受到较重行政处罚",
        }
        values.update(extra)
        return serious.list_subject(users[user] if user else None, **values)

    return make
