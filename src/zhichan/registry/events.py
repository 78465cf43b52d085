"""The registry's kinds of events (the patent, trademark or copyright is the record)."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind
from zhichan.core.messages import listed

ENTERED = EventKind("register.entered", _("entered in the register"))
CORRECTED = EventKind("register.corrected", _("corrected in the register"))
TRANSFERRED = EventKind("register.transferred", _("holder changed by a transfer"))
# GB/T 29490 certificates (贯标, services/certifications.py); the certificate is the record, the enterprise for a
# removal.
CERTIFICATION_RECORDED = EventKind("certification.recorded", _("GB/T 29490 certificate recorded"))


def _certificate_fields(names) -> str:
    """The fields a correction changed, by their labels in the reader's language."""
    from .models import Certification

    labels = []
    for name in names or ():
        try:
            labels.append(Certification._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            labels.append(name)
    return str(listed(labels))


CERTIFICATION_CHANGED = EventKind(
    "certification.changed",
    _("GB/T 29490 certificate corrected"),
    shown={"fields": _certificate_fields, "scan": lambda added: _("scan of the certificate") if added else ""},
    order=("fields", "scan"),
)
CERTIFICATION_RENEWED = EventKind("certification.renewed", _("GB/T 29490 certificate renewed"))
CERTIFICATION_REMOVED = EventKind("certification.removed", _("GB/T 29490 certificate removed"))
