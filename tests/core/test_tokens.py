"""API tokens end: they expire, a new password revokes them, a lock-out or an inactive account refuses them;
users list, make and revoke their own on their account page and through the API, each an event."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from zhichan.core.models import ApiToken, Event
from zhichan.core.services import accounts
from zhichan.core.services.tokens import create_token

pytestmark = pytest.mark.django_db


def api_with(key):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def works(key) -> bool:
    return api_with(key).get("/api/v1/me/").status_code == 200


def test_a_token_expires_after_the_configured_days(users, settings):
    settings.ZHICHAN_API_TOKEN_DAYS = 30
    token, key = create_token(users["amr-liaison"], "script")
    assert token.expires - token.created == datetime.timedelta(days=30)
    assert works(key)
    ApiToken.objects.filter(pk=token.pk).update(expires=timezone.now() - datetime.timedelta(seconds=1))
    answer = api_with(key).get("/api/v1/me/")
    assert answer.status_code == 401 and "已过期" in answer.json()["detail"]


def test_only_a_digest_is_kept_and_use_is_noted(users):
    token, key = create_token(users["office"])
    token.refresh_from_db()
    assert key not in (token.digest, token.prefix) and key.startswith(token.prefix)
    assert token.last_used is None
    assert works(key)
    token.refresh_from_db()
    assert token.last_used is not None


def test_a_password_change_revokes_the_users_tokens(client_for, users):
    liaison = users["amr-liaison"]
    _token, key = create_token(liaison)
    _other, other_key = create_token(users["court-liaison"])
    client = client_for("amr-liaison")
    from ..conftest import PASSWORDS

    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORDS["amr-liaison"],
            "new_password1": "Qx7!wide-river",
            "new_password2": "Qx7!wide-river",
        },
    )
    assert response.status_code == 302
    assert not works(key) and works(other_key)
    event = Event.objects.get(kind="token.revoked", user=liaison)
    assert event.reason  # says why


def test_a_temporary_password_from_the_office_revokes_them_too(users):
    liaison = users["amr-liaison"]
    _token, key = create_token(liaison)
    accounts.set_temporary_password(users["office"], liaison)
    assert not works(key)
    assert Event.objects.filter(kind="token.revoked", user=users["office"]).exists()


def test_an_inactive_account_is_refused(users):
    liaison = users["amr-liaison"]
    _token, key = create_token(liaison)
    liaison.is_active = False
    liaison.save(update_fields=["is_active"])
    assert api_with(key).get("/api/v1/me/").status_code == 401


def test_a_locked_account_is_refused_and_the_lockout_answers_json(users):
    _token, key = create_token(users["court-liaison"])
    api = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        api.post("/api/v1/auth/token/", {"username": "court-liaison", "password": "wrong"}, format="json")
    locked = api.post("/api/v1/auth/token/", {"username": "court-liaison", "password": "wrong"}, format="json")
    assert locked.status_code == 429 and locked["Content-Type"].startswith("application/json")
    assert "领导小组办公室" in locked.json()["detail"]  # in the default language
    refused = api_with(key).get("/api/v1/me/")
    assert refused.status_code == 401 and "登录失败次数过多" in refused.json()["detail"]


def test_the_lockout_page_stays_a_page(client):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(reverse("login"), {"username": "court-liaison", "password": "wrong"})
    assert response.status_code == 429 and response["Content-Type"].startswith("text/html")


def test_the_token_endpoint_makes_a_new_token_with_its_expiry(client):
    from ..conftest import PASSWORDS

    answer = client.post(
        "/api/v1/auth/token/", {"username": "office", "password": PASSWORDS["office"]}, content_type="application/json"
    )
    assert answer.status_code == 200 and set(answer.json()) == {"id", "token", "expires"}
    assert works(answer.json()["token"])
    assert Event.objects.filter(kind="token.created", object_id=answer.json()["id"]).exists()


def test_users_list_make_and_revoke_their_own_tokens_through_the_api(api_for, users):
    mine, _ = create_token(users["amr-liaison"], "mine")
    theirs, _ = create_token(users["court-liaison"], "theirs")
    api = api_for("amr-liaison")  # itself a token of amr-liaison
    listed = {row["id"] for row in api.get("/api/v1/tokens/").json()["results"]}
    assert mine.pk in listed and theirs.pk not in listed
    made = api.post("/api/v1/tokens/", {"name": "报表脚本"}, format="json")
    assert made.status_code == 201 and made.json()["name"] == "报表脚本" and works(made.json()["token"])
    assert "token" not in api.get(f"/api/v1/tokens/{made.json()['id']}/").json()
    assert api.delete(f"/api/v1/tokens/{theirs.pk}/").status_code == 404
    assert api.delete(f"/api/v1/tokens/{made.json()['id']}/").status_code == 204
    assert not works(made.json()["token"])
    assert Event.objects.filter(kind="token.revoked", object_id=made.json()["id"], user=users["amr-liaison"]).exists()
    # The office too reaches only its own.
    assert api_for("office").delete(f"/api/v1/tokens/{mine.pk}/").status_code == 404


@pytest.mark.parametrize(("language", "words"), [("zh-hans", "只显示这一次"), ("en", "shown only once")])
def test_the_account_page_makes_shows_once_and_revokes(client_for, users, language, words):
    client = client_for("amr-liaison")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    theirs, _ = create_token(users["court-liaison"], "theirs")
    page = client.post(reverse("account"), {"name": "统计脚本"})
    html = page.content.decode()
    token = ApiToken.objects.get(user=users["amr-liaison"], name="统计脚本")
    assert words in html and "统计脚本" in html and "theirs" not in html
    key = html.split('user-select-all">')[1].split("<")[0]
    assert works(key)
    again = client.get(reverse("account")).content.decode()
    assert key not in again and token.prefix in again
    assert client.post(reverse("account-token-revoke", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("account-token-revoke", args=[token.pk])).status_code == 302
    assert not works(key) and ApiToken.objects.filter(pk=theirs.pk).exists()
