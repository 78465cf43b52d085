"""The registry's import kinds, found by core's import framework (core/imports/kinds.py): patents, trademarks,
copyright registrations and geographical indications, and enterprises. Their columns are the registers' own
(columns.py); the readers, rules and writers are in services/imports/. And the office's certification ledger
(贯标认证台账, profile data/import-profiles/certifications.yaml), entered through the certificate actions
(services/certification_import.py)."""

from functools import partial

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy

from zhichan.core.imports import ImportKind
from zhichan.core.imports.orm_writing import OrmWriter
from zhichan.core.imports.values import dated, free_text, limited
from zhichan.core.imports.writing import SetWriter
from zhichan.core.messages import Message

from . import columns
from .models import Certification
from .services.certification_import import CertificationLedgerWriter, read_version
from .services.imports import fields, rows, writing
from .services.imports.orm_writing import prepare_enterprise, prepare_gi


def links_and_events(counts: dict):
    """The holder links and legal-status events a batch added, when it added any."""
    if counts.get("links") or counts.get("events"):
        values = {"links": counts.get("links", 0), "events": counts.get("events", 0)}
        return Message(gettext_noop("%(links)d holder links and %(events)d legal-status events added."), values)
    return None


CERTIFICATION_FIELDS = {
    "enterprise_name": free_text,  # for people reading the ledger: the credit code names the enterprise
    "uscc": free_text,
    "standard_version": read_version,
    "body": limited(Certification, "body"),
    "number": limited(Certification, "number"),
    "issued_on": dated(Certification, "issued_on"),
    "expires_on": dated(Certification, "expires_on"),
    "note": limited(Certification, "note"),
}
CERTIFICATION_LABELS = {
    "enterprise_name": _("enterprise name"),
    "uscc": _("unified social credit code"),
    "standard_version": _("standard version"),
    "body": _("certification body"),
    "number": _("certificate number"),
    "issued_on": pgettext_lazy("certificate", "issued on"),
    "expires_on": _("valid until"),
    "note": _("note"),
}

COMMON = {"helpers": rows.Lookups, "uncached": rows.UNCACHED, "outcome": links_and_events}

KINDS = [
    ImportKind(
        name="patent",
        label=_("patents"),
        fields=fields.PATENT,
        labels=columns.PATENT,
        key=("application_number",),
        required=("application_number", "title", "filing_date"),
        check_row=rows.check_patent,
        writer=partial(SetWriter, writing.PATENTS),
        order=10,
        **COMMON,
    ),
    ImportKind(
        name="trademark",
        label=_("trademarks"),
        fields=fields.TRADEMARK,
        labels=columns.TRADEMARK,
        key=("registration_number",),
        required=("registration_number", "mark"),
        check_row=rows.check_trademark,
        writer=partial(SetWriter, writing.TRADEMARKS),
        order=20,
        **COMMON,
    ),
    ImportKind(
        name="copyright",
        label=_("copyright registrations"),
        fields=fields.COPYRIGHT,
        labels=columns.COPYRIGHT,
        key=("registration_number",),
        required=("registration_number", "title"),
        check_row=rows.check_copyright,
        writer=partial(SetWriter, writing.COPYRIGHTS),
        order=30,
        **COMMON,
    ),
    ImportKind(
        name="gi",
        label=_("geographical indications"),
        fields=fields.GEOGRAPHICAL_INDICATION,
        labels=columns.GEOGRAPHICAL_INDICATION,
        key=("name", "kind"),
        required=("name", "kind"),
        check_row=rows.check_gi,
        writer=partial(OrmWriter, prepare_gi),
        order=40,
        **COMMON,
    ),
    ImportKind(
        name="enterprise",
        label=_("enterprises"),
        fields=fields.ENTERPRISE,
        labels=columns.ENTERPRISE,
        key=("name", "uscc"),  # the same enterprise: by credit code, else by name (row_key)
        row_key=rows.enterprise_key,
        required=("name",),
        check_row=rows.check_enterprise,
        writer=partial(OrmWriter, prepare_enterprise),
        order=50,
        **COMMON,
    ),
    ImportKind(
        name="certifications",
        label=_("GB/T 29490 certificates"),
        fields=CERTIFICATION_FIELDS,
        labels=CERTIFICATION_LABELS,
        key=("body", "number"),  # a certificate number is unique per certification body
        required=("uscc", "standard_version", "body", "number", "issued_on"),
        writer=CertificationLedgerWriter,
        uncached=frozenset({"number", "note"}),
        order=60,
    ),
]
