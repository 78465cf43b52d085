"""Clocks: deadline rules as data, the reading of a clock on any day, the writes on a record's clocks."""

from datetime import date, timedelta
from types import SimpleNamespace

import chinese_calendar
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from zhichan.core.clocks import State, add_months, clock, read, readings
from zhichan.core.models import Clock, DeadlineRule, PeriodUnit, Unit
from zhichan.core.services import clocks as actions
from zhichan.core.services.calendar import WorkCalendar, seed_calendar
from zhichan.core.services.datafile import DataFileError, Reader
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules, read_rules

RULES_FILE = django_settings.PROJECT_DIR / DEFAULT_RULES


class KnownCalendar(WorkCalendar):
    """The official calendar of 2023–2026 from chinese-calendar, in memory: no database for property tests."""

    YEARS = range(2023, 2027)

    def __init__(self):
        super().__init__()
        self._known = {}
        for table, working in [(chinese_calendar.holidays, False), (chinese_calendar.workdays, True)]:
            for day in table:
                if day.year in self.YEARS:
                    self._known.setdefault(day.year, {})[day] = working

    def days(self, year):
        self.touched.add(year)
        return self._known.get(year, {})

    def complete(self, year):
        return year in self.YEARS


CALENDAR = KnownCalendar()


def rule(length=90, unit=PeriodUnit.CALENDAR_DAYS, **values) -> DeadlineRule:
    values = {"key": "test", "name": "办案期限", "start_event": "立案", "warn_days": [10, 3], **values}
    return DeadlineRule(length=length, unit=unit, **values)


def extension(length, on, approver="局长", reason="案情复杂"):
    return SimpleNamespace(length=length, approved_on=on, approver=approver, reason=reason)


def excluded(start, end, reason="鉴定"):
    return SimpleNamespace(start=start, end=end, reason=reason)


def reading(subject, day, **kwargs):
    return read(subject, kwargs.pop("start"), day, calendar=CALENDAR, **kwargs)


# --- counting ----------------------------------------------------------------------------------------------------


def test_ninety_days_from_filing_do_not_count_the_filing_day():
    found = reading(rule(), date(2024, 3, 15), start=date(2024, 3, 1))
    assert found.due == date(2024, 5, 30)
    assert (found.days_left, found.state) == (76, State.ON_TIME)
    counted = reading(rule(start_day_counts=True), date(2024, 3, 15), start=date(2024, 3, 1))
    assert counted.due == date(2024, 5, 29)


def test_a_period_ending_on_a_holiday_ends_on_the_next_working_day():
    found = reading(rule(30), date(2024, 9, 2), start=date(2024, 9, 1))
    assert found.due == date(2024, 10, 8)  # 10-01 falls in the National Day holiday
    with translation.override("zh-hans"):
        lines = reading(rule(30), date(2024, 9, 2), start=date(2024, 9, 1)).lines
    assert any("2024-10-01" in line and "休息日" in line for line in lines)
    assert reading(rule(30, roll_to_workday=False), date(2024, 9, 2), start=date(2024, 9, 1)).due == date(2024, 10, 1)


def test_months_clamp_to_the_end_of_a_shorter_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    three = rule(3, PeriodUnit.MONTHS)
    assert reading(three, date(2024, 1, 2), start=date(2023, 11, 30)).due == date(2024, 2, 29)
    assert reading(
        three, date(2024, 1, 2), start=date(2023, 11, 30), extensions=[extension(1, date(2024, 1, 2))]
    ).due == (
        date(2024, 4, 1)  # 2024-03-30 is a Saturday
    )


def test_working_days_cross_the_national_day_holiday():
    filing = rule(15, PeriodUnit.WORKING_DAYS, warn_days=[5, 2])
    found = reading(filing, date(2024, 10, 17), start=date(2024, 9, 27))
    # 09-29 (Sunday) is a make-up working day, 10-01..07 are the holiday, 10-12 (Saturday) works.
    assert found.due == date(2024, 10, 23)
    assert (found.days_left, found.state, found.threshold) == (4, State.AT_RISK, 5)
    assert reading(filing, date(2024, 10, 21), start=date(2024, 9, 27)).threshold == 2
    assert reading(filing, date(2024, 10, 14), start=date(2024, 9, 27)).state == State.ON_TIME


