import pytest
from django.conf import settings

from zhichan.portal.services.catalogue import FILE, load_services


def load_catalogue():
    """The deadline rules, the calendar and the kinds the landed records read, then the catalogue."""
    from ..protection.conftest import load_reference

    load_reference()
    load_services(settings.PROJECT_DIR / FILE)


@pytest.fixture
def catalogue(db):
    load_catalogue()
