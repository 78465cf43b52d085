"""The programme as it stood on a chosen day: statuses from the records' history, the day kept across pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from zhichan.programme.models import ProgressReport, Task
from zhichan.programme.services.history import as_it_stood
from zhichan.programme.services.status import Status, programme_states, states_on

from .conftest import day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def backdate(record, moment: str):
    """Move the record's latest history entry to a past moment, as if it had been saved then."""
    entry = record.history.order_by("-history_date", "-history_id").first()
    entry.history_date = timezone.make_aware(datetime.datetime.fromisoformat(moment))
    entry.save()


def accepted_report(task, submitted: str, accepted: str):
    """A 100 % report of the lead unit, submitted on one day and accepted on another (its history says so)."""
    unit = task.assignments.get(unit__key="amr").unit
    made = ProgressReport.objects.create(
        task=task,
        unit=unit,
        period_start=day("2022-01-01"),
        period_end=day("2022-03-31"),
        percent=100,
        state=ProgressReport.State.SUBMITTED,
    )
    backdate(made, submitted)
    ProgressReport.objects.filter(pk=made.pk).update(state=ProgressReport.State.ACCEPTED)
    made.refresh_from_db()
    made.save()  # a second history entry: the acceptance
    backdate(made, accepted)
    return made


def backdate_plan(programme, moment="2022-01-01T09:00"):
    """The plan as if loaded on the programme's first day."""
    for task in Task.objects.filter(programme=programme):
        backdate(task, moment)


def test_a_report_accepted_later_counts_only_from_its_acceptance(programme, task):
    backdate_plan(programme)
    accepted_report(task, "2022-04-05T10:00", "2022-04-20T10:00")
    assert programme_states(programme, day("2022-05-10"))[task.pk].status == Status.DONE  # live records
    assert states_on(programme, day("2022-04-30"))[task.pk].status == Status.DONE
    before = states_on(programme, day("2022-04-10"))[task.pk]
    assert before.status != Status.DONE and before.percent == 100  # submitted, not yet accepted
    assert states_on(programme, day("2022-03-31"))[task.pk].percent == 0  # not yet reported


def test_a_moved_deadline_is_judged_by_the_deadline_of_that_day(programme, task):
    backdate_plan(programme)
    task.deadline = day("2022-03-31")
    task.save()
    backdate(task, "2022-02-01T09:00")
    task.deadline = day("2023-12-31")
    task.save()  # extended today
    then = states_on(programme, day("2022-06-30"))[task.pk]
    assert then.status == Status.OVERDUE and then.deadline == day("2022-03-31")
    assert programme_states(programme, day("2022-06-30"))[task.pk].status != Status.OVERDUE


def test_a_task_completed_after_the_day_is_not_done_on_it(programme, task):
    task.completed_on = day("2023-06-30")
    task.save()
    assert states_on(programme, day("2023-06-29"))[task.pk].status != Status.DONE
    assert states_on(programme, day("2023-06-30"))[task.pk].status == Status.DONE


def test_a_record_deleted_since_still_stood_on_the_day(programme, task):
    made = accepted_report(task, "2022-04-05T10:00", "2022-04-20T10:00")
    pk = made.pk
    made.delete()
    assert [r.pk for r in as_it_stood(ProgressReport, day("2022-05-01"), task_id=task.pk)] == [pk]
    assert as_it_stood(ProgressReport, timezone.localdate(), task_id=task.pk) == []


def test_the_overview_of_an_ended_programme_defaults_to_its_last_day(client_for, programme):
    assert timezone.localdate() > programme.end  # the test programme ran 2022–2024
    response = client_for("office").get(reverse("programme-overview", args=[programme.pk]))
    assert response.context["shown_day"] == programme.end
    html = response.content.decode()
    assert 'data-testid="ended"' in html and reverse("programme-closing", args=[programme.pk]) in html
    assert 'data-testid="as-of-bar"' not in html  # nothing chosen: no banner


