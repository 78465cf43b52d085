"""Register entries are written by the office (or the system) through services, and leave events."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.registry.models import Trademark
from zhichan.registry.services.entries import create_copyright, create_patent, create_trademark

pytestmark = pytest.mark.django_db


def test_only_the_office_or_the_system_writes_the_registers(users):
    for role in ("leader", "amr-liaison", "enterprise"):
        with pytest.raises(PermissionDenied):
            create_patent(users[role], "201620363475.1", title="x")
    with pytest.raises(PermissionDenied):
        create_trademark(users["leader"], "12345678", mark="x")
    with pytest.raises(PermissionDenied):
        create_copyright(users["leader"], "国作登字-2020-A-00000001", title="x")


def test_entering_and_correcting_a_patent_are_events_on_its_page(users, client_for):
    office = users["office"]
    filed = datetime.date(2016, 4, 1)
    patent, created = create_patent(office, "ZL 2016 2 0363475.1", title="一种装置", filing_date=filed)
    again, created_again = create_patent(office, "201620363475.1", title="一种改进装置", filing_date=filed)
    assert created and not created_again and again.pk == patent.pk
    assert [e.kind for e in events_of(patent)] == ["register.corrected", "register.entered"]
    assert patent.history.first().history_user == office
    html = client_for("office").get(reverse("patent-detail", args=[patent.pk])).content.decode()
    assert 'data-event="register.corrected"' in html


def test_the_api_writes_as_the_office(api_for, users):
    reply = api_for("office").post(
        "/api/v1/trademarks/", {"registration_number": "第 90000001 号", "mark": "示例", "nice_classes": "43"}
    )
    assert reply.status_code == 201, reply.json()
    (event,) = events_of(Trademark.objects.get())
    assert (event.kind, event.user) == ("register.entered", users["office"])