def test_extensions_count_from_their_approval_and_say_who_approved():
    extended = [extension(30, date(2024, 5, 20), approver="市场监管局局长 张三")]
    before = reading(rule(), date(2024, 5, 19), start=date(2024, 3, 1), extensions=extended)
    assert before.due == date(2024, 5, 30)
    with translation.override("zh-hans"):
        after = reading(rule(), date(2024, 5, 20), start=date(2024, 3, 1), extensions=extended)
    assert after.due == date(2024, 7, 1)  # 06-29 is a Saturday
    assert any("张三" in line and "30日" in line and "案情复杂" in line for line in after.lines)


def test_excluded_periods_move_the_due_date_and_an_open_one_runs_to_the_day_read():
    appraisal = [excluded(date(2024, 4, 1), date(2024, 4, 10))]
    found = reading(rule(), date(2024, 4, 20), start=date(2024, 3, 1), excluded=appraisal)
    assert found.due == date(2024, 6, 11)  # 05-30 + 10 days = 06-09 (Sunday); 06-10 is the Dragon Boat Festival
    running = reading(rule(), date(2024, 4, 5), start=date(2024, 3, 1), excluded=[excluded(date(2024, 4, 1), None)])
    assert running.suspended and running.due == date(2024, 6, 4)
    with translation.override("zh-hans"):
        lines = reading(rule(), date(2024, 4, 20), start=date(2024, 3, 1), excluded=appraisal).lines
    assert any("2024-04-01" in line and "2024-04-10" in line and "鉴定" in line for line in lines)


def test_states_on_time_at_risk_overdue_met_and_met_late():
    start = date(2024, 3, 1)
    assert reading(rule(), date(2024, 5, 1), start=start).state == State.ON_TIME
    assert reading(rule(), date(2024, 5, 25), start=start).state == State.AT_RISK
    overdue = reading(rule(), date(2024, 6, 3), start=start)
    assert (overdue.state, overdue.days_left) == (State.OVERDUE, -4)
    met = reading(rule(), date(2024, 6, 3), start=start, stopped=date(2024, 5, 20))
    assert (met.state, met.days_left) == (State.MET, 10)
    assert reading(rule(), date(2024, 6, 3), start=start, stopped=date(2024, 6, 1)).state == State.MISSED
    # Stopped after the day read: still running on that day.
    assert reading(rule(), date(2024, 5, 1), start=start, stopped=date(2024, 6, 1)).state == State.ON_TIME


def test_summary_in_chinese_first():
    filing = rule(15, PeriodUnit.WORKING_DAYS, warn_days=[5])
    with translation.override("zh-hans"):
        found = reading(filing, date(2024, 10, 18), start=date(2024, 9, 27))
        assert found.summary == "2024-10-23到期，剩余3个工作日"
        assert found.explanation.startswith("办案期限：")
        assert reading(filing, date(2024, 10, 23), start=date(2024, 9, 27)).summary == "今日到期（2024-10-23）"
    with translation.override("en"):
        assert reading(filing, date(2024, 10, 18), start=date(2024, 9, 27)).summary == (
            "Due 2024-10-23, 3 working days left"
        )


@pytest.mark.django_db
def test_a_year_the_calendar_does_not_know_is_warned_about():
    seed_calendar([2026])
    found = read(rule(15, PeriodUnit.WORKING_DAYS), date(2026, 12, 20), date(2026, 12, 21))
    assert not found.exact and found.unknown_years == (2027,)
    with translation.override("zh-hans"):
        assert "2027" in found.warning
    assert read(rule(15, PeriodUnit.WORKING_DAYS), date(2026, 3, 2), date(2026, 3, 3)).exact


# --- properties --------------------------------------------------------------------------------------------------

days_in_range = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 6, 30))
units = st.sampled_from(list(PeriodUnit))


@st.composite
def clocks(draw):
    unit = draw(units)
    length = draw(st.integers(1, 6 if unit == PeriodUnit.MONTHS else 60))
    found = rule(length, unit, start_day_counts=draw(st.booleans()), roll_to_workday=draw(st.booleans()), warn_days=[5])
    start = draw(days_in_range)
    periods = [
        excluded(low, low + timedelta(days=draw(st.integers(0, 20))))
        for low in draw(
            st.lists(st.dates(min_value=start - timedelta(days=10), max_value=start + timedelta(days=90)), max_size=3)
        )
    ]
    return found, start, periods


