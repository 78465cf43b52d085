"""Why a computed value is missing, stored as a code ("missing:population") and worded in the reader's language."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.utils.translation import gettext as _

from .discovery import metrics

MISSING = "missing"  # an input without a figure for the region (population not entered)
ZERO = "zero-denominator"
UNKNOWN = "unknown-names"
INVALID = "invalid-formula"

_names: ContextVar[dict | None] = ContextVar("data_element_names", default=None)


def _element_names(codes: list[str]) -> dict:
    """Data elements' names by code: within `read_once()`, every element's, read in one query on first need;
    outside it, those asked for."""
    DataElement = apps.get_model("indicators", "DataElement")  # not imported: the models word reasons with this module
    names = _names.get()
    if names is None:
        return dict(DataElement.objects.filter(code__in=codes).values_list("code", "name"))
    if not names:
        names.update(DataElement.objects.values_list("code", "name"))
        names.setdefault("", "")  # read: an empty table is not read again
    return names


@contextmanager
def read_once():
    """Data elements' names read once for everything worded inside (a page's or an export's list of values), not
    once per value."""
    token = _names.set({})
    try:
        yield
    finally:
        _names.reset(token)


class ReadOnceMiddleware:
    """Every request words its values' reasons with one read of the data elements' names."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with read_once():
            return self.get_response(request)


def _labels(names: str) -> str:
    """Metric names by their labels (resident population), reported figures by their data elements' names (a
    formula writes their codes with underscores), other names as written."""
    found = metrics()
    wanted = [n for n in names.split(",") if n not in found]
    elements = _element_names([n.replace("_", "-") for n in wanted]) if wanted else {}

    def label(name):
        if name in found:
            return str(found[name].label)
        return elements.get(name.replace("_", "-"), name)

    return "、".join(label(n) for n in names.split(","))


def describe(code: str) -> str:
    kind, _sep, names = (code or "").partition(":")
    if not kind:
        return ""
    if kind == MISSING:
        return _("No figure for %(names)s.") % {"names": _labels(names)}
    if kind == ZERO:
        return _("The denominator is zero.")
    if kind == UNKNOWN:
        return _("Unknown names in the formula: %(names)s.") % {"names": names.replace(",", ", ")}
    if kind == INVALID:
        return _("The formula is not valid.")
    return code
