import pytest
from django.contrib.contenttypes.models import ContentType
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


def test_a_followed_request_s_status_is_kept_on_the_server_and_shows_its_answer_once_given(catalogue, users):
    from zhichan.portal.services import requests

    from .factories import make_request

    made = make_request()
    address = reverse("portal-status", args=[made.number])
    first = Client().get(address)
    assert "X-Portal-Cache" not in first and "no-store" in first["Cache-Control"]  # browsers keep no copy
    again = Client().get(address)
    assert again["X-Portal-Cache"] == "hit" and again.content == first.content and "no-store" in again["Cache-Control"]
    requests.answer(made, users["office"], text="可向合作银行申请，材料见附件清单。")
    answered = Client().get(address)
    assert "X-Portal-Cache" not in answered and "可向合作银行申请" in answered.content.decode()
    # Answered and not yet rated, the page asks how satisfied the visitor is: a form with its own token, never kept.
    assert "csrfmiddlewaretoken" in answered.content.decode()
    assert "X-Portal-Cache" not in Client().get(address)


def test_the_visitor_who_just_made_a_request_reads_its_own_page_and_others_the_kept_one(catalogue):
    from zhichan.portal.views_public import NEW_REQUEST

    from .factories import make_request

    made = make_request()
    address = reverse("portal-status", args=[made.number])
    Client().get(address)
    requester = Client()
    session = requester.session
    session[NEW_REQUEST] = made.number
    session.save()
    own = requester.get(address)
    assert "X-Portal-Cache" not in own
    assert Client().get(address)["X-Portal-Cache"] == "hit"
    assert NEW_REQUEST not in requester.session  # told once


def test_a_change_made_by_another_process_renews_the_pages(catalogue, users):
    """Each server process keeps its own memory cache: an event recorded elsewhere (another process, the task
    worker) moves the version through the database, without this process's count moving."""
    from zhichan.core.models import Event

    Client().get("/portal/services/")
    assert Client().get("/portal/services/")["X-Portal-Cache"] == "hit"
    counted, latest = cache.version()
    service = Service.objects.get(code="patent-search")
    Event.objects.bulk_create(  # written without signals, as this process sees another's write
        [
            Event(
                kind="portal.service_changed",
                user=users["office"],
                content_type=ContentType.objects.get_for_model(Service),
                object_id=service.pk,
                label=str(service),
            )
        ]
    )
    assert cache.version()[0] == counted and cache.version()[1] > latest
    assert "X-Portal-Cache" not in Client().get("/portal/services/")
