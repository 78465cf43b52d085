"""Subsidy schemes from data files (`data/subsidies/*.yaml`, format in docs/data-formats.md): one year's call, its
items with their amounts and caps, its budget by purpose. Loading a file again updates the scheme of its key; an
item that applications already claim keeps its key (its amounts may change: claims are assessed again when
touched)."""

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.models import Region, Unit
from zhichan.core.services.datafile import DataFileError, Reader

from ..events import SCHEME_LOADED
from ..models.subsidies import Basis, Purpose, SchemeBudget, SubsidyItem, SubsidyScheme

FOLDER = "data/subsidies"
SCHEME_FIELDS = {
    "key", "organisation", "name", "name_en", "document", "year", "opens_on", "closes_on", "window_from",
    "window_to", "payer", "synthetic", "published", "budgets", "items",
}  # fmt: skip
ITEM_FIELDS = {"key", "name", "name_en", "purpose", "basis", "amount", "percent", "cap", "cap_per_applicant"}


def _amount(reader, item, key, path, required=False):
    value = reader.get(item, key, path, kind=(int, float, str), required=required)
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise reader.error(f"{path}.{key}", f"expected an amount in 万元, got {value!r}") from None
    if number < 0:
        raise reader.error(f"{path}.{key}", "expected zero or more")
    return number


def read_scheme(reader: Reader) -> dict:
    data = reader.data
    reader.only(data, SCHEME_FIELDS, "")
    scheme = {
        "key": reader.get(data, "key", ""),
        "organisation": reader.get(data, "organisation", ""),
        "name": reader.get(data, "name", ""),
        "name_en": reader.get(data, "name_en", "", required=False, default=""),
        "document": reader.get(data, "document", "", required=False, default=""),
        "year": reader.get(data, "year", "", kind=int),
        "payer": reader.get(data, "payer", ""),
        "synthetic": reader.get(data, "synthetic", "", kind=bool, required=False, default=False),
        "published": reader.get(data, "published", "", kind=bool, required=False, default=True),
    }
    for key in ("opens_on", "closes_on", "window_from", "window_to"):
        scheme[key] = reader.get(data, key, "", kind=datetime.date)
    if scheme["closes_on"] < scheme["opens_on"]:
        raise reader.error("closes_on", "expected on or after opens_on")
    if scheme["window_to"] < scheme["window_from"]:
        raise reader.error("window_to", "expected on or after window_from")
    budgets = reader.get(data, "budgets", "", kind=dict, required=False, default={})
    for purpose in budgets:
        if purpose not in Purpose.values:
            raise reader.error(f"budgets.{purpose}", f"expected one of {', '.join(Purpose.values)}")
    scheme["budgets"] = {purpose: _amount(reader, budgets, purpose, "budgets", True) for purpose in budgets}
    items, keys = [], set()
    for path, item in reader.items(data, "items", required=True):
        reader.only(item, ITEM_FIELDS, path)
        row = {
            "key": reader.get(item, "key", path),
            "name": reader.get(item, "name", path),
            "name_en": reader.get(item, "name_en", path, required=False, default=""),
            "purpose": reader.choice(item, "purpose", path, set(Purpose.values)),
            "basis": reader.choice(item, "basis", path, set(Basis.values)),
            **{key: _amount(reader, item, key, path) for key in ("amount", "percent", "cap", "cap_per_applicant")},
        }
        if row["key"] in keys:
            raise reader.error(f"{path}.key", f"duplicate key {row['key']!r}")
        keys.add(row["key"])
        if row["basis"] == Basis.PLEDGE_INTEREST and row["percent"] is None:
            raise reader.error(f"{path}.percent", "an interest subsidy gives a percentage")
        if row["basis"] != Basis.PLEDGE_INTEREST and row["amount"] is None:
            raise reader.error(f"{path}.amount", "is required")
        items.append(row)
    scheme["items"] = items
    return scheme


@action(SCHEME_LOADED, allow=office_or_system)
def load_scheme(user, *, file: str | Path, data=None) -> SubsidyScheme:
    """Create or update the scheme a file describes; a mistake is refused naming where it is in the file."""
    try:
        values = read_scheme(Reader(file, data))
    except DataFileError as error:
        raise ValidationError(str(error)) from None
    organisation = Region.objects.filter(code=values.pop("organisation")).first()
    if organisation is None:
        raise ValidationError(_("%(file)s: organisation: no region has this code.") % {"file": Path(file).name})
    if user is not None and user.unit_id and user.unit.organisation_id != organisation.pk:
        raise ValidationError(_("A scheme of another region's programme."))
    payer = Unit.objects.filter(organisation=organisation, key=values.pop("payer")).first()
    if payer is None:
        message = _("%(file)s: payer: no unit of the organisation has this key.")
        raise ValidationError(message % {"file": Path(file).name})
    budgets, items = values.pop("budgets"), values.pop("items")
    with transaction.atomic():
        scheme, _created = SubsidyScheme.objects.update_or_create(
            key=values.pop("key"),
            defaults={**values, "organisation": organisation, "payer": payer, "source": Path(file).name},
        )
        for order, item in enumerate(items):
            SubsidyItem.objects.update_or_create(scheme=scheme, key=item.pop("key"), defaults={**item, "order": order})
        SchemeBudget.objects.filter(scheme=scheme).exclude(purpose__in=list(budgets)).delete()
        for purpose, amount in budgets.items():
            SchemeBudget.objects.update_or_create(scheme=scheme, purpose=purpose, defaults={"amount": amount})
    return scheme
