"""The working-day calendar: seeding, working-day arithmetic, unknown years, and the office's page."""

from datetime import date, timedelta

import chinese_calendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhichan.core.models import CalendarDay, CalendarYear
from zhichan.core.services.calendar import (
    OFFICE_SOURCE,
    WorkCalendar,
    add_workdays,
    is_workday,
    library_source,
    seed_calendar,
    workdays_between,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    seed_calendar([2023, 2024, 2025, 2026])


def in_english(client):
    client.cookies["django_language"] = "en"
    return client


def test_seeded_2024_knows_the_spring_festival_and_its_make_up_day(seeded):
    holiday, makeup = date(2024, 2, 10), date(2024, 2, 4)
    assert chinese_calendar.get_holiday_detail(holiday) == (True, "Spring Festival")
    assert chinese_calendar.is_workday(makeup) and makeup.weekday() == 6
    day = CalendarDay.objects.get(date=holiday)
    assert (day.kind, day.name, day.source) == (CalendarDay.Kind.HOLIDAY, "春节", library_source())
    assert CalendarDay.objects.get(date=makeup).kind == CalendarDay.Kind.WORKDAY
    assert not is_workday(holiday) and is_workday(makeup)
    assert CalendarYear.objects.get(year=2024).complete


def test_every_day_of_2024_agrees_with_chinese_calendar_in_two_queries(seeded, django_assert_max_num_queries):
    calendar = WorkCalendar()
    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(366)]
    with django_assert_max_num_queries(1):  # the year's days, read once
        ours = [calendar.is_workday(day) for day in days]
    assert ours == [chinese_calendar.is_workday(day) for day in days]


def test_add_workdays_across_the_2024_spring_festival(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the year's days and the years' state, never a query per day
        due = add_workdays(date(2024, 2, 8), 2)
    # Friday the 9th, then eight days of holiday, then the make-up working Sunday the 18th.
    assert due.date == date(2024, 2, 18) and due.exact and due.warning == ""
    assert add_workdays(date(2024, 2, 18), -1).date == date(2024, 2, 9)
    assert add_workdays(date(2024, 2, 8), 0).date == date(2024, 2, 8)
    count = workdays_between(date(2024, 2, 8), date(2024, 2, 19))
    assert (count.value, count.exact) == (3, True)  # the 9th, the 18th, the 19th
    assert workdays_between(date(2024, 2, 19), date(2024, 2, 8)).value == -3  # the 8th, the 9th, the 18th


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.dates(date(2023, 1, 1), date(2026, 12, 31)), n=st.integers(-80, 80))
def test_workdays_between_undoes_add_workdays(seeded, start, n):
    calendar = WorkCalendar()
    due = add_workdays(start, n, calendar)
    assert workdays_between(start, due.date, calendar).value == n
    expected, day, left = start, start, abs(n)
    while left:  # the same walk on the package's answer; years not seeded here are Monday to Friday
        day += timedelta(days=1 if n > 0 else -1)
        if chinese_calendar.is_workday(day) if 2023 <= day.year <= 2026 else day.weekday() < 5:
            left -= 1
        expected = day
    assert due.date == expected


def test_2027_is_counted_monday_to_friday_with_a_warning(seeded):
    with pytest.raises(NotImplementedError, match="no available data for year 2027"):
        chinese_calendar.is_workday(date(2027, 1, 4))
    due = add_workdays(date(2026, 12, 30), 5)  # Thu 31st, then 2027: Fri 1st, Mon 4th, Tue 5th, Wed 6th
    assert due.date == date(2027, 1, 6)
    assert not due.exact and due.unknown_years == (2027,)
    with translation.override("en"):
        assert due.warning == (
            "The official calendar for 2027 is not complete yet; days not entered there were counted Monday to Friday."
        )
    with translation.override("zh-hans"):
        assert "2027" in due.warning and "周一至周五" in due.warning
    assert is_workday(date(2027, 1, 1)) and not is_workday(date(2027, 1, 2))
    count = workdays_between(date(2026, 12, 25), date(2027, 1, 8))
    assert not count.exact and count.unknown_years == (2027,)
    assert workdays_between(date(2026, 1, 1), date(2026, 12, 31)).exact


def test_a_year_nobody_knows_never_fails(db):
    far = add_workdays(date(2099, 12, 30), 3)
    assert far.date == date(2100, 1, 4) and far.unknown_years == (2099, 2100)
    assert workdays_between(date(1990, 1, 1), date(1990, 1, 8)).value == 5


def test_seeding_is_idempotent_and_keeps_what_the_office_entered(seeded):
    spring = CalendarDay.objects.get(date=date(2024, 2, 10))
    spring.name = "春节（办公室更正）"
    spring.source = "南政办〔2024〕1号"
    spring.save()
    own = CalendarDay.objects.create(
        date=date(2024, 3, 8), kind=CalendarDay.Kind.HOLIDAY, name="妇女节", source=OFFICE_SOURCE
    )
    history_before = CalendarDay.history.count()
    result = seed_calendar([2024])
    assert (result["created"], result["updated"], result["deleted"], result["kept"]) == (0, 0, 0, 1)
    assert CalendarDay.history.count() == history_before  # nothing written, so nothing in the audit trail
    assert CalendarDay.objects.get(pk=spring.pk).name == "春节（办公室更正）"
    assert CalendarDay.objects.filter(pk=own.pk).exists()
    # A seeded day that went missing comes back; the office's days stay as they are.
    CalendarDay.objects.filter(date=date(2024, 2, 4)).delete()
    assert seed_calendar([2024])["created"] == 1


