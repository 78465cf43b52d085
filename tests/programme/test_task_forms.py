"""The task page's forms label every field, show the values they will change, and every action says what it did."""

import pytest
from django.urls import reverse

from zhichan.programme.models import Milestone

pytestmark = pytest.mark.django_db


def test_schedule_form_shows_the_dates_in_force(client_for, task):
    html = client_for("office").get(task.get_absolute_url()).content.decode()
    assert 'name="start" value="2022-01-01"' in html  # the programme's start: the task has none of its own
    assert 'name="deadline" value="2024-12-31"' in html


def test_milestone_form_is_labelled(client_for, task):
    html = client_for("office").get(task.get_absolute_url()).content.decode()
    form = html[html.index('data-testid="milestone-form"') :]
    form = form[: form.index("</form>")]
    assert 'for="id_title"' in form and 'for="id_due"' in form and "完成时限" in form


def test_each_action_says_what_it_did(client_for, task, users):
    office = client_for("office")
    lead = task.assignments.get(role="lead")
    html = office.post(reverse("assignment-confirm", args=[lead.pk]), follow=True).content.decode()
    assert "已确认市市场监管局为牵头单位。" in html
    html = office.post(
        reverse("task-schedule", args=[task.pk]), {"start": "2022-03-01", "deadline": "2023-06-30"}, follow=True
    ).content.decode()
    assert "已保存进度安排：2022-03-01 至 2023-06-30。" in html
    assert f"· {users['office'].display_name}（" in html  # the task's history names the person, not the login
    html = office.post(
        reverse("milestone-add", args=[task.pk]), {"title": "制定方案", "due": "2022-06-30"}, follow=True
    ).content.decode()
    assert "已添加节点“制定方案”，时限 2022-06-30。" in html
    milestone = Milestone.objects.get(task=task)
    html = office.post(reverse("milestone-toggle", args=[milestone.pk]), follow=True).content.decode()
    assert "节点“制定方案”已标记完成。" in html


def test_adding_a_unit_to_a_led_task_defaults_to_co_operating(client_for, task):
    html = client_for("office").get(task.get_absolute_url()).content.decode()
    form = html[html.index('data-testid="assign-form"') :]
    assert '<option value="co" selected>' in form[: form.index("</form>")]


def test_a_new_lead_says_the_former_lead_now_co_operates(client_for, task):
    from zhichan.core.models import Unit

    customs = Unit.objects.get(key="customs")
    html = (
        client_for("office")
        .post(
            reverse("task-assign", args=[task.pk]),
            {"unit": customs.pk, "role": "lead", "first_period": "2024-10-01"},
            follow=True,
        )
        .content.decode()
    )
    assert "原牵头单位 市市场监管局 改为配合单位。" in html
