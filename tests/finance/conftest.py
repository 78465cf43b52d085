import pytest

from .factories import make_bank, make_enterprise


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