@settings(max_examples=150, deadline=None)
@given(clocks(), st.lists(st.integers(1, 30), max_size=3))
def test_extensions_never_shorten(found, lengths):
    subject, start, periods = found
    day = start + timedelta(days=400)
    granted = [extension(n, start) for n in lengths]
    without = reading(subject, day, start=start, excluded=periods).due
    assert reading(subject, day, start=start, excluded=periods, extensions=granted).due >= without


@settings(max_examples=150, deadline=None)
@given(clocks())
def test_excluded_periods_never_make_the_due_date_earlier(found):
    subject, start, periods = found
    day = start + timedelta(days=400)
    assert reading(subject, day, start=start, excluded=periods).due >= reading(subject, day, start=start).due


@settings(max_examples=150, deadline=None)
@given(clocks())
def test_a_due_date_in_working_days_or_rolled_is_a_working_day(found):
    subject, start, periods = found
    if not (subject.unit == PeriodUnit.WORKING_DAYS or subject.roll_to_workday):
        return
    due = reading(subject, start + timedelta(days=400), start=start, excluded=periods).due
    assert CALENDAR.is_workday(due)


@settings(max_examples=150, deadline=None)
@given(clocks())
def test_the_counted_days_are_the_rules_length(found):
    """Calendar days not rolled: the days after the start up to the due date, less the excluded ones, are the
    length exactly (and the due date itself counts)."""
    subject, start, periods = found
    if subject.unit != PeriodUnit.CALENDAR_DAYS:
        return
    subject.roll_to_workday = False
    due = reading(subject, start + timedelta(days=400), start=start, excluded=periods).due
    first = start if subject.start_day_counts else start + timedelta(days=1)
    out = {p.start + timedelta(days=i) for p in periods for i in range((p.end - p.start).days + 1)}
    counted = [first + timedelta(days=i) for i in range((due - first).days + 1)]
    assert sum(1 for d in counted if d not in out) == subject.length and due not in out


@settings(max_examples=150, deadline=None)
@given(clocks(), days_in_range)
def test_the_state_agrees_with_the_due_date(found, day):
    subject, start, periods = found
    found = reading(subject, day, start=start, excluded=periods)
    assert (found.state == State.OVERDUE) == (day > found.due)
    assert (found.days_left < 0) == (day > found.due)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 120))
def test_add_months_lands_in_the_right_month_and_never_past_the_day(day, months):
    found = add_months(day, months)
    assert (found.year * 12 + found.month) - (day.year * 12 + day.month) == months
    assert found.day <= day.day
    assert add_months(day, months + 1) > found


# --- rules as data -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_shipped_rules_load_and_reload_without_history():
    first = load_rules(RULES_FILE)
    assert first["created"] >= 10 and DeadlineRule.objects.get(key="penalty-decision").length == 90
    patent = DeadlineRule.objects.get(key="patent-dispute-decision")
    assert (patent.unit, patent.max_extension_total, patent.confirmed) == (PeriodUnit.MONTHS, 1, False)
    history = DeadlineRule.history.count()
    assert load_rules(RULES_FILE) == {"created": 0, "updated": 0, "kept": 0}
    assert DeadlineRule.history.count() == history


