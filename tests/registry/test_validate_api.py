"""GET /api/v1/validate/: public, one answer shape, 400 only for a bad request."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/validate/"
SHAPE = {"valid", "normalized", "details", "error"}


@pytest.fixture
def anonymous():
    return APIClient()


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_anonymous_may_validate_a_patent_application(anonymous):
    response = anonymous.get(URL, {"kind": "patent-application", "value": "ZL 2016 2 0363475.1"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == SHAPE
    assert body["valid"] is True and body["normalized"] == "201620363475.1" and body["error"] is None
    assert body["details"]["year"] == 2016 and body["details"]["type_code"] == "2"
    assert body["details"]["type"] == "实用新型"  # Chinese unless the visitor chose English


def test_an_invalid_value_is_answered_with_200_and_the_reason(anonymous):
    response = english(anonymous).get(URL, {"kind": "patent-application", "value": "201710601862.4"})
    assert response.status_code == 200
    assert response.json() == {
        "valid": False,
        "normalized": None,
        "details": {},
        "error": "Wrong check digit: 201710601862.4 was given, but the check digit of 201710601862 is 3.",
    }


def test_errors_are_translated(anonymous):
    body = anonymous.get(URL, {"kind": "patent-application", "value": "201710601862.4"}).json()
    assert "校验位" in body["error"] and "3" in body["error"]


def test_uscc_details_name_the_region_and_entity_kind(anonymous):
    body = english(anonymous).get(URL, {"kind": "uscc", "value": "91350583MA0DEMX01X"}).json()
    assert body["valid"] is True and body["normalized"] == "91350583MA0DEMX01X"
    details = body["details"]
    assert details["region_code"] == "350583" and details["region"] == "Nan'an City"
    assert details["entity_kind_code"] == "91" and details["entity_kind"] == "enterprise"
    assert details["authority"] == "industry and commerce"
    chinese = APIClient().get(URL, {"kind": "uscc", "value": "91350583MA0DEMX01X"}).json()["details"]
    assert (chinese["region"], chinese["entity_kind"], chinese["authority"]) == ("南安市", "企业", "工商")


def test_uscc_invalid(anonymous):
    body = anonymous.get(URL, {"kind": "uscc", "value": "91350583MA0DEMX01Y"}).json()
    assert body["valid"] is False and body["normalized"] is None and "X" in body["error"]


def test_trademark(anonymous):
    body = anonymous.get(URL, {"kind": "trademark-registration", "value": "第G1234567号"}).json()
    assert body == {"valid": True, "normalized": "G1234567", "details": {"kind": "international"}, "error": None}


def test_signed_in_users_may_validate_too(api_for):
    response = api_for("enterprise").get(URL, {"kind": "trademark-registration", "value": "12345678"})
    assert response.status_code == 200 and response.json()["valid"] is True


@pytest.mark.parametrize(
    "query",
    [{}, {"kind": "uscc"}, {"value": "201710601862.3"}, {"kind": "isbn", "value": "1"}, {"kind": "", "value": "1"}],
)
def test_bad_requests_are_400_with_a_message(anonymous, query):
    response = english(anonymous).get(URL, query)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == SHAPE and body["valid"] is False and body["error"]


def test_unknown_kind_lists_the_kinds(anonymous):
    error = english(anonymous).get(URL, {"kind": "isbn", "value": "1"}).json()["error"]
    assert "patent-application" in error and "uscc" in error and "trademark-registration" in error


def test_only_get(anonymous):
    assert anonymous.post(URL, {"kind": "uscc", "value": "1"}).status_code == 405


def test_documented_in_the_schema(api_for):
    schema = api_for("office").get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/validate/"]["get"]
    names = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert names["kind"]["required"]
    assert set(names["kind"]["schema"]["enum"]) == {"patent-application", "uscc", "trademark-registration"}
    assert names["value"]["required"]
    assert {"200", "400"} <= set(operation["responses"])
