"""A task numbered 1．2．… is always shown with its group, since the plan numbers tasks afresh in every group."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_units_tasks_on_its_workbench_name_their_group(programme, client_for):
    html = client_for("amr-liaison").get("/").content.decode()
    assert "（一）" in html and "› 2．充实完善管理体系" in html


def test_the_reminder_names_the_group(programme, users):
    import datetime

    from zhichan.core.models import Notification
    from zhichan.programme.services.reminders import send_reminders

    send_reminders(programme, today=datetime.date(2024, 12, 20))
    titles = list(Notification.objects.filter(user=users["amr-liaison"]).values_list("title", flat=True))
    assert titles and all("› 2．充实完善管理体系" in title for title in titles if "充实完善管理体系" in title)
    assert any("充实完善管理体系" in title for title in titles)