@pytest.mark.django_db
def test_a_rule_the_office_edited_in_the_admin_survives_a_reload(client_for):
    load_rules(RULES_FILE)
    found = DeadlineRule.objects.get(key="legal-review")
    page = client_for("office").get(f"/admin/core/deadlinerule/{found.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(length=12, warn_days="[3]", max_extensions="", max_extension_total="")
    response = client_for("office").post(f"/admin/core/deadlinerule/{found.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    found.refresh_from_db()
    assert (found.length, found.from_file) == (12, False)
    assert load_rules(RULES_FILE)["kept"] == 1
    assert DeadlineRule.objects.get(key="legal-review").length == 12


def test_a_rules_file_with_a_mistake_names_where(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - {key: a, name: A, length: 3, unit: weeks, start_event: x}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rules\[0\]\.unit"):
        read_rules(Reader(path))


@pytest.mark.django_db
def test_the_command_loads_the_rules(capsys):
    call_command("load_deadline_rules")
    assert "rules added" in capsys.readouterr().out and DeadlineRule.objects.filter(key="seizure").exists()


# --- a record's clock ---------------------------------------------------------------------------------------------


@pytest.fixture
def rules(db):
    load_rules(RULES_FILE)
    seed_calendar([2024])


@pytest.mark.django_db
def test_a_record_of_any_app_runs_a_clock_with_extensions_and_excluded_periods(rules, users):
    office, record = users["office"], Unit.objects.get(key="amr")
    actions.start_clock(office, record, "patent-dispute-decision", date(2024, 3, 1))
    assert clock(record, date(2024, 3, 2), rule="patent-dispute-decision").due == date(2024, 6, 3)  # 06-01 Sat
    actions.exclude(
        office, record, "patent-dispute-decision", start=date(2024, 4, 1), end=date(2024, 4, 5), reason="公告"
    )
    actions.extend(
        office,
        record,
        "patent-dispute-decision",
        length=1,
        approver="局长",
        approved_on=date(2024, 5, 6),
        reason="复杂",
    )
    with pytest.raises(ValidationError):  # at most one extension of at most one month
        actions.extend(
            office,
            record,
            "patent-dispute-decision",
            length=1,
            approver="局长",
            approved_on=date(2024, 5, 7),
            reason="x",
        )
    found = clock(record, date(2024, 5, 10), rule="patent-dispute-decision")
    assert found.due == date(2024, 7, 8)  # 07-01 + 5 days = 07-06 (Saturday)
    assert len(found.lines) == 4  # the rule, the extension, the period not counted, the roll to a working day
    row = Clock.objects.get(rule__key="patent-dispute-decision")
    assert row.history.first().history_user == office
    assert clock(row, date(2024, 5, 10)).due == found.due
    actions.stop_clock(office, record, "patent-dispute-decision", date(2024, 7, 1))
    assert clock(record, date(2024, 8, 1), rule="patent-dispute-decision").state == State.MET


@pytest.mark.django_db
def test_the_clocks_of_many_records_are_read_in_a_few_queries(rules, users, django_assert_max_num_queries):
    units = list(Unit.objects.order_by("pk")[:5])
    for number, unit in enumerate(units):
        actions.start_clock(users["office"], unit, "penalty-decision", date(2024, 3, 1) + timedelta(days=number))
    actions.stop_clock(users["office"], units[0], "penalty-decision", date(2024, 5, 1))
    with django_assert_max_num_queries(6):  # content type, clocks, extensions, excluded periods, the calendar
        found = readings(Unit, "penalty-decision", date(2024, 6, 5))
    assert [found[unit.pk].state for unit in units] == [State.MET] + [State.OVERDUE] * 4
    on_time = sum(r.state == State.MET for r in found.values()) / len(found)
    assert on_time == 0.2


@pytest.mark.django_db
def test_only_who_may_edit_the_record_acts_on_its_clock(rules, users):
    record = Unit.objects.get(key="amr")
    with pytest.raises(PermissionDenied):
        actions.start_clock(users["court-liaison"], record, "penalty-decision", date(2024, 3, 1))
    actions.start_clock(users["office"], record, "penalty-decision", date(2024, 3, 1))
    with pytest.raises(PermissionDenied):
        actions.exclude(users["leader"], record, "penalty-decision", start=date(2024, 4, 1), reason="中止")
    actions.start_clock(users["office"], record, "copyright-penalty-decision", date(2024, 3, 1))
    with pytest.raises(ValidationError):  # the rule allows no extension
        actions.extend(
            users["office"],
            record,
            "copyright-penalty-decision",
            length=1,
            approver="x",
            approved_on=date(2024, 3, 2),
            reason="x",
        )


def _union(periods):
    """The excluded periods merged where they overlap or touch."""
    merged = []
    for period in sorted(periods, key=lambda p: p.start):
        if merged and period.start <= merged[-1].end + timedelta(days=1):
            merged[-1] = excluded(merged[-1].start, max(merged[-1].end, period.end))
        else:
            merged.append(excluded(period.start, period.end))
    return merged


@settings(max_examples=150, deadline=None)
@given(clocks())
def test_overlapping_excluded_periods_count_once_in_any_order(found):
    """Suspensions that overlap (an appraisal during a hearing) move the due date as their union does, whatever
    order they were entered in."""
    subject, start, periods = found
    day = start + timedelta(days=400)
    due = reading(subject, day, start=start, excluded=periods).due
    assert reading(subject, day, start=start, excluded=_union(periods)).due == due
    assert reading(subject, day, start=start, excluded=list(reversed(periods))).due == due
