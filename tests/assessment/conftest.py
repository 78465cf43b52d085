import pytest
from django.conf import settings
from django.utils import translation

from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules


@pytest.fixture(autouse=True)
def deadline_rules(db):
    """The appeal's decision runs on a clock of the shipped rules."""
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)


@pytest.fixture
def english():
    """Messages in English, for tests that read them."""
    with translation.override("en"):
        yield
