"""The indicators' kinds of events: a reported figure's steps (on the figure), and a recompute (on its run)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

FIGURE_SAVED = EventKind("figure.saved", _("figure saved"))
FIGURE_SUBMITTED = EventKind("figure.submitted", _("figure submitted"))
FIGURE_APPROVED = EventKind("figure.approved", _("figure approved"))
FIGURE_RETURNED = EventKind("figure.returned", _("figure returned with a reason"))
COMPUTED = EventKind("indicators.computed", _("indicators recomputed"))
