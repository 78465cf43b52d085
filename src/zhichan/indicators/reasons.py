"""Why a computed value is missing, stored as a code ("missing:population") and worded in the reader's language."""

from django.apps import apps
from django.utils.translation import gettext as _

from .discovery import metrics

MISSING = "missing"  # an input without a figure for the region (population not entered)
ZERO = "zero-denominator"
UNKNOWN = "unknown-names"
INVALID = "invalid-formula"


def _labels(names: str) -> str:
    """Metric names by their labels (resident population), reported figures by their data elements' names (a
    formula writes their codes with underscores), other names as written."""
    found = metrics()
    DataElement = apps.get_model("indicators", "DataElement")  # not imported: the models word reasons with this module
    wanted = [n for n in names.split(",") if n not in found]
    elements = dict(
        DataElement.objects.filter(code__in=[n.replace("_", "-") for n in wanted]).values_list("code", "name")
    )

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
