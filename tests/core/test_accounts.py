"""A visitor who forgot a password has a way back: an e-mailed link where mail is configured, otherwise the office."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from zhichan.core.models import AuthEvent
from zhichan.core.services import accounts


@pytest.mark.django_db
def test_login_page_offers_a_way_back_and_names_the_office(client, users):
    html = client.get("/accounts/login/").content.decode()
    assert "忘记密码？" in html and 'href="/accounts/password/reset/"' in html
    # the office as the organisation file names it, not a made-up contact
    assert "账号问题请联系" in html and "领导小组办公室" in html
    assert "联系方式" not in html  # no contact configured, none shown


@pytest.mark.django_db
@override_settings(OFFICE_CONTACT="0595-00000000")
def test_login_page_shows_the_configured_contact(client, users):
    assert "联系方式：0595-00000000" in client.get("/accounts/login/").content.decode()


@pytest.mark.django_db
def test_login_subtitle_is_the_site_title(client, users):
    html = client.get("/accounts/login/").content.decode()
    site_title = re.search(r"<title>.*· (.*)</title>", html).group(1)
    subtitle = re.search(r'<p class="text-muted">(.*)</p>', html).group(1)
    assert subtitle == site_title == "知识产权强县建设示范工作平台"


@pytest.mark.django_db
@override_settings(EMAIL_CONFIGURED=False)
def test_without_mail_the_reset_page_says_to_ask_the_office(client, users):
    users["office"].email = "office@example.org"
    users["office"].save()
    page = client.get("/accounts/password/reset/").content.decode()
    assert "请联系领导小组办公室" in page and 'name="email"' not in page
    client.post("/accounts/password/reset/", {"email": "office@example.org"})
    assert not mail.outbox


@pytest.mark.django_db
@override_settings(EMAIL_CONFIGURED=True, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_with_mail_a_link_resets_the_password_and_the_audit_trail_says_so(client, users):
    user = users["amr-liaison"]
    user.email = "liaison@example.org"
    user.save()
    response = client.post("/accounts/password/reset/", {"email": "liaison@example.org"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "设置新密码" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Qx7!wide-river", "new_password2": "Qx7!wide-river"}
    )
    assert done.status_code == 302 and done["Location"] == "/accounts/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password("Qx7!wide-river")
    assert AuthEvent.objects.filter(kind=AuthEvent.Kind.RESET, user=user).exists()


@pytest.mark.django_db
def test_the_office_sets_a_temporary_password_and_it_is_recorded(users):
    liaison = users["amr-liaison"]
    password = accounts.set_temporary_password(users["office"], liaison)
    liaison.refresh_from_db()
    assert liaison.check_password(password) and len(password) == 12
    event = AuthEvent.objects.get(kind=AuthEvent.Kind.SET, user=liaison)
    assert event.actor == users["office"]
    with pytest.raises(PermissionDenied):
        accounts.set_temporary_password(liaison, users["office"])


@pytest.mark.django_db
def test_the_admin_action_sets_a_temporary_password(client_for, users):
    client = client_for("office")
    liaison = users["court-liaison"]
    response = client.post(
        "/admin/core/user/",
        {"action": "set_temporary_password", "_selected_action": [liaison.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "已为court-liaison设置临时密码" in html
    password = re.search(r"已为court-liaison设置临时密码：(\w+)", html).group(1)
    liaison.refresh_from_db()
    assert liaison.check_password(password)
    assert AuthEvent.objects.filter(kind=AuthEvent.Kind.SET, user=liaison, actor=users["office"]).exists()


@pytest.mark.django_db
def test_the_office_sets_a_temporary_password_from_the_unit_page(client_for, users):
    liaison = users["amr-liaison"]
    office = client_for("office")
    page = office.get(liaison.unit.get_absolute_url()).content.decode()
    assert "登录账号" in page and f"/users/{liaison.pk}/temporary-password/" in page
    response = office.post(f"/users/{liaison.pk}/temporary-password/", follow=True)
    password = re.search(r"已为amr-liaison设置临时密码：(\w+)", response.content.decode()).group(1)
    liaison.refresh_from_db()
    assert liaison.check_password(password)
    assert AuthEvent.objects.filter(kind=AuthEvent.Kind.SET, user=liaison, actor=users["office"]).exists()


@pytest.mark.django_db
def test_a_liaison_sees_no_accounts_and_may_not_set_passwords(client_for, users):
    liaison = client_for("amr-liaison")
    page = liaison.get(users["amr-liaison"].unit.get_absolute_url()).content.decode()
    assert "登录账号" not in page
    assert liaison.post(f"/users/{users['office'].pk}/temporary-password/").status_code == 403