def test_a_chosen_day_is_shown_kept_in_the_links_and_undone_by_back_to_today(client_for, programme):
    url = reverse("programme-overview", args=[programme.pk])
    response = client_for("leader").get(url, {"as_of": "2023-12-31"})
    assert response.context["shown_day"] == day("2023-12-31")
    html = response.content.decode()
    assert 'data-testid="as-of-bar"' in html and "2023-12-31" in html
    assert f'href="{reverse("programme-timeline", args=[programme.pk])}?as_of=2023-12-31"' in html
    assert f'href="{url}" data-testid="as-of-today"' in html


def test_an_unreadable_day_is_ignored(client_for, programme):
    response = client_for("office").get(reverse("programme-overview", args=[programme.pk]), {"as_of": "2023-13-45"})
    assert response.status_code == 200 and response.context["shown_day"] == programme.end


def test_the_api_reports_status_as_of_a_day(api_for, programme, task):
    task.completed_on = day("2023-06-30")
    task.save()
    api = api_for("leader")
    url = f"/api/v1/programmes/{programme.pk}/status/"
    earlier = {row["task"]: row["status"] for row in api.get(url, {"as_of": "2023-01-31"}).json()}
    later = {row["task"]: row["status"] for row in api.get(url).json()}
    assert earlier[task.pk] != "done" and later[task.pk] == "done"
    targets = api.get(f"/api/v1/programmes/{programme.pk}/targets/", {"as_of": "2023-01-31"}).json()
    assert targets["as_of"] == "2023-01-31" and {t["code"] for t in targets["targets"]} >= {"T1"}


def test_demo_reports_carry_the_days_they_were_submitted_and_reviewed(programme):
    from zhichan.programme.services.demo import create_demo_reports
    from zhichan.programme.services.report_history import report_history

    assert create_demo_reports(programme) > 0
    accepted = ProgressReport.objects.filter(task__programme=programme, state=ProgressReport.State.ACCEPTED).first()
    entries = list(accepted.history.order_by("history_date"))
    assert [e.state for e in entries] == [ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED]
    assert [e.history_date for e in entries] == [accepted.submitted_at, accepted.reviewed_at]
    assert [e.history_type for e in entries] == ["+", "~"]
    # Its review history reads as it happened: opened, submitted, accepted, each once.
    assert [step.kind for step in report_history(accepted)] == ["opened", "submitted", "accepted"]
    # The programme read the day before the acceptance counts the report as submitted only.
    before = accepted.reviewed_at.date() - datetime.timedelta(days=1)
    stood = {r.pk: r for r in as_it_stood(ProgressReport, before, task_id=accepted.task_id)}
    assert stood[accepted.pk].state == ProgressReport.State.SUBMITTED


def test_the_task_page_lists_the_reports_as_they_stood_on_the_chosen_day(client_for, programme, task):
    made = accepted_report(task, "2022-04-05T10:00", "2022-04-20T10:00")
    url = reverse("task-page", args=[task.pk])
    client = client_for("office")
    [then] = client.get(url, {"as_of": "2022-04-10"}).context["reports"]
    assert then.pk == made.pk and then.state == ProgressReport.State.SUBMITTED
    assert client.get(url, {"as_of": "2022-04-01"}).context["reports"] == []
    assert [r.state for r in client.get(url).context["reports"]] == [ProgressReport.State.ACCEPTED]


def panel_of(response, template):
    return next(context for name, context in response.context["panels"] if name == template)


def test_the_workbench_panel_counts_the_tasks_as_of_the_chosen_day_and_keeps_it_in_its_links(
    client_for, programme, task
):
    task.completed_on = day("2023-06-30")
    task.save()
    client = client_for("office")
    now = client.get("/")
    then = client.get("/", {"as_of": "2023-01-31"})
    assert panel_of(now, "programme/_panel.html")["done"] == 1  # the programme has ended: read at its last day
    assert panel_of(then, "programme/_panel.html")["done"] == 0
    supervision = reverse("programme-supervision", args=[programme.pk])
    assert f'href="{supervision}?as_of=2023-01-31"' in then.content.decode()
    assert f'href="{supervision}"' in now.content.decode()
    assert then.context["todos"] == now.context["todos"]  # what waits for the office is about now


