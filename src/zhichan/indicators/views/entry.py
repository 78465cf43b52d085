"""Units enter the figures they report; the office approves them."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF, Role, role_of
from zhichan.core.views.actions import run_action
from zhichan.programme.services.choice import programme_of

from ..models import UNFINISHED, DataElement, DataValue, ValidationRule, ValueState
from ..periods import PeriodError, parse_period, periods_of
from ..services import entry
from ..services.programmes import programme_years
from ..services.reported_targets import named_places

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


def _period_choices(user):
    """The periods of the user's own programme, from the one its start falls in (the baseline year before it is
    not reported)."""
    programme = programme_of(user.unit.organisation if user.unit_id else None)
    if programme is None:
        first, last = programme_years()
        return [p for kind in ("quarter", "year", "month") for p in periods_of(kind, first + 1, last)]
    return [
        p
        for kind in ("quarter", "year", "month")
        for p in periods_of(kind, programme.start.year, programme.end.year)
        if programme.start <= p.end and p.start <= programme.end
    ]


@allow(STAFF, write=WRITERS)
def data_entry(request):
    """A unit's figures for a period: one row per data element it reports."""
    user = request.user
    role = role_of(user)
    unit = user.unit if role in WRITERS and user.unit_id else None
    kinds = {e.period_type for e in entry.elements_for(None)}
    choices = [p for p in _period_choices(user) if p.kind in kinds]
    asked = request.GET.get("period") or request.POST.get("period") or ""
    try:
        period = parse_period(asked)
    except PeriodError:
        period = None
    if not asked and request.method == "GET" and choices:
        period = choices[0]  # the form of the period the picker shows at once, without a press on "Choose period"
    elements = entry.elements_for(unit, office=role == Role.OFFICE) if unit else []
    if period is not None:
        elements = [e for e in elements if e.period_type == period.kind]
    slots = _slots(elements, unit)
    typed, field_errors, rule_errors = {}, {}, []
    if request.method == "POST" and period is not None and unit is not None:
        entries, typed = _typed_entries(request, slots)
        try:
            saved = entry.save_values(unit, period.key, entries, user, submit="submit" in request.POST)
        except PermissionDenied:
            rule_errors = [_("You may not change these values.")]
        except entry.EntryRefused as refused:
            field_errors, rule_errors = refused.fields, refused.rules
        except ValidationError as error:
            rule_errors = error.messages
        else:
            if not saved:
                messages.info(request, _("Nothing was saved: no value was typed."))
            elif "submit" in request.POST:
                messages.success(request, _("%(count)d values submitted to the office.") % {"count": len(saved)})
            else:
                messages.success(request, _("%(count)d values saved.") % {"count": len(saved)})
            return redirect(f"{request.path}?period={period.key}")
    existing = {}
    if unit is not None and period is not None:
        places = {unit.region_id} | {region.pk for _element, region in slots if region is not None}
        rows = DataValue.objects.visible_to(user).filter(period=period.key, region__in=places, element__in=elements)
        existing = {(row.element_id, row.region_id): row for row in rows}
    lines = []
    for element, region in slots:
        key = _key(element, region)
        found = existing.get((element.pk, region.pk if region else unit.region_id))
        lines.append(_Row(element, found, typed.get(key), field_errors.get(key, []), region))
    return render(
        request,
        "indicators/data_entry.html",
        {
            "unit": unit,
            "period": period,
            "choices": choices,
            "rows": lines,
            "rule_errors": rule_errors,
            "field_errors": [line for line in lines if line.errors],
            "can_write": role in WRITERS and unit is not None,
        },
    )


@dataclass
class _Row:
    """One line of the form: the element, its stored value, what was typed (after a refused save), the errors."""

    element: object
    row: DataValue | None
    typed: tuple | None
    errors: list
    region: object = None  # a sub-region a target names: the figure is entered for it

    @property
    def key(self):
        return _key(self.element, self.region)

    @property
    def value(self) -> str:
        if self.typed is not None:
            return self.typed[0]
        return self.element.format(self.row.value).replace(",", "") if self.row else ""

    @property
    def comment(self) -> str:
        if self.typed is not None:
            return self.typed[1]
        return self.row.comment if self.row else ""


def _key(element, region):
    """A line's key in the form's field names: the element pk, with the region pk for a named sub-region's."""
    return entry.Entry(element, None, region=region).key


def _slots(elements, unit) -> list[tuple]:
    """(element, region) per line: an element a target of the unit's programme reads for named sub-regions is
    entered for each of them (None: for the unit's own region)."""
    if unit is None:
        return []
    places = named_places(elements, programme_of(unit.organisation))
    return [(element, region) for element in elements for region in places.get(element.pk, [None])]


def _typed_entries(request, slots):
    """The figures typed into the form (blank ones are left as they are) and, per line key, the text typed."""
    entries, typed = [], {}
    for element, region in slots:
        key = _key(element, region)
        raw = request.POST.get(f"value-{key}")
        if raw is None:  # a disabled field: an approved value the liaison may not change
            continue
        comment = request.POST.get(f"comment-{key}", "")
        typed[key] = (raw, comment)
        if raw.strip():
            entries.append(entry.Entry(element, raw, comment, region))
    return entries, typed


@allow(STAFF)
def data_elements(request):
    """The figures units report and the checks between them (the office edits them in the data file or admin)."""
    elements = list(DataElement.objects.visible_to(request.user).prefetch_related("units"))
    if request.user.unit_id:  # the user's own organisation's, where several programmes share the platform
        own = {element.pk for element in entry.elements_for(request.user.unit, office=True)}
        elements = [element for element in elements if element.pk in own]
    by_variable = {element.variable: element for element in elements}
    rules = [
        (rule, rule.readable(by_variable))
        for rule in ValidationRule.objects.visible_to(request.user)
        if rule.names <= set(by_variable)
    ]
    return render(request, "indicators/data_elements.html", {"elements": elements, "rules": rules})


@allow(SEE_ALL, write={Role.OFFICE})
def data_review(request):
    # The leadership does not see a unit's unfinished work, so it is offered no tab for it.
    office = role_of(request.user) == Role.OFFICE
    states = [(key, label) for key, label in ValueState.choices if office or key not in UNFINISHED]
    state = request.GET.get("state", ValueState.SUBMITTED)
    if state not in dict(states):
        state = ValueState.SUBMITTED
    # The office reviews its own organisation's figures (a city's office reads its counties', but does not review
    # them); the leadership reads them all.
    readable = DataValue.objects.editable_by(request.user) if office else DataValue.objects.visible_to(request.user)
    rows = (
        readable.filter(state=state)
        .select_related("element", "region", "unit", "entered_by")
        .order_by("period_start", "element__order", "region__path")
    )
    return render(
        request,
        "indicators/data_review.html",
        {"rows": rows[:500], "state": state, "states": states},
    )


@form_post()
@allow(Role.OFFICE, scope=DataValue)
def datavalue_approve(request, pk):
    row = get_object_or_404(DataValue.objects.editable_by(request.user), pk=pk)
    outcome = run_action(request, entry.approve, row, request.user, done=_("Approved."))
    if outcome.ok and outcome.result.recomputes:
        messages.info(request, _("The indicators that read this figure are being recomputed."))
    return redirect("data-review")


@form_post()
@allow(Role.OFFICE, scope=DataValue)
def datavalue_return(request, pk):
    row = get_object_or_404(DataValue.objects.editable_by(request.user), pk=pk)
    run_action(
        request, entry.send_back, row, request.user, request.POST.get("note", ""), done=_("Returned to the unit.")
    )
    return redirect("data-review")
