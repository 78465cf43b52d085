"""The registry's row rules: what a row of each kind must satisfy across its fields, with its holders and region.

Each `check_*(record, lookups)` is a kind's `check_row` (registry/imports.py): it raises RowRejected or the model's
ValidationError, and adds what it finds (`holder_ids`, `region_id`, a patent's `event_*`). Kept lean: a patent file
of a million rows passes through here once per row.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ValidationError

from zhichan.core.imports.errors import RowRejected
from zhichan.core.imports.rows import REMARKS
from zhichan.core.imports.values import fold_name, text
from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language
from zhichan.core.plausible import problems

from ...identifiers import IdentifierError, parse_uscc
from ...models import Copyright, CopyrightKind, PatentEventKind, PatentType, Trademark, TrademarkKind
from ...models.copyrights import normalize_copyright_number
from ...models.patents import TYPE_BY_CODE
from .matching import HolderMatcher, RegionMatcher
from .statuses import read_status

SOFTWARE_NUMBER = re.compile(r"^\d{4}SR\d+$", re.IGNORECASE)
# Fields whose cells hardly repeat: their readings are not cached.
UNCACHED = frozenset(
    {"application_number", "registration_number", "title", "mark", "publication_number", "grant_number", "name"}
)


@dataclass
class Lookups:
    """Built once per batch: the enterprise register and the region tree, and the legal statuses read so far."""

    holders: HolderMatcher = field(default_factory=HolderMatcher)
    regions: RegionMatcher = field(default_factory=RegionMatcher)
    statuses: dict = field(default_factory=dict)


def _holders_and_region(record: dict, lookups: Lookups, names_field: str | None, address_field: str):
    ids, region = (), None
    codes = record.pop("uscc", "")
    if codes:
        try:
            ids, region = lookups.holders.by_codes(codes)
        except IdentifierError as error:
            raise RowRejected([("uscc", codes, error.reason)]) from None
    elif names_field and record.get(names_field):
        ids, region = lookups.holders.by_names(record[names_field])
    if region is None and address_field:
        region = lookups.regions(record.get(address_field, ""))
    record["holder_ids"] = ids
    record["region_id"] = region


def check_patent(record: dict, lookups: Lookups):
    number = record["application_number"]
    code = number[4] if len(number) == 14 else number[2]
    derived = TYPE_BY_CODE[code]
    stated = record.pop("patent_type", "")
    if stated and stated != derived:
        raise RowRejected(
            [("patent_type", stated, _("The application number says this is a %(type)s.") % {"type": derived.label})]
        )
    record["patent_type"] = derived.value
    grant, filing = record.get("grant_date"), record["filing_date"]
    if grant and grant < filing:
        raise RowRejected([("grant_date", grant, _("The grant date is before the filing date."))])
    if bool(record.get("pct_number")) != bool(record.get("pct_filing_date")) and (
        "pct_number" in record or "pct_filing_date" in record
    ):
        field = "pct_filing_date" if record.get("pct_number") else "pct_number"
        raise RowRejected(
            [(field, record.get(field), _("A PCT application needs both its number and its filing date."))]
        )
    _classes(record, derived)
    _legal_status(record, lookups, derived)
    _holders_and_region(record, lookups, "applicants", "address")


def _classes(record: dict, patent_type):
    """IPC codes and Locarno classes each in their own field, wherever the file wrote them (fields.py reads a
    classification cell as both); the Locarno column, when filled, wins. Only designs have Locarno classes."""
    locarno, source = record.get("locarno_classes", ""), "locarno_classes"
    for name in ("ipc_codes", "main_ipc"):
        if name in record:
            codes, classes = record[name]
            record[name] = codes
            if classes and not locarno:
                locarno, source = classes, name
    if locarno and patent_type != PatentType.DESIGN:
        reason = _("Locarno classes are for designs; the application number says this is a %(type)s.")
        raise RowRejected([(source, locarno, reason % {"type": patent_type.label})])
    if "ipc_codes" in record or "main_ipc" in record or "locarno_classes" in record:
        record["locarno_classes"] = locarno
    if "ipc_codes" in record and not record.get("main_ipc") and record["ipc_codes"]:
        record["main_ipc"] = record["ipc_codes"].split(";", 1)[0]


# The remarks a legal status may leave on its row (made once: a file may have a remark on every row).
NOT_UNDERSTOOD = _("Legal status not understood, kept as written without an event")
DATED_BY_GRANT = _("Legal status without a date of its own, dated by the grant date")
UNDATED = _("Legal status without a date, kept as written without an event")


def _legal_status(record: dict, lookups: Lookups, patent_type):
    """The event a stated legal status records (event_kind, event_date, event_text; PatentEvents in writing.py),
    dated by its own date; a status without one takes what the file gives, and the row's remark says so. The
    status stays on the patent as written either way."""
    record["event_kind"], record["event_date"], record["event_text"] = "", None, ""
    status = record.get("legal_status")
    if not status:
        return
    reading = lookups.statuses.get(status)
    if reading is None:
        reading = lookups.statuses[status] = read_status(status)
    phrase, entry_date, kind = reading
    if kind is None:
        _remark(record, status, NOT_UNDERSTOOD)
        return
    if not kind:
        return  # a stage of the application: nothing to record
    day = record.get("legal_status_date") or entry_date
    if day is None and kind == PatentEventKind.GRANT:
        if record.get("grant_date"):
            day = record["grant_date"]
            _remark(record, status, DATED_BY_GRANT)
        elif patent_type != PatentType.INVENTION and record.get("publication_date"):
            # Utility models and designs are published once, when granted: their announcement date is the grant's.
            day = record["publication_date"]
            _remark(record, status, _dated_by_announcement(patent_type))
    if day is None:
        _remark(record, status, UNDATED)
        return
    record["event_kind"], record["event_date"], record["event_text"] = kind, day, phrase[:500]


@cache  # made once per type, when first needed (the label is translated then, not at import)
def _dated_by_announcement(patent_type):
    return _("Legal status without a date of its own, dated by the announcement date (the grant's, for a %(type)s)") % {
        "type": patent_type.label
    }


def _remark(record: dict, value, reason):
    record.setdefault(REMARKS, []).append(("legal_status", value, reason))


def check_trademark(record: dict, lookups: Lookups):
    start, end = record.pop("term", (None, None))
    if start and not record.get("registration_date"):
        record["registration_date"] = start
    if end and not record.get("expiry_date"):
        record["expiry_date"] = end
    if not record.get("kind"):
        record["kind"] = TrademarkKind.ORDINARY
    _model_rules(Trademark, record, ("registration_number", "nice_classes", "madrid"))
    _holders_and_region(record, lookups, "applicant_name", "address")


def check_copyright(record: dict, lookups: Lookups):
    record["registration_number"] = normalize_copyright_number(record["registration_number"])
    if not record.get("kind") and SOFTWARE_NUMBER.match(record["registration_number"]):
        record["kind"] = CopyrightKind.SOFTWARE  # 2021SR0123456: the software register's number
    record.setdefault("kind", "")
    _model_rules(Copyright, record, ("kind",))
    _holders_and_region(record, lookups, "owner_name", "address")


def check_gi(record: dict, lookups: Lookups):
    _holders_and_region(record, lookups, "holder_name", "area")


def check_enterprise(record: dict, lookups: Lookups):
    if record.get("uscc"):
        try:
            record["uscc"] = parse_uscc(record["uscc"]).normalized
        except IdentifierError as error:
            raise RowRejected([("uscc", record["uscc"], error.reason)]) from None
    if record.get("industry_code"):
        record["industry_code"] = text(record["industry_code"]).upper()


def enterprise_key(record: dict) -> tuple:
    """An enterprise is the same as another row's by its credit code, else by its name folded."""
    return (record["uscc"],) if record.get("uscc") else ("", fold_name(record["name"]))


def _model_rules(model, record: dict, read_back: tuple):
    """The model's own clean() and its plausibility rules (core/plausible.py: dates a row derives, such as a
    trademark's term) on the row's values; the fields it normalizes are read back."""
    names = {f.name for f in model._meta.concrete_fields}
    instance = model(**{k: v for k, v in record.items() if k in names})
    instance.clean()
    found = problems(instance)
    if found:
        raise ValidationError(found)
    for name in read_back:
        record[name] = getattr(instance, name)
