import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.numbers import format_figure

from ..periods import PeriodError, parse_period

register = template.Library()

LIGHTS = {
    "done": ("text-bg-primary", _("reached")),
    "green": ("text-bg-success", _("on track")),
    "amber": ("text-bg-warning", _("slightly behind")),
    "red": ("text-bg-danger", _("behind")),
    "unknown": ("text-bg-secondary", _("no value")),  # a target, but no value to compare with it
    "none": ("text-bg-light border", _("no target")),  # a value, but no target to compare it with
}


def _number(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def figure(value, decimals=0):
    """A number with the indicator's decimals and thousands separators; an em dash for none."""
    return format_figure(value, int(decimals or 0))


@register.filter
def shown(value, element):
    """A reported figure as its data element shows it: 12,000 for a count, 1,234.50 for an amount in 万元."""
    return element.format(value)


@register.filter
def cell(value):
    """A table cell: numbers with thousands separators and the decimals they carry, dates as YYYY-MM-DD (as the
    rest of the site writes them), anything else as it is."""
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value) if timezone.is_aware(value) else value:%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return value
    return format_figure(value, max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0)


@register.filter
def number(value):
    """A figure as it is, without trailing zeros: 4, 1,527,000, 12.5."""
    found = _number(value)
    if found is None:
        return "—"
    text = f"{found:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def percent(value):
    number = _number(value)
    return "—" if number is None else f"{number * 100:.0f}%"


@register.filter
def light_class(light):
    """The badge class of a target's light; no light at all means there is no target (not that the value is
    missing)."""
    return LIGHTS.get(light or "none", LIGHTS["unknown"])[0]


@register.filter
def light_label(light):
    return LIGHTS.get(light or "none", LIGHTS["unknown"])[1]


PACE_NOTES = {
    "met": _("target met"),
    "ended": _("deadline reached"),
    "last-month": _("no whole month left"),
    "rate": _("a rate: no monthly pace"),
    "no-value": _("no value yet"),
}


@register.filter
def pace(status, decimals=2):
    """What the target still needs per month, or why nothing is needed or can be said."""
    if status is None:
        return "—"
    if status.pace is not None:
        return figure(status.pace, decimals)
    return PACE_NOTES.get(status.pace_note(), "—")


@register.filter
def depth_indent(region):
    return f"ps-{min(max(region.depth - 3, 0) * 3, 5)}"


@lru_cache(maxsize=8)
def _value_url_prefix(script_prefix: str) -> str:
    return reverse("indicator-value", args=[0]).removesuffix("0/")


@register.filter
def value_url(value) -> str:
    """The drill-down address of a value, reversed once: a region grid links hundreds of values and reverse()
    would cost more than the rest of the page."""
    return f"{_value_url_prefix(get_script_prefix())}{value.pk}/"


@register.filter
def period_label(key):
    """A period key ("2024Q4") as people read it ("2024年第4季度"); anything else as it is."""
    try:
        return parse_period(key).label
    except PeriodError:
        return key


@register.inclusion_tag("indicators/_programme_picker.html", takes_context=True)
def programme_picker(context):
    """The programmes the reader may see, to choose the one the pages show (shown only when there are several)."""
    from ..services.programmes import chosen_programme, visible_programmes

    request = context["request"]
    return {"request": request, "programmes": visible_programmes(request), "chosen": chosen_programme(request)}
