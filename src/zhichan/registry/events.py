"""The registry's kinds of events (the patent, trademark or copyright is the record)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

ENTERED = EventKind("register.entered", _("entered in the register"))
CORRECTED = EventKind("register.corrected", _("corrected in the register"))
TRANSFERRED = EventKind("register.transferred", _("holder changed by a transfer"))
# GB/T 29490 certificates (贯标, services/certifications.py); the certificate is the record, the enterprise for a
# removal.
CERTIFICATION_RECORDED = EventKind("certification.recorded", _("GB/T 29490 certificate recorded"))
CERTIFICATION_CHANGED = EventKind("certification.changed", _("GB/T 29490 certificate corrected"))
CERTIFICATION_RENEWED = EventKind("certification.renewed", _("GB/T 29490 certificate renewed"))
CERTIFICATION_REMOVED = EventKind("certification.removed", _("GB/T 29490 certificate removed"))
