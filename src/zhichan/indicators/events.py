"""The indicators' kinds of events: a reported figure's steps (on the figure), and a recompute (on its run)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

from .periods import PeriodError, parse_period


def _period(key) -> str:
    """A figure's period key ("2024Q4") as people read it ("2024年第4季度")."""
    try:
        return parse_period(key).label
    except PeriodError:
        return key


def _figure(key, label):
    return EventKind(key, label, shown={"period": _period})


FIGURE_SAVED = _figure("figure.saved", _("figure saved"))
FIGURE_SUBMITTED = _figure("figure.submitted", _("figure submitted"))
FIGURE_APPROVED = _figure("figure.approved", _("figure approved"))
FIGURE_RETURNED = _figure("figure.returned", _("figure returned with a reason"))
COMPUTED = EventKind("indicators.computed", _("indicators recomputed"))
READING_CHANGED = EventKind("indicators.reading-changed", _("reading of an indicator changed"))
READING_PUBLISHED = EventKind("indicators.reading-published", _("indicator published on the public portal"))
READING_WITHDRAWN = EventKind("indicators.reading-withdrawn", _("indicator taken off the public portal"))
