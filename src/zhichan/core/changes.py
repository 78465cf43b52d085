"""A row's field history as a reader understands it: each change of a history record as (field, before, after),
the values worded as the pages word them — a state by its label, a foreign key by the name of what it points to
(a user by the name shown on the site), a date or time as the site writes it, a list of figures as figures.

The foreign keys of a whole page of records are read in one query per related model, not one per value.
"""

import datetime
import json
from collections import defaultdict

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

EMPTY = "—"


def changes(records) -> list[tuple]:
    """[(history record, [(field label, before, after)])]: an update's changed fields, nothing for a creation
    or deletion (the row itself is named)."""
    deltas = [(record, _delta(record)) for record in records]
    names = _related_names(delta for _, delta in deltas)
    return [
        (
            record,
            [(field.verbose_name, _shown(field, old, names), _shown(field, new, names)) for field, old, new in delta],
        )
        for record, delta in deltas
    ]


def _delta(record) -> list[tuple]:
    if record.history_type != "~" or record.prev_record is None:
        return []
    meta = record.instance._meta
    return [(meta.get_field(c.field), c.old, c.new) for c in record.diff_against(record.prev_record).changes]


def _related_names(deltas) -> dict:
    """{(related model, pk): name} for every foreign key value in the changes."""
    wanted = defaultdict(set)
    for delta in deltas:
        for field, old, new in delta:
            if field.many_to_one or field.one_to_one:
                wanted[field.related_model].update(v for v in (old, new) if v not in (None, ""))
    names = {}
    for model, keys in wanted.items():
        for row in model._base_manager.filter(pk__in=keys):
            names[(model, row.pk)] = _name(row)
    return names


def _name(row) -> str:
    display = getattr(row, "display_name", None)
    return str(display) if display else str(row)


def _shown(field, value, names) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if field.many_to_one or field.one_to_one:
        # A row deleted since keeps its number, said as such.
        return names.get((field.related_model, value)) or _("no. %(id)s (deleted)") % {"id": value}
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value) if timezone.is_aware(value) else value:%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(field, models.JSONField):
        return readable(value)
    return str(value)


def readable(value) -> str:
    """JSON data in a line a reader follows: a figure ({"name", "value", "unit"}) as "培训场次 3场", other
    mappings as "key: value", lists joined; text as it is."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return "；".join(readable(item) for item in value) or EMPTY
    if isinstance(value, dict):
        if "name" in value and "value" in value:
            return f"{value['name']} {_number(value['value'])}{value.get('unit') or ''}"
        return "，".join(f"{key}: {readable(item)}" for key, item in value.items())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return _number(value)
    if value is None:
        return EMPTY
    return str(value)


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def when(text: str) -> str:
    """An ISO date-time kept in data ("2027-03-05T14:22:33+08:00") as the site writes one; other text as it is."""
    moment = parse_datetime(text) if "T" in text else None
    if moment is None:
        return text
    return f"{timezone.localtime(moment) if timezone.is_aware(moment) else moment:%Y-%m-%d %H:%M}"
