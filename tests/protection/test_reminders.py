"""Daily reminders of cases' time limits (services/reminders.py), hand-computed from the filing clock: a lead of
2024-02-20 must be decided on within 15 working days, by 2024-03-12."""

import datetime
import io

from django.core.management import call_command

from zhichan.core.models import Notification
from zhichan.protection.services import cases
from zhichan.protection.services.reminders import clock_reminders

D = datetime.date


def _keys(user):
    return sorted(Notification.objects.filter(user=user).values_list("key", flat=True))


def test_the_units_liaisons_are_told_once_when_near_and_once_when_past(new_case, users):
    case = new_case(lead_on=D(2024, 2, 20))
    liaison = users["amr-liaison"]
    assert clock_reminders(D(2024, 2, 21)) == 0
    assert clock_reminders(D(2024, 3, 11)) == 1
    assert clock_reminders(D(2024, 3, 11)) == 0  # sent once
    assert clock_reminders(D(2024, 3, 13)) == 1
    assert _keys(liaison) == [
        f"case-clock-late:{case.pk}:penalty-filing:2024-03-12",
        f"case-clock-near:{case.pk}:penalty-filing:2024-03-12",
    ]
    note = Notification.objects.get(user=liaison, key__startswith="case-clock-late")
    assert note.url == case.get_absolute_url() and case.number in note.title
    # Nobody of another unit hears of it.
    assert not Notification.objects.filter(user=users["court-liaison"]).exists()
    assert not Notification.objects.filter(user=users["shuitou-liaison"], key__startswith="case-clock").exists()


def test_an_extension_warns_again_before_the_new_date_and_a_stopped_clock_never(new_case, users):
    case = new_case(lead_on=D(2024, 2, 20))
    liaison = users["amr-liaison"]
    assert clock_reminders(D(2024, 3, 11)) == 1
    cases.extend(case, liaison, 15, "王局长", D(2024, 3, 11), "线索复杂")
    assert clock_reminders(D(2024, 3, 13)) == 0  # 15 working days more: due 2024-04-02
    assert clock_reminders(D(2024, 4, 1)) == 1
    assert f"case-clock-near:{case.pk}:penalty-filing:2024-04-02" in _keys(liaison)
    cases.file_case(case, liaison, D(2024, 4, 1))
    assert clock_reminders(D(2024, 4, 3)) == 0  # the filing clock stopped; the decision clock has 90 days


def test_send_reminders_runs_the_protection_part(new_case):
    new_case(lead_on=D(2024, 2, 20))
    out = io.StringIO()
    call_command("send_reminders", "--date", "2024-03-13", stdout=out)
    assert "protection: 1 reminders of cases' time limits" in out.getvalue()
