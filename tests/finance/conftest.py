import pytest
from django.conf import settings

from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules

from .factories import make_bank, make_enterprise
from .subsidy_fixtures import make_scheme


@pytest.fixture
def bank(users):
    """The demo bank liaison's bank."""
    return make_bank(unit=users["bank"].unit)


@pytest.fixture
def other_bank(db):
    return make_bank(name="另一银行南安支行")


@pytest.fixture
def pledgor(db):
    return make_enterprise(1)


@pytest.fixture
def scheme(db):
    """The test subsidy scheme (subsidy_fixtures.SCHEME), with the deadline rules and the calendar its clocks read."""
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    seed_calendar([2025, 2026, 2027])
    return make_scheme()


@pytest.fixture
def own(users):
    """The demo enterprise user's enterprise (in 水头镇, whose liaison is a demo account)."""
    return users["enterprise"].enterprises.get()
