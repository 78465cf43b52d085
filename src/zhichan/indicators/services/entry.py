"""Units enter their data elements per period; the office approves or returns them.

A unit's figures for a period are saved together or not at all: every figure is checked on its own (a number,
a whole number for a count, within its bounds) and against the others by the validation rules, and one error
anywhere saves nothing.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as _noop

from zhichan.core.actions import action, office_only
from zhichan.core.events import record
from zhichan.core.history import acting_as
from zhichan.core.models import User
from zhichan.core.numbers import parse_figure
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.scoping import works_for
from zhichan.core.services.notify import Message, notify
from zhichan.core.services.population import record_population, withdraw_population
from zhichan.programme.services.choice import programme_of

from ..events import FIGURE_APPROVED, FIGURE_RETURNED, FIGURE_SAVED, FIGURE_SUBMITTED
from ..models import DataElement, DataValue, ValidationRule, ValueState
from ..models.rules import Violation
from ..periods import PeriodError, parse_period
from .readings import recompute
from .reported_targets import named_places, rank_elements, readings_of_element


def elements_for(unit, *, office=False) -> list[DataElement]:
    """The data elements a unit reports; for its office, those of the unit's organisation (reported by any of its
    units, or by none named) — another programme's on the same platform are not its own; no unit: all."""
    if unit is None:
        return list(DataElement.objects.all())
    if office:
        own = Q(units__organisation=unit.organisation_id) | Q(units=None)
        return list(DataElement.objects.filter(pk__in=DataElement.objects.filter(own).values("pk")))
    return list(DataElement.objects.filter(units=unit))


@dataclass
class Entry:
    """One figure as typed: the element, the text (or number), a comment and, for a figure entered for one of the
    sub-regions a target names, that region (None: the region the figures are saved for)."""

    element: DataElement
    value: object
    comment: str = ""
    region: object = None

    @property
    def key(self):
        """How the figure's errors are keyed: the element pk, with the region pk for a named sub-region's."""
        return self.element.pk if self.region is None else f"{self.element.pk}-{self.region.pk}"


class EntryRefused(ValidationError):
    """Nothing was saved: each figure's own errors by element pk, and the rules the figures break together."""

    def __init__(self, fields: dict, rules: list):
        self.fields, self.rules = fields, rules
        errors = {f"value-{pk}": messages for pk, messages in fields.items()}
        if rules:
            errors["__all__"] = rules
        super().__init__(errors)


def violation_message(violation: Violation) -> str:
    """The rule's message and every figure it read, with the value typed or stored: both figures are named."""
    figures = _(", ").join(
        f"{element.name} {element.format(value)}{element.unit_of_measure}" for element, value in violation.figures
    )
    return _("%(message)s (%(figures)s)") % {"message": violation.rule.text, "figures": figures}


def rule_violations(region, period_key: str, typed: dict, user=None) -> list[Violation]:
    """The rules broken by the typed figures (element → value) together with the ones stored for the region and
    period that `user` may see (another unit's draft is neither judged nor named); a rule none of the typed
    figures takes part in is not judged here."""
    rules = list(ValidationRule.objects.all())
    typed_names = {element.variable for element in typed}
    rules = [rule for rule in rules if rule.names & typed_names]
    if not rules:
        return []
    elements = {element.variable: element for element in DataElement.objects.all()}
    wanted = set().union(*(rule.names for rule in rules))
    readable = DataValue.objects.visible_to(user) if user is not None else DataValue.objects.all()
    stored = readable.filter(
        region=region, period=period_key, element__in=[elements[n] for n in wanted if n in elements]
    ).select_related("element")
    values = {row.element.variable: row.value for row in stored}
    values.update({element.variable: value for element, value in typed.items()})
    return [found for rule in rules if (found := rule.violation(values, elements)) is not None]


def _number(entry: Entry) -> Decimal:
    if isinstance(entry.value, Decimal):
        return entry.value
    try:
        return parse_figure(entry.value)
    except (InvalidOperation, ValueError):
        raise ValidationError(_("Enter a number.")) from None


