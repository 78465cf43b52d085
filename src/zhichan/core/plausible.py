"""What a record may plausibly hold, declared once for the forms, the API and the imports.

- Dates: not before `EARLIEST` (the registers hold nothing older), and not after today, except the fields a model
  names in `dates_ahead` (the end of a term), which may lie up to `YEARS_AHEAD` years ahead. A model may move the
  floor of a field with `earliest_dates = {"field": date}`.
- Text: no control characters (NUL and the like; tab and line breaks only where a field holds several lines), and
  no more than the field's `max_length`, or `TEXT_MAX_LENGTH` for a text field without one.

A model inherits `Plausible` and `full_clean()` applies these rules with its own (the API's and pages' services and
the imports' `OrmWriter` call it); the imports' cell readers apply the same rules through `date_problem` and
`text_problem` (core/imports/values.py), so a bulk import refuses the same cell with the same message.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .messages import gettext_key as _  # kept as keys: an import's rejected rows read in each reader's language

EARLIEST = datetime.date(1950, 1, 1)
YEARS_AHEAD = 50
TEXT_MAX_LENGTH = 10_000

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_ON_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")


def max_length_of(field) -> int | None:
    """The most characters a text field may hold: its own max_length, or TEXT_MAX_LENGTH for a TextField."""
    if isinstance(field, models.TextField):
        return field.max_length or TEXT_MAX_LENGTH
    return getattr(field, "max_length", None)


def text_problem(value: str, *, max_length: int | None, multiline: bool = False) -> str | None:
    """Why `value` cannot be kept as text (a control character, too long), or None."""
    if (CONTROL if multiline else CONTROL_ON_ONE_LINE).search(value):
        return _("Contains a control character (such as NUL); remove it.")
    if max_length and len(value) > max_length:
        return _("At most %(limit)d characters; %(n)d given.") % {"limit": max_length, "n": len(value)}
    return None


def date_bounds(model, name: str) -> tuple[datetime.date, datetime.date]:
    """The earliest and latest plausible value of the date field `name` of `model` (latest as of today)."""
    today = timezone.localdate()
    earliest = getattr(model, "earliest_dates", {}).get(name, EARLIEST)
    if name in getattr(model, "dates_ahead", ()):
        return earliest, today.replace(year=today.year + YEARS_AHEAD, day=min(today.day, 28))
    return earliest, today


def date_problem(value: datetime.date, model, name: str) -> str | None:
    """Why `value` is not a plausible date for the field `name` of `model`, or None."""
    earliest, latest = date_bounds(model, name)
    if value < earliest:
        return _("%(date)s is before %(earliest)s: check the year.") % {
            "date": value.isoformat(),
            "earliest": earliest.isoformat(),
        }
    if value > latest:
        if name in getattr(model, "dates_ahead", ()):
            return _("%(date)s is more than %(years)d years ahead: check the year.") % {
                "date": value.isoformat(),
                "years": YEARS_AHEAD,
            }
        return _("%(date)s is after today: this date cannot lie in the future.") % {"date": value.isoformat()}
    return None


def problems(instance, exclude=()) -> dict:
    """{field name: [messages]} of what is implausible in `instance`'s concrete fields."""
    found: dict[str, list[str]] = {}
    model = type(instance)
    for field in model._meta.concrete_fields:
        if field.name in exclude or field.attname in exclude:
            continue
        value = getattr(instance, field.attname)
        if value in (None, ""):
            continue
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            if isinstance(value, datetime.date):
                message = date_problem(value, model, field.name)
                if message:
                    found.setdefault(field.name, []).append(message)
        elif isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            message = text_problem(
                value, max_length=max_length_of(field), multiline=isinstance(field, models.TextField)
            )
            if message:
                found.setdefault(field.name, []).append(message)
    return found


class Plausible(models.Model):
    """A model whose full_clean() also refuses implausible dates and text (see the module's rules)."""

    dates_ahead: tuple[str, ...] = ()
    earliest_dates: dict[str, datetime.date] = {}

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, messages in problems(self, exclude or ()).items():
            if name not in errors:  # one message a field: the field's own comes first
                errors[name] = messages
        if errors:
            raise ValidationError(errors)
