"""The clocks of many cases read at once give what reading each case's clock on its own gives: the statuses the
list shows and its days-left order page by page (which read the due dates the cases keep)."""

import datetime

from django.core.paginator import Paginator
from django.utils import timezone

from zhichan.core.clocks import clock
from zhichan.core.models import Clock
from zhichan.protection.models import Case
from zhichan.protection.services import cases
from zhichan.protection.services.clock_lists import ByDaysLeft, read_many, running_rules, statuses

D = datetime.date
DAY = D(2024, 7, 1)


def _hand_made(new_case, user):
    """Leads, open cases and closed ones, some sharing a start day, some with a period not counted, an
    extension or both, decided on time and late, transferred and not filed."""
    made = [new_case(lead_on=D(2024, 6, day)) for day in (3, 3, 20, 28)]  # leads, two on one day
    made.append(new_case(lead_on=D(2024, 6, 10), kind="copyright-infringement"))  # no filing clock: none running
    for day, suspended, extended in ((3, False, False), (3, True, False), (10, False, True), (17, True, True)):
        case = new_case(lead_on=D(2024, 4, day - 2))
        cases.file_case(case, user, D(2024, 4, day))
        if suspended:
            cases.suspend(case, user, "appraisal", D(2024, 5, 2), end=D(2024, 5, 20) if extended else None)
        if extended:
            cases.extend(case, user, 30, "局长", D(2024, 6, 25), "案情复杂")
        made.append(case)
    for decided, suspended in ((D(2024, 5, 30), False), (D(2024, 6, 3), False), (D(2024, 6, 7), True)):
        case = new_case(lead_on=D(2024, 2, 26))
        cases.file_case(case, user, D(2024, 3, 1))
        if suspended:
            cases.suspend(case, user, "appraisal", D(2024, 4, 1), end=D(2024, 4, 10))
        cases.decide(case, user, decided, "罚号")
        cases.close_case(case, user, decided + datetime.timedelta(days=3))
        made.append(case)
    cases.transfer(new_case(lead_on=D(2024, 5, 2)), user, D(2024, 5, 6), "涉嫌犯罪")
    cases.decline_case(new_case(lead_on=D(2024, 5, 2)), user, D(2024, 5, 8), "不属管辖")
    return made


def _one_by_one(rule_of, day):
    found = {}
    for case in Case.objects.select_related("kind"):
        rule = rule_of(case)
        if rule and Clock.objects.filter(object_id=case.pk, rule__key=rule).exists():
            found[case.pk] = clock(case, day, rule=rule)
    return found


def test_the_running_clocks_read_together_as_one_by_one(new_case, users):
    _hand_made(new_case, users["amr-liaison"])
    assert running_rules(Case.objects.all()) == {
        case.pk: case.running_rule for case in Case.objects.select_related("kind") if case.running_rule
    }
    for day in (DAY, D(2024, 5, 10), D(2024, 9, 1)):
        alone = _one_by_one(lambda case: case.running_rule, day)
        together = read_many(running_rules(Case.objects.all()), day)
        assert len(alone) == 8  # four leads and four filed cases
        assert together == alone


def test_the_statuses_of_every_running_clock_are_those_read_one_by_one(new_case, users):
    _hand_made(new_case, users["amr-liaison"])
    today = timezone.localdate()
    alone = _one_by_one(lambda case: case.running_rule, today)
    assert statuses(Case.objects.all(), today) == {pk: reading.state for pk, reading in alone.items()}
    assert Case.objects.filter(clock_paused=True).count() == 1  # the one whose period not counted still runs


def test_the_days_left_order_is_the_order_of_every_reading(new_case, users):
    _hand_made(new_case, users["amr-liaison"])
    today = timezone.localdate()
    everything = list(Case.objects.all())  # newest lead first
    readings = _one_by_one(lambda case: case.running_rule, today)
    expected = sorted(everything, key=lambda case: readings[case.pk].due if case.pk in readings else D.max)
    ordered = ByDaysLeft(Case.objects.all(), today)
    for per_page in (1, 2, 3, 4, 5, 50):
        pages = Paginator(ordered, per_page)
        assert pages.count == len(everything)
        shown = [case for number in pages.page_range for case in pages.page(number)]
        assert shown == expected
