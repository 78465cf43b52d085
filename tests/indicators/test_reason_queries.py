"""A page of values whose reasons name reported figures reads the data elements' names once, not once per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhichan.indicators import reasons
from zhichan.indicators.models import IndicatorValue
from zhichan.indicators.services.compute import compute

from ..programme.conftest import MINI

MISSING = "missing:enforcement_cases_closed_on_time,enforcement_cases_closed"


@pytest.fixture
def values(register, loaded):
    from zhichan.programme.services.loading import load_programme

    load_programme(MINI)
    compute(periods=["2023-06"])
    found = IndicatorValue.objects.filter(indicator__code="invention-patents-per-10k-residents", period="2023-06")
    assert found.count() >= 4
    return found


def page(client, indicator):
    return client.get(f"/indicators/{indicator.pk}/?period=2023-06")


NAMES = "其中按期结案数、知识产权行政执法案件结案数"


def element_queries(captured):
    return [q["sql"] for q in captured.captured_queries if '"indicators_dataelement"' in q["sql"]]


def test_the_indicator_page_reads_the_names_once_for_all_its_reasons(values, client_for):
    client = client_for("office")
    indicator = values.first().indicator
    values.update(value=None, reason="")
    with CaptureQueriesContext(connection) as plain:
        page(client, indicator)
    values.update(reason=MISSING)
    with CaptureQueriesContext(connection) as worded:
        response = page(client, indicator)
    assert response.content.decode().count(NAMES) >= values.count()
    assert len(element_queries(worded)) == len(element_queries(plain)) + 1


def test_the_page_costs_no_more_queries_with_more_such_rows(values, client_for, django_assert_max_num_queries):
    client = client_for("office")
    indicator = values.first().indicator
    values.update(value=None, reason="")
    values.filter(pk=values.first().pk).update(reason=MISSING)
    page(client, indicator)  # warms what a process reads once
    with CaptureQueriesContext(connection) as one_row:
        page(client, indicator)
    values.update(reason=MISSING)
    with django_assert_max_num_queries(len(one_row.captured_queries)):
        response = page(client, indicator)
    assert response.content.decode().count(NAMES) >= values.count()


def test_outside_a_page_the_names_asked_for_are_read(loaded):
    assert NAMES in reasons.describe(MISSING)
    with reasons.read_once():
        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                assert NAMES in reasons.describe(MISSING)
    assert len(queries.captured_queries) == 1
