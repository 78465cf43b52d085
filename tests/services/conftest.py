import datetime

import pytest
from django.conf import settings

from zhichan.core.models import Region, RegionKind, Unit
from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.registry.demo.numbers import demo_uscc
from zhichan.registry.models import Enterprise
from zhichan.services.services import experts as pool
from zhichan.services.services import inspections, inspectors


def load_reference():
    """The deadline rules and the working-day calendar the results' clock reads."""
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    seed_calendar([2024, 2025, 2026])


def make_enterprises(count=20, start=70000):
    townships = list(Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path")[:2])
    return [
        Enterprise.objects.create(
            name=f"抽查对象{n}有限公司",
            uscc=demo_uscc(start + n),
            region=townships[n % 2],
            industry_code="C3032" if n % 3 else "F5123",
            size="small",
        )
        for n in range(count)
    ]


@pytest.fixture
def reference(db):
    load_reference()


@pytest.fixture
def amr(db):
    return Unit.objects.get(key="amr")


@pytest.fixture
def organisation(amr):
    return amr.organisation


@pytest.fixture
def new_expert(organisation):
    counter = iter(range(1, 1000))

    def make(user=None, **extra):
        n = next(counter)
        values = {
            "organisation": organisation,
            "name": f"专家{n}",
            "id_number": f"35058319800101{n:04d}",
            "fields": ["F"],
            "employer": f"单位{n}",
        }
        values.update(extra)
        return pool.add_expert(user, **values)

    return make


@pytest.fixture
def enterprises(db):
    return make_enterprises()


@pytest.fixture
def unit_inspectors(amr):
    return [
        inspectors.add_inspector(
            None, unit=amr, name=f"检查员{n}", certificate_number=f"35050001{n:03d}", field="市场监管"
        )
        for n in range(6)
    ]


@pytest.fixture
def new_plan(reference, amr, enterprises, unit_inspectors):
    def make(user=None, **extra):
        values = {
            "unit": amr,
            "name": "2025年度知识产权双随机抽查",
            "items": "商标使用行为检查\n专利标识标注检查",
            "starts_on": datetime.date(2025, 3, 1),
            "ends_on": datetime.date(2025, 5, 31),
            "proportions": {"A": 25},
        }
        values.update(extra)
        return inspections.create_plan(user, **values)

    return make