def _prepared(element, unit, period, value, user, comment, submit, region, existing) -> DataValue:
    """The row as it would be saved, checked on its own; ValidationError with the figure's messages."""
    if role_of(user) != Role.OFFICE and not element.units.filter(pk=unit.pk).exists():
        raise ValidationError(_("Your unit does not report this figure."))
    if submit and element.is_population and not comment.strip():
        raise ValidationError(_("Give the source of this population figure in the comment."))
    if existing and existing.unit_id != unit.pk and role_of(user) != Role.OFFICE:
        raise ValidationError(_("Another unit reported this figure for this region and period."))
    if existing and existing.state == ValueState.APPROVED and role_of(user) != Role.OFFICE:
        raise ValidationError(_("This value is approved; ask the office to change it."))
    row = existing or DataValue(
        element=element, region=region, period=period.key, period_start=period.start, period_end=period.end
    )
    # The office correcting a unit's figure corrects it on that unit's behalf: the figure stays the unit's.
    row.unit = existing.unit if existing and role_of(user) == Role.OFFICE else unit
    row.value, row.comment, row.entered_by = value, comment, user
    if submit:
        # Submitted again: the reason it was returned stays in the value's history only.
        row.state, row.return_reason = ValueState.SUBMITTED, ""
    elif row.state != ValueState.RETURNED:  # a returned value stays returned, with its reason, until submitted
        row.state = ValueState.DRAFT
    row.submitted_at = timezone.now() if submit else None
    row.approved_by = row.approved_at = None
    try:
        row.full_clean()
    except ValidationError as error:
        raise ValidationError(error.messages) from None
    return row


def _unchanged_approved(row, value, comment) -> bool:
    return row is not None and row.state == ValueState.APPROVED and row.value == value and row.comment == comment


def save_values(unit, period, entries: list[Entry], user, submit=False, region=None) -> list[DataValue]:
    """Save a unit's figures for its region (the office: any region) and a period, all or none.

    Raises EntryRefused listing every figure's errors and every broken rule at once; a liaison changing a draft
    keeps it a draft and a returned value returned (with the office's reason) until it submits, and an approved
    value is changed only by the office.
    """
    if not works_for(user, unit):
        raise PermissionDenied
    if role_of(user) != Role.OFFICE or region is None:
        region = unit.region
    try:
        period = parse_period(period)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from None
    elements = list({item.element.pk: item.element for item in entries}.values())
    # An office enters its own organisation's figures (a liaison's own unit's: `_prepared`).
    office = role_of(user) == Role.OFFICE
    reported = {element.pk for element in elements_for(unit, office=True)} if office else None
    ranks = rank_elements(elements)
    named = _named_places(entries, elements, unit, user)
    with transaction.atomic(), acting_as(user):
        places = {region.pk: region, **{item.region.pk: item.region for item in entries if item.region is not None}}
        existing = {
            (row.element_id, row.region_id): row
            for row in DataValue.objects.select_for_update().filter(
                region__in=list(places), period=period.key, element__in=elements
            )
        }
        errors, rows, typed = {}, [], {}
        for item in entries:
            element, place = item.element, item.region or region
            found = existing.get((element.pk, place.pk))
            try:
                if office and element.pk not in reported:
                    raise ValidationError(_("This figure is not reported in your organisation."))
                if place.pk != region.pk and place.pk not in named.get(element.pk, ()):
                    message = _("Your unit does not report this figure for %(region)s.")
                    raise ValidationError(message % {"region": place})
                value = _number(item)
                typed.setdefault(place.pk, {})[element] = value
                if submit and element.pk in ranks and not item.comment.strip():
                    raise ValidationError(_("Give the source of this rank in the comment: who published it and where."))
                if _unchanged_approved(found, value, item.comment):
                    continue  # saving a page again leaves its approved figures approved
                rows.append(_prepared(element, unit, period, value, user, item.comment, submit, place, found))
            except ValidationError as error:
                errors[item.key] = error.messages
        broken = [
            violation_message(v)
            for pk, figures in typed.items()
            for v in rule_violations(places[pk], period.key, figures, user)
        ]
        if errors or broken:
            raise EntryRefused(errors, broken)
        for row in rows:
            row.save()
            record(user, FIGURE_SUBMITTED if submit else FIGURE_SAVED, row, **figure_data(row))
    return rows


