"""The registry's kinds of events (the patent, trademark or copyright is the record)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

ENTERED = EventKind("register.entered", _("entered in the register"))
CORRECTED = EventKind("register.corrected", _("corrected in the register"))
TRANSFERRED = EventKind("register.transferred", _("holder changed by a transfer"))
