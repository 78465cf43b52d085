import pytest
from django.core import signing
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

from zhichan.portal.models import PublicRequest
from zhichan.portal.services import requests
from zhichan.portal.services.challenge import SALT

from .factories import make_request

pytestmark = pytest.mark.django_db


def _challenge(api):
    given = api.get("/api/v1/public/challenge/").json()
    assert given["question"].endswith("？")
    return given["token"], str(signing.loads(given["token"], salt=SALT))


def test_the_catalogue_is_read_without_an_account(catalogue):
    api = APIClient()
    services = api.get("/api/v1/public/services/").json()
    codes = [service["code"] for service in services]
    assert codes[:2] == ["complaint", "tip"]
    complaint = api.get("/api/v1/public/services/complaint/").json()
    assert complaint["deadline"]["length"] == 7 and complaint["handling_unit"] == "市市场监管局"
    assert complaint["fields"][0]["key"] == "ip_type" and not complaint["anonymous"]


def test_a_mini_program_makes_a_request_and_follows_it(catalogue, users):
    api = APIClient()
    token, answer = _challenge(api)
    body = {
        "service": "pledge-consultation",
        "matter": "想了解专利质押贷款",
        "answers": {"enterprise": "南安某公司"},
        "name": "陈女士",
        "phone": "13700000000",
        "challenge": token,
        "answer": answer,
    }
    made = api.post("/api/v1/public/requests/", body, format="json")
    assert made.status_code == 201, made.json()
    number = made.json()["number"]
    assert made.json()["state"] == "received" and "13700000000" not in made.content.decode()
    requests.answer(PublicRequest.objects.get(number=number), users["amr-liaison"], text="请联系合作银行。")
    status = api.get(f"/api/v1/public/requests/{number.lower()}/").json()
    assert (
        status["state"] == "answered"
        and status["answer"] == "请联系合作银行。"
        and status["decided_by"] == "市市场监管局"
    )
    rated = api.post(f"/api/v1/public/requests/{number}/rating/", {"rating": 5}, format="json")
    assert rated.status_code == 200 and rated.json()["rated"]
    again = api.post(f"/api/v1/public/requests/{number}/rating/", {"rating": 1}, format="json")
    assert again.status_code == 400 and "已经评价" in again.content.decode()


def test_a_wrong_answer_or_bad_input_is_refused_naming_the_field(catalogue):
    api = APIClient()
    token, answer = _challenge(api)
    wrong = api.post(
        "/api/v1/public/requests/",
        {"service": "tip", "matter": "x", "anonymous": True, "challenge": token, "answer": str(int(answer) + 1)},
        format="json",
    )
    assert wrong.status_code == 400 and "answer" in wrong.json()
    token, answer = _challenge(api)
    nameless = api.post(
        "/api/v1/public/requests/",
        {"service": "complaint", "matter": "x", "challenge": token, "answer": answer, "answers": {"ip_type": "patent"}},
        format="json",
    )
    assert nameless.status_code == 400 and "name" in nameless.json()
    assert not PublicRequest.objects.exists()
    assert api.get("/api/v1/public/requests/2024-AAAAAAAA/").status_code == 404
    assert api.get("/api/v1/public/services/nothing/").status_code == 404


def test_an_unpublished_service_is_not_offered(catalogue):
    from zhichan.portal.models import Service

    Service.objects.filter(code="custody").update(published=False)
    api = APIClient()
    assert "custody" not in [service["code"] for service in api.get("/api/v1/public/services/").json()]
    assert api.get("/api/v1/public/services/custody/").status_code == 404


def test_the_status_shows_no_personal_data(catalogue):
    made = make_request()
    text = APIClient().get(f"/api/v1/public/requests/{made.number}/").content.decode()
    assert "王先生" not in text and "13800000000" not in text


@override_settings(CORS_ALLOWED_ORIGINS=["https://mini.example.cn"])
def test_configured_origins_may_call_the_public_api_and_no_other(catalogue):
    api = APIClient()
    allowed = api.get("/api/v1/public/services/", HTTP_ORIGIN="https://mini.example.cn")
    assert allowed["Access-Control-Allow-Origin"] == "https://mini.example.cn"
    other = api.get("/api/v1/public/services/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in other
    staff_api = api.get("/api/v1/registry/patents/", HTTP_ORIGIN="https://mini.example.cn")
    assert "Access-Control-Allow-Origin" not in staff_api


def test_the_public_api_is_rate_limited(catalogue, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"public": "3/min"}}
    from rest_framework.settings import api_settings

    api_settings.reload()
    cache.clear()
    try:
        from zhichan.portal.api import PublicRate

        PublicRate.THROTTLE_RATES = {"public": "3/min"}
        api = APIClient()
        answers = [api.get("/api/v1/public/services/").status_code for _ in range(4)]
        assert answers == [200, 200, 200, 429]
    finally:
        PublicRate.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()


def test_the_public_schema_documents_the_public_endpoints_only(catalogue):
    api = APIClient()
    schema = api.get("/api/public/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = set(schema["paths"])
    assert "/api/v1/public/requests/" in paths and "/api/v1/public/requests/{number}/" in paths
    assert all(path.startswith("/api/v1/public/") for path in paths)
    assert api.get("/api/public/docs/").status_code == 200
