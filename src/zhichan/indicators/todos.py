"""The indicators' lines of the workbench to-do lists: figures waiting for the office's review, figures a unit
owes for periods that have ended."""

from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.services.calendar import WorkCalendar, add_workdays
from zhichan.programme.services.choice import programme_of

from .models import DataElement, DataValue, ValueState
from .periods import parse_period, periods_of
from .services.programmes import programme_years, report_due_days


def office_todos(user) -> list[Todo]:
    if role_of(user) != Role.OFFICE:
        return []
    waiting = DataValue.objects.filter(state=ValueState.SUBMITTED).count()
    return [Todo(_("Reported figures awaiting review"), reverse("data-review"), waiting, kind="figures")]


def unit_todos(user) -> list[Todo]:
    """Per ended period of the programme years: how many of the unit's figures are not yet submitted."""
    if role_of(user) not in LIAISONS or not user.unit_id:
        return []
    elements = list(DataElement.objects.filter(units=user.unit_id))
    if not elements:
        return []
    today = timezone.localdate()
    programme = programme_of(user.unit.organisation)  # a city's unit owes the city programme's figures, on its days
    first, last = programme_years(programme)
    values = DataValue.objects.filter(
        element__in=elements,
        region_id=user.unit.region_id,
        state__in=(ValueState.SUBMITTED, ValueState.APPROVED, ValueState.RETURNED),
    )
    made, returned = set(), defaultdict(list)
    for element_id, key, state, reason in values.values_list("element_id", "period", "state", "return_reason"):
        made.add((element_id, key))  # a returned figure is listed on its own line, not again as missing
        if state == ValueState.RETURNED:
            returned[key].append(reason)
    owed = defaultdict(int)
    for element in elements:
        for period in periods_of(element.period_type, first + 1, last):  # the baseline year is not owed
            if period.end < today and (element.pk, period.key) not in made:
                owed[period] += 1
    calendar = WorkCalendar()
    days = report_due_days(programme)  # figures are due as progress reports are
    items = []
    # Figures the office returned come first: they are owed again, with the office's reason.
    for key, reasons in sorted(returned.items()):
        period = parse_period(key)
        due = add_workdays(period.end, days, calendar).date
        items.append(
            Todo(
                _("Figures returned for %(period)s") % {"period": period.label},
                f"{reverse('data-entry')}?period={period.key}",
                len(reasons),
                due=due,
                overdue=due < today,
                kind="figures-returned",
                detail=reasons[0],
            )
        )
    for period, count in owed.items():
        due = add_workdays(period.end, days, calendar).date
        items.append(
            Todo(
                _("Figures due for %(period)s") % {"period": period.label},
                f"{reverse('data-entry')}?period={period.key}",
                count,
                due=due,
                overdue=due < today,
                kind="figures",
            )
        )
    return items
