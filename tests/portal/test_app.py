import pytest
from django.test import Client
from django.urls import reverse

from zhichan.portal import cache
from zhichan.portal.models import Service

pytestmark = pytest.mark.django_db


def test_the_manifest_installs_the_portal_to_a_phone(catalogue):
    manifest = Client().get(reverse("portal-manifest"))
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["start_url"] == "/portal/" and data["display"] == "standalone" and data["icons"]
    assert data["name"] == "南安市知识产权一站式公共服务"


def test_the_service_worker_is_served_for_the_portal_and_keeps_no_staff_page(catalogue):
    worker = Client().get(reverse("portal-service-worker"))
    body = b"".join(worker.streaming_content).decode()
    assert worker["Content-Type"].startswith("text/javascript") and worker["Service-Worker-Allowed"] == "/portal/"
    assert '"/portal/requests/"' in body and '"/portal/enterprise/"' in body and "caches.open" in body


def test_the_language_link_switches_and_returns_to_the_same_site_only(catalogue):
    client = Client()
    switched = client.get(reverse("portal-language", args=["en"]), {"next": "/portal/services/"})
    assert switched.url == "/portal/services/" and switched.cookies["django_language"].value == "en"
    assert "Rights protection" in client.get("/portal/services/").content.decode()
    away = client.get(reverse("portal-language", args=["zh-hans"]), {"next": "https://elsewhere.example.com/"})
    assert away.url == "/portal/"


def test_a_published_page_is_kept_for_visitors_and_renewed_on_a_change(catalogue):
    visitor = Client()
    first = visitor.get("/portal/services/")
    assert "X-Portal-Cache" not in first and "public" in first["Cache-Control"]
    again = Client().get("/portal/services/")
    assert again["X-Portal-Cache"] == "hit" and again.content == first.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    Service.objects.filter(code="patent-search").first().save()  # a change to the catalogue
    Service.objects.filter(code="patent-search").update(name="专利检索与分析帮助")
    cache.changed()
    renewed = Client().get("/portal/services/")
    assert "X-Portal-Cache" not in renewed and "专利检索与分析帮助" in renewed.content.decode()


def test_a_signed_in_page_and_a_page_with_a_query_are_never_kept(catalogue, client_for):
    staff = client_for("office")
    page = staff.get("/portal/")
    assert "private" in page["Cache-Control"] and "工作台" in page.content.decode()
    assert "X-Portal-Cache" not in staff.get("/portal/")
    anonymous = Client()
    anonymous.get("/portal/?a=1")
    assert "X-Portal-Cache" not in Client().get("/portal/?a=1")
    # The visitor's page is not the staff member's.
    assert "工作台" not in Client().get("/portal/").content.decode()


def test_an_event_renews_the_published_pages_once_committed(catalogue, django_capture_on_commit_callbacks, users):
    from zhichan.portal.services import requests

    from .factories import make_request

    before = cache.version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        made = make_request()
        requests.answer(made, users["office"], text="已答复")
    assert len([c for c in callbacks if c is cache.changed]) == 1  # once for the whole transaction
    assert cache.version() > before