def _named_places(entries, elements, unit, user) -> dict[int, set]:
    """element pk → the pks of the sub-regions the unit may enter it for: those its programme's targets name (the
    office: any region)."""
    if not any(item.region is not None for item in entries):
        return {}
    if role_of(user) == Role.OFFICE:
        return {element.pk: {item.region.pk for item in entries if item.region is not None} for element in elements}
    found = named_places(elements, programme_of(unit.organisation))
    return {pk: {region.pk for region in regions} for pk, regions in found.items()}


def save_value(element, unit, period, value, user, comment="", submit=False, region=None) -> DataValue:
    """One figure (the API), checked as in save_values: for the unit's region by default, or for `region` — a
    sub-region the unit's programme's targets name for the figure, as on the page (the office: any region). Errors
    keyed "value" and, for broken rules, "__all__". Saving an approved figure unchanged returns it as it is."""
    place = region if region is not None and region.pk != unit.region_id else None
    item = Entry(element, value, comment, region=place)
    try:
        rows = save_values(unit, period, [item], user, submit=submit)
    except EntryRefused as refused:
        errors = {}
        if refused.fields:
            errors["value"] = refused.fields[item.key]
        if refused.rules:
            errors["__all__"] = refused.rules
        raise ValidationError(errors) from None
    if rows:
        return rows[0]
    return DataValue.objects.get(element=element, region=place or unit.region, period=parse_period(period).key)


def figure_data(row: DataValue) -> dict:
    """What each step of a figure records of it: its value as its element shows it ("37", not the stored
    "37.0000"; "12,000.50" for an amount in 万元), and its period."""
    return {"value": row.element.format(row.value), "period": row.period}


@action(FIGURE_APPROVED, data=lambda arguments, row: figure_data(row), allow=office_only)
def approve(row: DataValue, user) -> DataValue:
    if row.state != ValueState.SUBMITTED:
        raise ValidationError(_("Only a submitted value can be approved."))
    row.state, row.approved_by, row.approved_at = ValueState.APPROVED, user, timezone.now()
    row.save()
    if row.element.is_population:
        record_population(row.region, row.period_start.year, row.period_end, int(row.value), population_source(row))
    row.recomputes = recompute_readers(row, user)
    return row


def recompute_readers(row: DataValue, user) -> list:
    """Recompute (in the background, with its progress) every programme's values of the indicators that read the
    figure: an approved figure is read from now on, a withdrawn one no longer. Returns the progress records."""
    readings = readings_of_element(row.element)
    return recompute(readings, user) if readings else []


def population_source(row: DataValue) -> str:
    """The source a reported population is stored with: the reporter's own words and who reported it, in the
    platform's language whoever approves it (stored data, not a message)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("%(source)s (reported by %(unit)s)") % {"source": row.comment.strip()[:200], "unit": row.unit.name}
    return text[:300]


@action(
    FIGURE_RETURNED,
    reason="reason",
    data=lambda arguments, row: figure_data(row),
    allow=office_only,
)
def send_back(row: DataValue, user, reason="") -> DataValue:
    """The office returns a submitted or approved figure to its unit with the reason, which is kept beside the
    figure (not in its comment); the unit's liaisons are told, and the figure is on their to-do list until they
    submit it again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"note": _("Say why the figure is returned.")})
    if row.state == ValueState.DRAFT:
        raise ValidationError(_("This value is a draft; it has not been submitted."))
    if row.state == ValueState.RETURNED:
        raise ValidationError(_("This value has already been returned."))
    was_approved = row.state == ValueState.APPROVED
    if was_approved and row.element.is_population:
        withdraw_population(row.region, row.period_start.year, population_source(row))
    row.state, row.return_reason, row.approved_by, row.approved_at = ValueState.RETURNED, reason, None, None
    row.save()
    row.recomputes = recompute_readers(row, user) if was_approved else []
    _tell_returned(row)
    return row


def _tell_returned(row: DataValue):
    with translation.override(settings.LANGUAGE_CODE):
        names = {"element": row.element.name, "period": parse_period(row.period).label}
        notify(
            User.objects.filter(unit=row.unit, role__in=list(LIAISONS), is_active=True),
            Message(_noop("Figure returned: %(element)s, %(period)s"), names),
            row.return_reason,
            f"{reverse('data-entry')}?period={row.period}",
            f"figure-returned:{row.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        )