def test_a_units_workbench_panel_shows_its_tasks_as_of_the_chosen_day(client_for, programme, task):
    task.completed_on = day("2023-06-30")
    task.save()
    client = client_for("amr-liaison")
    states = {a.task_id: s.status for a, s in panel_of(client.get("/"), "programme/_panel.html")["my_tasks"]}
    assert states[task.pk] == Status.DONE
    then = client.get("/", {"as_of": "2023-01-31"})
    states = {a.task_id: s.status for a, s in panel_of(then, "programme/_panel.html")["my_tasks"]}
    assert states[task.pk] != Status.DONE
    assert f'href="{task.get_absolute_url()}?as_of=2023-01-31"' in then.content.decode()


def grid_cell(response, task, period_start: str):
    row = next(row for row in response.context["grid"] if row["period"].start == day(period_start))
    return next(cell for cell in row["cells"] if cell["task"].pk == task.pk)


def test_the_reporting_grid_counts_late_from_the_chosen_day_and_shows_reports_as_they_stood(
    client_for, programme, task
):
    made = accepted_report(task, "2022-07-05T10:00", "2022-07-20T10:00")  # the 2022 Q1 report, sent late
    url = reverse("programme-unit-tasks", args=[programme.pk])
    client = client_for("amr-liaison")
    before_due = grid_cell(client.get(url, {"as_of": "2022-04-01"}), task, "2022-01-01")
    assert before_due["report"] is None and not before_due["late"]
    owed = grid_cell(client.get(url, {"as_of": "2022-06-30"}), task, "2022-01-01")
    assert owed["report"] is None and owed["late"]
    sent = grid_cell(client.get(url, {"as_of": "2022-07-10"}), task, "2022-01-01")
    assert sent["report"].pk == made.pk and sent["report"].state == ProgressReport.State.SUBMITTED
    assert not sent["late"]
    response = client.get(url)
    assert grid_cell(response, task, "2022-01-01")["report"].state == ProgressReport.State.ACCEPTED
    assert response.context["shown_day"] == programme.end
    # A period due after the chosen day is not late yet; it is once the day passes its due date.
    assert not grid_cell(client.get(url, {"as_of": "2022-07-10"}), task, "2022-10-01")["late"]
    assert grid_cell(response, task, "2022-10-01")["late"]


def test_the_reporting_grid_keeps_the_chosen_day_in_its_links_and_unit_choice(client_for, programme, task):
    url = reverse("programme-unit-tasks", args=[programme.pk])
    html = client_for("office").get(url, {"as_of": "2023-12-31"}).content.decode()
    assert f'href="{task.get_absolute_url()}?as_of=2023-12-31"' in html
    assert '<input type="hidden" name="as_of" value="2023-12-31">' in html
    overview = client_for("office").get(reverse("programme-overview", args=[programme.pk]), {"as_of": "2023-12-31"})
    assert f'href="{url}?as_of=2023-12-31"' in overview.content.decode()


@pytest.mark.parametrize("page", ["programme-supervision", "programme-timeline"])
def test_supervision_and_timeline_offer_the_day_picker(client_for, programme, page):
    url = reverse(page, args=[programme.pk])
    client = client_for("leader")
    response = client.get(url)
    html = response.content.decode()
    assert 'data-testid="as-of-picker"' in html
    assert 'name="as_of" value="2024-12-31"' in html  # an ended programme: its last day
    assert 'href="?as_of=2022-12-31"' in html  # the year ends as shortcuts
    chosen = client.get(url, {"as_of": "2023-06-30"})
    assert chosen.context["shown_day"] == day("2023-06-30")
    assert 'name="as_of" value="2023-06-30"' in chosen.content.decode()


def test_supervision_lists_tasks_as_of_the_chosen_day_and_links_them_with_it(client_for, programme, task):
    backdate_plan(programme)
    task.deadline = day("2022-03-31")
    task.save()
    backdate(task, "2022-02-01T09:00")
    task.deadline = day("2024-12-31")
    task.save()
    url = reverse("programme-supervision", args=[programme.pk])
    html = client_for("office").get(url, {"as_of": "2022-06-30"}).content.decode()
    assert f'data-testid="risk-row-{task.key}"' in html
    assert f'href="{task.get_absolute_url()}?as_of=2022-06-30"' in html
