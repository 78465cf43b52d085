"""Every API input out of range is a 400 naming the parameter, never a 500; the register pages sharing the filters
show the message."""

import pytest

from tests.registry.registers import make_registers

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = str(2**64)


@pytest.fixture
def registers(db):
    return make_registers()


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/patents/", {"filing_year": "0"}, "filing_year"),
        ("/api/v1/patents/", {"grant_year": "0.0"}, "grant_year"),
        ("/api/v1/patents/", {"filing_year": "10000"}, "filing_year"),
        ("/api/v1/patents/", {"holder": BEYOND_64_BITS}, "holder"),
        ("/api/v1/trademarks/", {"holder": "-1"}, "holder"),
        ("/api/v1/trademarks/", {"nice_class": "46"}, "nice_class"),
        ("/api/v1/trademarks/", {"gi_mark": "maybe"}, "gi_mark"),
        ("/api/v1/copyrights/", {"registration_year": "0"}, "registration_year"),
        ("/api/v1/copyrights/", {"owner": BEYOND_64_BITS}, "owner"),
        ("/api/v1/geographical-indications/", {"holder": BEYOND_64_BITS}, "holder"),
        ("/api/v1/calendar/", {"year": "0"}, "year"),
        ("/api/v1/calendar/", {"year": "99999999999"}, "year"),
        ("/api/v1/calendar/", {"year": "8.4e15"}, "year"),
        ("/api/v1/populations/", {"year": BEYOND_64_BITS}, "year"),
        ("/api/v1/regions/", {"parent": BEYOND_64_BITS}, "parent"),
        ("/api/v1/memberships/", {"current": "null"}, "current"),
        ("/api/v1/notifications/", {"unread": "perhaps"}, "unread"),
        ("/api/v1/patents/", {"page_size": "0"}, "page_size"),
        ("/api/v1/patents/", {"page_size": "many"}, "page_size"),
        ("/api/v1/patents/", {"page_size": "501"}, "page_size"),
        ("/api/v1/dashboard/", {"indicator": "abc"}, "indicator"),
        ("/api/v1/dashboard/", {"period": "2024-13"}, "period"),
        ("/api/v1/dashboard/", {"as_of": "8203-01-01x"}, "as_of"),
        ("/api/v1/exports/", {"task": BEYOND_64_BITS}, "task"),
    ],
)
def test_out_of_range_is_400_naming_the_parameter(registers, api_for, path, params, field):
    response = api_for("office").get(path, params)
    assert response.status_code == 400, (response.status_code, response.content[:300])
    body = response.json()
    assert field in body and body[field][0], body


def test_a_valid_year_still_filters(registers, api_for):
    api = api_for("office")
    assert api.get("/api/v1/patents/", {"filing_year": "2016"}).json()["count"] == 1
    assert api.get("/api/v1/patents/", {"filing_year": "1999"}).json()["count"] == 0
    assert api.get("/api/v1/memberships/", {"current": "true"}).status_code == 200


def test_messages_are_in_the_readers_language(registers, api_for):
    body = api_for("office").get("/api/v1/calendar/", {"year": "0"}).json()
    assert "1" in body["year"][0] and "大于或等于" in body["year"][0]


def test_a_register_page_shows_the_message_and_applies_the_other_filters(registers, client_for):
    response = client_for("office").get("/registry/patents/", {"filing_year": "0", "grant_year": "2018"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="filter-errors"' in page and "大于或等于" in page
    assert len(response.context["page"].object_list) == 1  # grant_year still applied
