"""A unit added to a task mid-programme reports from a chosen period; earlier periods are never overdue for it."""

import pytest
from django.urls import reverse

from zhichan.core.models import Notification, Unit
from zhichan.programme.models import Assignment
from zhichan.programme.periods import current_or_last, periods
from zhichan.programme.services import planning
from zhichan.programme.services.reminders import send_reminders
from zhichan.programme.services.status import programme_states

from .conftest import day

pytestmark = pytest.mark.django_db


def customs_missing(programme, task, today):
    return [p.label for unit, p in programme_states(programme, today)[task.pk].missing if unit.key == "customs"]


def test_a_unit_added_from_a_period_owes_nothing_before_it(programme, task, users):
    customs = Unit.objects.get(key="customs")
    q3 = next(p for p in periods(programme) if p.label == "2023Q3")
    planning.assign(task, customs, "co", users["office"], first_period=q3.start)
    missing = customs_missing(programme, task, day("2024-02-01"))
    assert missing == ["2023Q3", "2023Q4"]  # not 2022Q1…2023Q2


def test_by_default_a_new_unit_reports_from_the_current_period(programme, task, users):
    customs = Unit.objects.get(key="customs")
    assignment = planning.assign(task, customs, "co", users["office"])
    from django.utils import timezone

    assert assignment.first_period == current_or_last(programme, timezone.localdate()).start
    # changing its role later keeps its first period
    assert planning.assign(task, customs, "lead", users["office"]).first_period == assignment.first_period


def test_a_first_period_must_be_a_reporting_period(programme, task, users):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        planning.assign(task, Unit.objects.get(key="customs"), "co", users["office"], first_period=day("2023-02-15"))


def test_existing_parts_report_from_the_programme_start(programme, task):
    lead = task.assignments.get(role="lead")
    assert lead.first_period is None or lead.first_period == programme.start
    assert len([p for u, p in programme_states(programme, day("2022-12-31"))[task.pk].missing if u.key == "amr"]) == 3


def test_no_reminders_for_periods_before_the_unit_joined(programme, task, users):
    q3 = next(p for p in periods(programme) if p.label == "2023Q3")
    planning.assign(task, Unit.objects.get(key="customs"), "co", users["office"], first_period=q3.start)
    send_reminders(programme, day("2023-05-10"))  # 2023Q1 report past due for the others
    titles = Notification.objects.filter(user__unit__key="customs").values_list("title", flat=True)
    assert not any("2023Q1" in t for t in titles)


def test_office_adds_a_unit_from_the_current_period_on_the_page(client_for, programme, task):
    from django.utils import timezone, translation

    office = client_for("office")
    page = office.get(task.get_absolute_url()).content.decode()
    current = current_or_last(programme, timezone.localdate())
    with translation.override("zh-hans"):
        shown = current.shown  # as the page reads it: "2024年第4季度"
    assert f'<option value="{current.key}" selected>{shown}</option>' in page
    customs = Unit.objects.get(key="customs")
    response = office.post(
        reverse("task-assign", args=[task.pk]),
        {"unit": customs.pk, "role": "co", "first_period": current.key},
        follow=True,
    )
    html = response.content.decode()
    assert f"已添加泉州海关驻南安办事处为配合单位，自{shown}起报送。" in html
    assert f'data-testid="reports-from">起报期 {shown}<' in html
    assert Assignment.objects.get(task=task, unit=customs).first_period == current.start
    grid = office.get(reverse("programme-unit-tasks", args=[programme.pk]) + f"?unit={customs.pk}").content.decode()
    late = grid.count('badge text-bg-danger">逾期</span>')
    assert late <= 1  # at most the current period itself, never the eleven before it


def test_the_api_adds_a_unit_from_a_period(api_for, task):
    customs = Unit.objects.get(key="customs")
    data = {"task": task.pk, "unit": customs.pk, "role": "co", "first_period": "2024-04-01"}
    created = api_for("office").post("/api/v1/assignments/", data)
    assert created.status_code == 201 and created.json()["first_period"] == "2024-04-01"
    data["first_period"] = "2024-05-15"  # not the start of a reporting period
    assert api_for("office").post("/api/v1/assignments/", data).status_code == 400
