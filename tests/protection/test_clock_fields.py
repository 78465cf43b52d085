"""What a case keeps of its clocks (services/clock_fields.py) equals what its clocks read (core/clocks.py), after
any sequence of case actions, after edits made outside them (the admin, the calendar, a rule), and as the data
migration fills it; and what the list and T8 read from it equals reading every clock on its own."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhichan.core.clocks import State as ClockState
from zhichan.core.clocks import clock
from zhichan.core.models import CalendarDay, Clock, DeadlineRule
from zhichan.core.services import clocks as core_clocks
from zhichan.protection.metrics import ClosedCases, ClosedOnTime
from zhichan.protection.models import Case, CaseKind, State
from zhichan.protection.services import cases, clock_fields
from zhichan.protection.services.clock_lists import statuses

D = datetime.date
LATER = (0, 1, 7, 40)  # a kept due date holds on these days from today


def _clock_of(case, rule):
    return Clock.objects.filter(object_id=case.pk, content_type__model="case", rule__key=rule).first()


def check_kept(case):
    """The case's kept fields against its clocks read on their own."""
    case.refresh_from_db()
    today = timezone.localdate()
    rule = case.running_rule
    if rule and _clock_of(case, rule):
        dues = [clock(case, today + datetime.timedelta(days=n), rule=rule).due for n in range(41)]
        if case.clock_paused:
            assert case.clock_due is None and len(set(dues)) > 1, case  # its due date moves: read when shown
        else:
            assert [dues[n] for n in LATER] == [case.clock_due] * len(LATER), case
    else:
        assert (case.clock_due, case.clock_paused) == (None, False), case
    decision = _clock_of(case, case.kind.decision_rule)
    if decision and decision.stopped_on:
        reading = clock(case, decision.stopped_on, rule=case.kind.decision_rule)
        assert (case.decision_due, case.decision_on_time) == (reading.due, reading.state == ClockState.MET), case
    else:
        assert (case.decision_due, case.decision_on_time) == (None, None), case


def check_figures(made):
    """The list's statuses and T8's counts from the kept fields, against every clock read on its own."""
    today = timezone.localdate()
    alone = {
        case.pk: clock(case, today, rule=case.running_rule).state
        for case in Case.objects.select_related("kind")
        if case.running_rule and _clock_of(case, case.running_rule)
    }
    assert statuses(Case.objects.all(), today) == alone
    for start, end in ((D(2024, 1, 1), D(2024, 12, 31)), (D(2024, 1, 1), D(2025, 12, 31))):
        everything = Case.objects.select_related("kind")
        closed = [c for c in everything if c.state == State.CLOSED and start <= c.ended_on <= end]
        timely = [c for c in closed if clock(c, c.decided_on, rule=c.kind.decision_rule).state == ClockState.MET]
        assert sum(ClosedCases().values(start, end).values()) == len(closed)
        assert sum(ClosedOnTime().values(start, end).values()) == len(timely)


KINDS = ["trademark-infringement", "copyright-infringement", "patent-dispute"]
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "open",
                "file",
                "decline",
                "investigate",
                "decide",
                "enforce",
                "close",
                "transfer",
                "withdraw",
                "suspend",
                "suspend-open",
                "resume",
                "extend",
            ]
        ),
        st.integers(0, 3),  # which case
        st.integers(0, 120),  # days after the event the step follows
        st.integers(1, 45),  # a length: of a period not counted, of an extension
    ),
    min_size=1,
    max_size=14,
)


def _after(day, days):
    return day + datetime.timedelta(days=days)


def take(step, made, new_case, user, offset, length):
    """One step; a step the case's state or rules refuse is skipped, as the page would refuse it."""
    if step == "open" or not made:
        made.append(new_case(lead_on=_after(D(2024, 1, 2), offset * 2), kind=KINDS[length % 3]))
        return
    case = Case.objects.select_related("kind").get(pk=made[offset % len(made)].pk)
    since = case.decided_on or case.filed_on or case.lead_on
    day = _after(since, offset)
    if step == "file":
        cases.file_case(case, user, day)
    elif step in ("decline", "transfer", "withdraw"):
        {"decline": cases.decline_case, "transfer": cases.transfer, "withdraw": cases.withdraw}[step](
            case, user, day, "原因"
        )
    elif step in ("investigate", "enforce"):
        getattr(cases, step)(case, user)
    elif step == "decide":
        cases.decide(case, user, day, "罚号", {"fine": length * 100})
    elif step == "close":
        cases.close_case(case, user, day)
    elif step.startswith("suspend"):
        end = None if step == "suspend-open" else _after(day, length)
        cases.suspend(case, user, "appraisal", day, end=end)
    elif step == "resume":
        period = cases.open_pauses(case).first()
        if period:
            cases.resume(case, user, period, _after(period.start, length))
    elif step == "extend":
        most = 1 if case.kind.decision_rule == "patent-dispute-decision" else length  # the rule allows 1 month
        cases.extend(case, user, most, "局长", day, "复杂")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_what_a_case_keeps_equals_its_clocks_after_any_actions(new_case, users, steps):
    user = users["amr-liaison"]
    with transaction.atomic():
        made = []
        for step, which, offset, length in steps:
            try:
                with transaction.atomic():
                    take(step, made, new_case, user, offset + which, length)
            except ValidationError:
                pass
            for case in made:
                check_kept(case)
        check_figures(made)
        transaction.set_rollback(True)