def test_seed_command_seeds_known_years_and_names_unknown_ones(db, capsys):
    call_command("seed_calendar", "--years", "2024,2027")
    out, err = capsys.readouterr()
    assert "2024" in out and "2027" in err
    assert CalendarDay.objects.filter(date__year=2024).exists()
    assert not CalendarDay.objects.filter(date__year=2027).exists()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_the_office_enters_2027_and_marks_it_complete(seeded, client_for):
    client = client_for("office")
    # The State Council's arrangement for New Year's Day 2027 (a Friday), as the office would enter it.
    response = client.post(
        reverse("calendar-day-add"), {"date": "2027-01-01", "kind": "holiday", "name": "元旦", "source": ""}
    )
    assert response.status_code == 302
    day = CalendarDay.objects.get(date=date(2027, 1, 1))
    assert day.source == OFFICE_SOURCE and day.history.first().history_user.username == "office"
    due = add_workdays(date(2026, 12, 31), 1)
    assert due.date == date(2027, 1, 4) and not due.exact  # the entered day counts, but the year is not complete
    response = client.post(reverse("calendar"), {"year": "2027", "complete": "on", "source": "国办发明电〔2026〕"})
    assert response.status_code == 302 and response["Location"].endswith("?year=2027")
    state = CalendarYear.objects.get(year=2027)
    assert state.complete and state.history.first().history_user.username == "office"
    due = add_workdays(date(2026, 12, 31), 1)
    assert due.date == date(2027, 1, 4) and due.exact and due.warning == ""


def test_the_office_corrects_and_deletes_days_on_the_page(seeded, client_for):
    client = client_for("office")
    day = CalendarDay.objects.get(date=date(2024, 2, 4))
    response = client.post(
        reverse("calendar-day-edit", args=[day.pk]),
        {"date": "2024-02-04", "kind": "workday", "name": "春节调休", "source": ""},
    )
    assert response.status_code == 302
    day.refresh_from_db()
    assert day.name == "春节调休" and day.source == OFFICE_SOURCE
    assert seed_calendar([2024])["kept"] == 1
    response = client.post(reverse("calendar-day-delete", args=[day.pk]))
    assert response.status_code == 302 and not CalendarDay.objects.filter(pk=day.pk).exists()
    assert CalendarDay.history.filter(id=day.pk, history_type="-").exists()


def test_a_date_is_entered_once(seeded, client_for):
    response = in_english(client_for("office")).post(
        reverse("calendar-day-add"), {"date": "2024-02-10", "kind": "holiday", "name": "春节"}
    )
    assert response.status_code == 200 and "already exists" in response.content.decode()


def test_calendar_page_lists_years_and_days(seeded, client_for):
    html = in_english(client_for("office")).get(reverse("calendar") + "?year=2024").content.decode()
    assert "2024-02-10" in html and "春节" in html and "Make-up working day" in html
    assert 'data-testid="calendar-year-form"' in html and reverse("calendar-day-add") in html
    html = in_english(client_for("office")).get(reverse("calendar") + "?year=2027").content.decode()
    assert "not entered" in html and 'data-testid="calendar-warning"' in html


def test_leadership_reads_the_calendar_but_cannot_change_it(seeded, client_for):
    client = client_for("leader")
    html = client.get(reverse("calendar") + "?year=2024").content.decode()
    assert "2024-02-10" in html and 'data-testid="calendar-year-form"' not in html
    assert reverse("calendar-day-add") not in html
    assert client.post(reverse("calendar"), {"year": "2027", "complete": "on"}).status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert client_for("amr-liaison").get(reverse("calendar")).status_code == 403


def test_calendar_in_the_navigation_of_office_and_leadership(client_for):
    assert reverse("calendar") in client_for("office").get("/").content.decode()
    assert reverse("calendar") in client_for("leader").get("/").content.decode()
    assert reverse("calendar") not in client_for("amr-liaison").get("/").content.decode()


def test_calendar_api_filters_by_year(seeded, api_for):
    api = api_for("amr-liaison")
    rows = api.get("/api/v1/calendar/", {"year": 2024, "page_size": 100}).json()["results"]
    assert rows and {row["date"][:4] for row in rows} == {"2024"}
    spring = next(row for row in rows if row["date"] == "2024-02-10")
    assert spring["kind"] == "holiday" and spring["name"] == "春节" and spring["is_workday"] is False
    assert api.post("/api/v1/calendar/", {"date": "2027-01-01"}, format="json").status_code == 403
    assert api_for("enterprise").get("/api/v1/calendar/").status_code == 403


@pytest.mark.parametrize("year", ["0", "99999999999", "-5", "abc"])
def test_a_year_no_date_can_hold_shows_this_year(seeded, client_for, year):
    response = client_for("office").get("/calendar/", {"year": year})
    assert response.status_code == 200 and response.context["year"] == timezone.localdate().year
