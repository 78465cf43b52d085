"""督办: the office urges a unit with a note; the unit sees it and answers; the office sees the answer."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from zhichan.core.models import Notification, Unit
from zhichan.programme.models import Urging
from zhichan.programme.services import supervision

pytestmark = pytest.mark.django_db


def test_office_urges_a_unit_on_a_task_and_the_unit_answers(client_for, programme, task, users):
    amr = Unit.objects.get(key="amr")
    office = client_for("office")
    response = office.post(
        reverse("task-urge", args=[task.pk]),
        {
            "unit": amr.pk,
            "note": "请于本周内报送2024Q4进展。",
            "next": reverse("programme-supervision", args=[programme.pk]),
        },
        follow=True,
    )
    assert "已督办市市场监管局：2．充实完善管理体系。" in response.content.decode()
    urging = Urging.objects.get()
    assert (urging.unit, urging.task, urging.urged_by) == (amr, task, users["office"])
    assert urging.history.first().history_user == users["office"]  # audited
    told = Notification.objects.get(user=users["amr-liaison"], key=f"urging:{urging.pk}")
    assert "请于本周内报送2024Q4进展。" in told.body and told.url.startswith(task.get_absolute_url())
    assert not Notification.objects.filter(user=users["court-liaison"], key=f"urging:{urging.pk}").exists()
    with translation.override("en"):  # each reader sees the title in their language
        assert told.shown_title == "Urged by the programme office: 充实完善管理体系"
    with translation.override("zh-hans"):
        assert told.shown_title == "领导小组办公室督办：充实完善管理体系"

    liaison = client_for("amr-liaison")
    workbench = liaison.get("/").content.decode()
    assert "回复督办：2．充实完善管理体系" in workbench and "请于本周内报送2024Q4进展。" in workbench
    page = liaison.get(task.get_absolute_url()).content.decode()
    assert 'data-testid="answer-form" data-warn-unsaved' in page
    liaison.post(reverse("urging-answer", args=[urging.pk]), {"answer": "已报送。"})
    urging.refresh_from_db()
    assert urging.answer == "已报送。" and urging.answered_by == users["amr-liaison"]
    answered = Notification.objects.get(user=users["office"], key=f"urging-answered:{urging.pk}")
    with translation.override("en"):
        assert answered.shown_title.endswith(" answered the urging: 充实完善管理体系")
    assert "回复督办" not in liaison.get("/").content.decode()  # answered: no longer owed

    html = client_for("office").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert "已报送。" in html and "已回复" in html
    history = client_for("office").get(task.get_absolute_url()).content.decode()
    history = history[history.index("修改记录") :]
    office, liaison = users["office"], users["amr-liaison"]
    urged = "已督办市市场监管局：请于本周内报送2024Q4进展。"
    assert f"{office.display_name}（{office.get_role_display()}） · {urged}" in history
    assert f"{liaison.display_name}（{liaison.get_role_display()}） · 市市场监管局已回复督办：已报送。" in history


def test_only_the_urged_units_liaison_answers(programme, task, users):
    urging = supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    with pytest.raises(PermissionDenied):
        supervision.answer(urging, users["court-liaison"], "x")
    with pytest.raises(PermissionDenied):
        supervision.answer(urging, users["office"], "x")
    with pytest.raises(ValidationError):
        supervision.answer(urging, users["amr-liaison"], "  ")
    supervision.answer(urging, users["amr-liaison"], "好")
    with pytest.raises(ValidationError):
        supervision.answer(urging, users["amr-liaison"], "again")


def test_only_the_office_urges_and_only_a_unit_of_the_task(programme, task, users):
    with pytest.raises(PermissionDenied):
        supervision.urge(users["leader"], Unit.objects.get(key="amr"), "x", programme=programme, task=task)
    with pytest.raises(ValidationError):
        supervision.urge(users["office"], Unit.objects.get(key="customs"), "x", programme=programme, task=task)
    with pytest.raises(ValidationError):
        supervision.urge(users["office"], Unit.objects.get(key="amr"), " ", programme=programme, task=task)


def test_a_unit_urged_about_everything_it_owes(client_for, programme, users):
    court = Unit.objects.get(key="court")
    client_for("office").post(reverse("unit-urge", args=[programme.pk]), {"unit": court.pk, "note": "请全面报送。"})
    urging = Urging.objects.get(unit=court)
    assert urging.task is None
    html = client_for("court-liaison").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert "请全面报送。" in html and 'data-testid="answer-form"' in html
    # another unit does not see it
    html = client_for("amr-liaison").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert "请全面报送。" not in html


def test_leader_reads_the_record_but_has_no_urge_button(client_for, programme, task, users):
    supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    html = client_for("leader").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert "请报送" in html and "尚未回复" in html
    assert reverse("task-urge", args=[task.pk]) not in html
    assert client_for("leader").post(reverse("task-urge", args=[task.pk]), {"note": "x"}).status_code == 403


def test_an_unanswered_urging_past_its_time_is_flagged(programme, task, users):
    urging = supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    assert supervision.overdue_answers([urging]) == []
    later = supervision.answer_due(urging) + datetime.timedelta(days=1)
    assert supervision.overdue_answers([urging], today=later) == [urging]


def test_urging_through_the_api(api_for, programme, task):
    amr = Unit.objects.get(key="amr")
    created = api_for("office").post("/api/v1/urgings/", {"task": task.pk, "unit": amr.pk, "note": "请报送"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert api_for("leader").post("/api/v1/urgings/", {"task": task.pk, "unit": amr.pk, "note": "x"}).status_code == 403
    assert api_for("court-liaison").get("/api/v1/urgings/").json()["count"] == 0
    assert api_for("court-liaison").post(f"/api/v1/urgings/{pk}/answer/", {"answer": "x"}).status_code == 404
    answered = api_for("amr-liaison").post(f"/api/v1/urgings/{pk}/answer/", {"answer": "已报送"})
    assert answered.status_code == 200 and answered.json()["answer"] == "已报送"
    assert api_for("office").get(f"/api/v1/urgings/{pk}/").json()["answered_at"]


def test_an_urging_is_named_by_its_local_day(programme, task, users):
    urging = supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    # 20:30 UTC on 5 December is 04:30 on 6 December in the county: the audit log and the events say the 6th.
    Urging.objects.filter(pk=urging.pk).update(urged_at=datetime.datetime(2026, 12, 5, 20, 30, tzinfo=datetime.UTC))
    urging.refresh_from_db()
    assert str(urging).endswith("· 2026-12-06")
