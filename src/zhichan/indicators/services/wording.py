"""Indicators in words a leader reads: formulas by the display names of what they read, windows with both ends."""

from django.utils.translation import gettext as _

from ..formulas import spoken
from ..sources import sources


def labels() -> dict:
    """name → display name of every metric and data element (one query)."""
    return {name: str(source.label) for name, source in sources().items()}


def formula_of(indicator, names: dict | None = None) -> str:
    """ "有效发明专利量 ÷ （常住人口 ÷ 10,000）": the numerator over the denominator, each name by its label, grouped
    in the reader's language's brackets."""
    names = labels() if names is None else names
    if not indicator.denominator:
        return spoken(indicator.numerator, names, _grouped)
    return spoken(f"({indicator.numerator}) / ({indicator.denominator})", names, _grouped)


def _grouped(text: str) -> str:
    return _("(%(inside)s)") % {"inside": text}


def window_text(window) -> str:
    """A counting window with both ends, "2022-01-01 至 2024-12-31"; one without a start counts everything up to its
    end ("截至 2024-12-31")."""
    if not window:
        return ""
    start, end = window[0], window[1]
    if not start:
        return _("up to %(end)s") % {"end": end}
    return _("%(start)s to %(end)s") % {"start": start, "end": end}
