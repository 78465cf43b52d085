"""Query parameters that are not a list's filters, checked the way filters are: each by a form field.

`query(request, name=field, ...)` returns the cleaned values (None where a parameter is absent or empty) or raises
one `ValidationError` naming every bad parameter with its message, which the API answers with 400 (core's
exception handler). The fields below say what each kind of parameter may hold; `page_size` and the dashboard's
choices are read through them, so a parameter nobody bounded never reaches the database.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .filters import INT64_MAX


def id_field() -> forms.IntegerField:
    """A row's id: 1 to the largest 64-bit key."""
    return forms.IntegerField(required=False, min_value=1, max_value=INT64_MAX)


def month_field() -> forms.RegexField:
    """A month, YYYY-MM."""
    return forms.RegexField(
        r"^\d{4}-(0[1-9]|1[0-2])$", required=False, error_messages={"invalid": _("Enter a month as YYYY-MM.")}
    )


def date_field() -> forms.DateField:
    return forms.DateField(required=False, input_formats=["%Y-%m-%d"])


def text_field(max_length: int = 200) -> forms.CharField:
    return forms.CharField(required=False, max_length=max_length)


def query(request, **fields: forms.Field) -> dict:
    """The named query parameters of `request`, cleaned; ValidationError {name: [messages]} when any is bad."""
    data = getattr(request, "query_params", request.GET)
    cleaned, errors = {}, {}
    for name, field in fields.items():
        values = data.getlist(name)
        if len(values) > 1:
            errors[name] = [_("Give this parameter once.")]
            continue
        try:
            value = field.clean(values[0] if values else None)
        except ValidationError as error:
            errors[name] = error.messages
            continue
        cleaned[name] = None if value in ("", None) else value
    if errors:
        raise ValidationError(errors)
    return cleaned
