"""Why a computed value is missing, stored as a code ("missing:population") and worded in the reader's language."""

from django.utils.translation import gettext as _

from .discovery import metrics

MISSING = "missing"  # an input without a figure for the region (population not entered)
ZERO = "zero-denominator"
UNKNOWN = "unknown-names"
INVALID = "invalid-formula"


def _labels(names: str) -> str:
    """Metric names by their labels (resident population), other names as written."""
    found = metrics()
    return "、".join(str(found[n].label) if n in found else n for n in names.split(","))


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
