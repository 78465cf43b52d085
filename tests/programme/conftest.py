import datetime
from pathlib import Path

import pytest
from django.utils import translation

from zhichan.programme.models import Programme, Task
from zhichan.programme.services.loading import load_programme

MINI = Path(__file__).with_name("mini.yaml")


@pytest.fixture
def english():
    """Messages in English, for tests that read them."""
    with translation.override("en"):
        yield


@pytest.fixture
def programme(db):
    return load_programme(MINI)["programme"]


@pytest.fixture
def task(programme):
    """4.1.2: lead 市市场监管局 (proposed), co-operating 市法院."""
    return Task.objects.get(programme=programme, key="4.1.2")


@pytest.fixture
def q1(programme):
    from zhichan.programme.periods import periods

    return periods(programme)[0]


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


__all__ = ["Programme", "day"]