def test_a_long_paused_clock_is_read_when_shown_and_kept_again_once_resumed(new_case, users):
    user = users["amr-liaison"]
    case = new_case(lead_on=D(2024, 3, 28))
    cases.file_case(case, user, D(2024, 4, 1))
    assert case.clock_due == D(2024, 7, 1) and not case.clock_paused  # 90 days: Sunday 30 June, then Monday
    period = cases.suspend(case, user, "appraisal", D(2024, 5, 2))
    case.refresh_from_db()
    assert case.clock_paused and case.clock_due is None
    cases.resume(case, user, period, D(2024, 5, 11))  # 10 days not counted: 30 June + 10 days, a Wednesday
    case.refresh_from_db()
    assert (case.clock_due, case.clock_paused) == (D(2024, 7, 10), False)
    cases.decide(case, user, D(2024, 7, 10), "罚号")
    case.refresh_from_db()
    assert (case.clock_due, case.decision_due, case.decision_on_time) == (None, D(2024, 7, 10), True)


def test_edits_outside_the_actions_refresh_what_the_cases_keep(new_case, users):
    """The admin's edit of a clock's extension, the office's correction of a rule, a holiday entered."""
    user = users["amr-liaison"]
    case = new_case(lead_on=D(2024, 2, 26))
    cases.file_case(case, user, D(2024, 3, 1))  # due 2024-05-30
    cases.decide(case, user, D(2024, 6, 3), "罚号")
    case.refresh_from_db()
    assert (case.decision_due, case.decision_on_time) == (D(2024, 5, 30), False)
    with transaction.atomic():  # as the admin saves a clock's inline
        core_clocks.extend(
            None, case, "penalty-decision", length=10, approver="局长", approved_on=D(2024, 5, 20), reason="补录"
        )
    case.refresh_from_db()
    # 2024-05-30 + 10 days is Sunday 9 June; Monday 10 June is the Dragon Boat Festival
    assert (case.decision_due, case.decision_on_time) == (D(2024, 6, 11), True)
    check_kept(case)

    lead = new_case(lead_on=D(2024, 9, 2))  # the filing clock: 15 working days
    before = lead.clock_due
    rule = DeadlineRule.objects.get(key="penalty-filing")
    rule.length = 20
    rule.save()
    lead.refresh_from_db()
    assert lead.clock_due > before
    check_kept(lead)
    CalendarDay.objects.create(date=lead.clock_due, kind=CalendarDay.Kind.HOLIDAY, name="演示假日", source="测试")
    moved = lead.clock_due
    lead.refresh_from_db()
    assert lead.clock_due > moved
    check_kept(lead)


def test_the_migration_fills_every_case_as_the_actions_keep_it(new_case, users):
    user = users["amr-liaison"]
    made = [new_case(lead_on=D(2024, 2, 1)), new_case(lead_on=D(2024, 2, 2)), new_case(lead_on=D(2024, 2, 3))]
    cases.file_case(made[1], user, D(2024, 2, 5))
    cases.suspend(made[1], user, "hearing", D(2024, 3, 1))
    cases.file_case(made[2], user, D(2024, 2, 5))
    cases.decide(made[2], user, D(2024, 6, 1), "罚号")
    kept = list(Case.objects.order_by("pk").values_list("pk", *clock_fields.FIELDS))
    Case.objects.update(clock_due=None, clock_paused=False, decision_due=None, decision_on_time=None)
    migration = importlib.import_module("zhichan.protection.migrations.0008_case_clock_fields")
    migration.fill(apps, SimpleNamespace(connection=connection))
    assert list(Case.objects.order_by("pk").values_list("pk", *clock_fields.FIELDS)) == kept
    assert clock_fields.refresh_many(Case.objects.all()) == 0


@pytest.mark.parametrize("demo", [True, False])
def test_the_first_start_keeps_the_running_clocks_in_line(new_case, demo):
    case = new_case(lead_on=D(2024, 9, 2))
    Case.objects.filter(pk=case.pk).update(clock_due=D(2024, 1, 1))

    class Out:
        lines = []

        def write(self, line):
            self.lines.append(line)

    clock_fields.first_start(Out(), demo=demo)
    check_kept(case)
    assert any("1" in line for line in Out.lines)


def test_reloading_the_kinds_unchanged_refreshes_nothing(new_case, monkeypatch):
    """The kinds' file is loaded every start and saves every kind: only a kind whose rules change is refreshed."""
    from zhichan.protection.services.kinds import load_case_kinds

    new_case()
    refreshed = []
    monkeypatch.setattr(clock_fields, "refresh_many", lambda found, day=None: refreshed.append(found) or 0)
    load_case_kinds()
    assert refreshed == []
    kind = CaseKind.objects.get(key="trademark-infringement")
    kind.filing_rule = ""
    kind.save()
    assert len(refreshed) == 1


def test_the_demo_cases_batched_keep_what_their_clocks_read(reference):
    """The demo makes its cases in a batch (each case refreshed once, in bulk, at the end): the same as refreshing
    each after every action."""
    from zhichan.protection.services.demo import create_demo_cases

    assert create_demo_cases(count=25, seed=5) == 25
    assert Case.objects.exclude(decision_due=None).exists()
    assert clock_fields.refresh_many(Case.objects.all()) == 0
