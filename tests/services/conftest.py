import pytest

from zhichan.core.models import Unit


@pytest.fixture
def amr(db):
    return Unit.objects.get(key="amr")
