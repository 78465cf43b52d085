"""Units enter their data elements per period; the office approves or returns them."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import works_for
from zhichan.core.services.population import record_population, withdraw_population

from ..models import DataElement, DataValue, ValueState
from ..periods import PeriodError, parse_period


def elements_for(unit) -> list[DataElement]:
    """The data elements a unit reports (the office: all)."""
    if unit is None:
        return list(DataElement.objects.all())
    return list(DataElement.objects.filter(units=unit))


def save_value(element, unit, period, value, user, comment="", submit=False, region=None) -> DataValue:
    """Create or change a unit's value for its region and a period; a liaison's region is its unit's.

    An approved value is changed only by the office; a liaison changing a returned or draft value keeps it a
    draft until it submits.
    """
    if not works_for(user, unit):
        raise PermissionDenied
    if role_of(user) != Role.OFFICE and not element.units.filter(pk=unit.pk).exists():
        raise ValidationError(_("Your unit does not report this figure."))
    if role_of(user) != Role.OFFICE or region is None:
        region = unit.region
    if submit and element.is_population and not comment.strip():
        raise ValidationError(_("Give the source of this population figure in the comment."))
    try:
        period = parse_period(period)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from None
    existing = DataValue.objects.filter(element=element, region=region, period=period.key).first()
    if existing and existing.unit_id != unit.pk and role_of(user) != Role.OFFICE:
        raise ValidationError(_("Another unit reported this figure for this region and period."))
    if existing and existing.state == ValueState.APPROVED and role_of(user) != Role.OFFICE:
        raise ValidationError(_("This value is approved; ask the office to change it."))
    row = existing or DataValue(
        element=element, region=region, period=period.key, period_start=period.start, period_end=period.end
    )
    row.unit, row.value, row.comment, row.entered_by = unit, value, comment, user
    row.state = ValueState.SUBMITTED if submit else ValueState.DRAFT
    row.submitted_at = timezone.now() if submit else None
    row.approved_by = row.approved_at = None
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def approve(row: DataValue, user) -> DataValue:
    if role_of(user) != Role.OFFICE:
        raise PermissionDenied
    if row.state != ValueState.SUBMITTED:
        raise ValidationError(_("Only a submitted value can be approved."))
    row.state, row.approved_by, row.approved_at = ValueState.APPROVED, user, timezone.now()
    row.save()
    if row.element.is_population:
        record_population(row.region, row.period_start.year, row.period_end, int(row.value), population_source(row))
    return row


def population_source(row: DataValue) -> str:
    """The source a reported population is stored with: the reporter's own words and who reported it, in the
    platform's language whoever approves it (stored data, not a message)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("%(source)s (reported by %(unit)s)") % {"source": row.comment.strip()[:200], "unit": row.unit.name}
    return text[:300]


@transaction.atomic
def send_back(row: DataValue, user, comment="") -> DataValue:
    if role_of(user) != Role.OFFICE:
        raise PermissionDenied
    if row.state == ValueState.DRAFT:
        raise ValidationError(_("This value is already a draft."))
    if row.state == ValueState.APPROVED and row.element.is_population:
        withdraw_population(row.region, row.period_start.year, population_source(row))
    row.state, row.approved_by, row.approved_at = ValueState.DRAFT, None, None
    if comment:
        row.comment = (row.comment + "\n" if row.comment else "") + _("Returned: %(note)s") % {"note": comment}
    row.save()
    return row
