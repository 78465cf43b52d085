"""The services catalogue: loaded from its data file (errors name the file, the path and the reason), read by the
public pages, edited by the office (each edit an action, after which a reload keeps the office's wording)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.events import record
from zhichan.core.models import DeadlineRule, Region, Unit
from zhichan.core.services.datafile import Reader
from zhichan.core.services.upsert import sync_from_file

from ..events import SERVICE_CHANGED
from ..models import FieldType, RequestState, Service, StateLabel, Target

FILE = Path("data/portal/services.yaml")
# What the office edits on a service's page.
EDITABLE = (
    "name",
    "name_en",
    "group",
    "group_en",
    "summary",
    "summary_en",
    "audience",
    "audience_en",
    "materials",
    "materials_en",
    "unit",
    "rule",
    "anonymous",
    "files",
    "published",
)
# A service in the data file: those (its rule named by key, as `deadline`), its code, target and questions.
SERVICE_KEYS = {*EDITABLE, "code", "target", "deadline", "fields"} - {"rule"}
FIELD_KEYS = {"key", "label", "label_en", "type", "required", "choices"}
# The names the form itself uses: an extra question may not take one.
OWN_FIELDS = {"name", "phone", "email", "credit_code", "matter", "anonymous", "files", "challenge", "answer", "website"}


def read_fields(reader: Reader, mapping: dict, path: str) -> list[dict]:
    """A service's extra questions, checked: keys unique and not the form's own, a known type, choices for a
    choice."""
    found, keys = [], set()
    for here, item in reader.items(mapping, "fields", path):
        reader.only(item, FIELD_KEYS, here)
        key = reader.get(item, "key", here)
        if key in keys or key in OWN_FIELDS:
            raise reader.error(f"{here}.key", f"the question {key!r} is already asked")
        keys.add(key)
        field = {
            "key": key,
            "label": reader.get(item, "label", here),
            "label_en": reader.get(item, "label_en", here, required=False, default=""),
            "type": reader.choice(item, "type", here, FieldType.values, required=False, default=FieldType.TEXT),
            "required": reader.get(item, "required", here, kind=bool, required=False, default=False),
        }
        if field["type"] == FieldType.CHOICE:
            choices = []
            for place, choice in reader.items(item, "choices", here, required=True):
                choices.append(
                    {
                        "value": reader.get(choice, "value", place),
                        "label": reader.get(choice, "label", place),
                        "label_en": reader.get(choice, "label_en", place, required=False, default=""),
                    }
                )
            if not choices:
                raise reader.error(f"{here}.choices", "a choice needs its choices")
            field["choices"] = choices
        found.append(field)
    return found


def _text(reader, mapping, key, path) -> str:
    return (reader.get(mapping, key, path, required=False, default="") or "").strip()


def read_services(reader: Reader) -> list[dict]:
    data = reader.data
    region = Region.objects.filter(code=reader.get(data, "region", "")).first()
    if region is None:
        raise reader.error("region", f"unknown region {data['region']!r}")
    units = {unit.key: unit for unit in Unit.objects.filter(organisation=region)}
    rules = set(DeadlineRule.objects.values_list("key", flat=True))
    services, codes = [], set()
    for order, (here, item) in enumerate(reader.items(data, "services", required=True)):
        reader.only(item, SERVICE_KEYS, here)
        code = reader.get(item, "code", here)
        if code in codes:
            raise reader.error(f"{here}.code", f"the service {code!r} is listed twice")
        codes.add(code)
        unit_key = reader.get(item, "unit", here)
        if unit_key not in units:
            raise reader.error(f"{here}.unit", f"unknown unit {unit_key!r}")
        deadline = reader.get(item, "deadline", here, required=False)
        if deadline is not None and deadline not in rules:
            raise reader.error(f"{here}.deadline", f"unknown deadline rule {deadline!r}")
        target = reader.choice(item, "target", here, Target.values)
        anonymous = reader.get(item, "anonymous", here, kind=bool, required=False, default=False)
        if anonymous and target not in (Target.TIP, Target.PORTAL):
            raise reader.error(f"{here}.anonymous", "only a tip or a request answered on the portal may be anonymous")
        services.append(
            {
                "code": code,
                "name": reader.get(item, "name", here),
                "name_en": _text(reader, item, "name_en", here),
                "group": _text(reader, item, "group", here),
                "group_en": _text(reader, item, "group_en", here),
                "summary": _text(reader, item, "summary", here),
                "summary_en": _text(reader, item, "summary_en", here),
                "audience": _text(reader, item, "audience", here),
                "audience_en": _text(reader, item, "audience_en", here),
                "materials": _text(reader, item, "materials", here),
                "materials_en": _text(reader, item, "materials_en", here),
                "target": target,
                "unit": units[unit_key],
                "rule": DeadlineRule.objects.get(key=deadline) if deadline else None,
                "anonymous": anonymous,
                "files": reader.get(item, "files", here, kind=bool, required=False, default=False),
                "published": reader.get(item, "published", here, kind=bool, required=False, default=True),
                "fields": read_fields(reader, item, here),
                "order": order,
            }
        )
    return services


def load_services(file) -> dict:
    """Bring the catalogue in line with the file; a service the office has edited is kept as it wrote it."""
    reader = Reader(file)
    if not Region.objects.filter(code=str(reader.data.get("region", ""))).exists():
        return {"created": 0, "updated": 0, "kept": 0}  # another region's installation: its own catalogue
    result = sync_from_file(Service, "code", read_services(reader))
    for state in RequestState.values:
        StateLabel.objects.get_or_create(state=state)
    return result


def published_services():
    return Service.objects.filter(published=True).select_related("unit", "rule")


@action(SERVICE_CHANGED, allow=office_or_system, on="service")
def change_service(service, user, **values) -> Service:
    """The office rewords a service, hands it to another unit, sets its committed deadline or its questions, or
    takes it off the public catalogue."""
    unknown = set(values) - set(EDITABLE) - {"fields"}
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if values.get("anonymous") and service.target not in (Target.TIP, Target.PORTAL):
        raise ValidationError({"anonymous": _("Only a tip or a request answered on the portal may be anonymous.")})
    if "fields" in values:
        values["fields"] = read_fields(
            Reader("fields", {"fields": values["fields"] or []}), {"fields": values["fields"] or []}, ""
        )
    for name, value in values.items():
        setattr(service, name, value.strip() if isinstance(value, str) else value)
    if not service.name:
        raise ValidationError({"name": _("Give the service's name.")})
    service.from_file = False
    service.full_clean()
    service.save()
    return service


def state_labels() -> dict:
    return {row.state: row for row in StateLabel.objects.all()}


def reword_states(user, labels: dict) -> int:
    """The office's wording of the state types ({state: (label, label in English)}); returns how many changed."""
    from zhichan.core.actions import refuse

    from ..events import STATE_REWORDED

    if not office_or_system(user):
        refuse()
    changed = 0
    with transaction.atomic():
        for state, (label, label_en) in labels.items():
            row, _created = StateLabel.objects.get_or_create(state=state)
            label, label_en = (label or "").strip(), (label_en or "").strip()
            if (row.label, row.label_en) != (label, label_en):
                row.label, row.label_en = label, label_en
                row.save()
                record(user, STATE_REWORDED, row, label=label, label_en=label_en)
                changed += 1
    return changed
