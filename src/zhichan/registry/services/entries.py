"""Entries in the registers: the one way a record is written from a form or the API.

Patents, trademarks and copyrights are upserted by their number (create_patent and the like); enterprises and
geographical indications, which have no such number, are created or changed as a whole (save_entry).

Each takes the acting user first (None: the system — demo data, a command), lets only the office (or the
system) write, runs in one transaction and leaves an event: entered, or corrected. Bulk imports write through
the import machinery instead, which keeps its own batch as the record of what it did.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from zhichan.core.actions import office_or_system, refuse
from zhichan.core.events import record
from zhichan.core.history import acting_as

from ..events import CORRECTED, ENTERED, TRANSFERRED
from ..identifiers import IdentifierError, parse_patent_application
from ..models import Copyright, Patent, PatentEvent, Trademark, TrademarkEvent
from ..models.copyrights import normalize_copyright_number
from ..models.records import save_record
from ..models.trademarks import _registration_number


def create_patent(user, application_number: str, *, holders=(), **fields) -> tuple[Patent, bool]:
    """Create or update (upsert) the patent for an application number in any export form.

    The number is normalized, so `ZL 2016 2 0363475.1` and `201620363475.1` are the same patent; the type
    comes from the number. Raises ValidationError for a number or fields that cannot be accepted.
    Returns (patent, created).
    """
    _check(user)
    try:
        number = parse_patent_application(application_number)
    except IdentifierError as error:
        raise ValidationError({"application_number": error.reason}) from None
    return _save(user, Patent, {"application_number": number.normalized}, fields, "holders", holders)


def create_trademark(user, registration_number: str, *, holders=(), **fields) -> tuple[Trademark, bool]:
    """Create or update (upsert) the trademark for a registration number in any written form.

    `第12345678号` and `12345678` are the same mark. Raises ValidationError for a number or fields that
    cannot be accepted. Returns (trademark, created).
    """
    _check(user)
    normalized = _registration_number(registration_number)
    return _save(user, Trademark, {"registration_number": normalized}, fields, "holders", holders)


def create_copyright(user, registration_number: str, *, owners=(), **fields) -> tuple[Copyright, bool]:
    """Create or update (upsert) the registration for a number; spaces in the number do not count.

    The kind comes from the number's prefix when it is not given. Raises ValidationError for a number or
    fields that cannot be accepted. Returns (copyright, created).
    """
    _check(user)
    normalized = normalize_copyright_number(registration_number)
    return _save(user, Copyright, {"registration_number": normalized}, fields, "owners", owners)


def save_entry(user, entry, fields: dict):
    """Create (entry is a model class) or change (entry is a row) an enterprise or geographical indication.

    The model's own rules (full_clean) decide what is accepted; raises ValidationError otherwise. Returns the
    saved row.
    """
    _check(user)
    created = isinstance(entry, type)
    row = entry(**fields) if created else entry
    if not created:
        for name, value in fields.items():
            setattr(row, name, value)
    with transaction.atomic(), acting_as(user):
        row.full_clean()
        row.save()
        record(user, ENTERED if created else CORRECTED, row, fields=sorted(fields))
    return row


def transfer_holder(user, right, *, day, to=None, away=None, text: str = ""):
    """A patent, trademark or copyright changes hands (转让, a sale at auction): the holder `away` is no longer one,
    the enterprise `to` (when it is in the register) is; a patent's or trademark's legal-status history gets the
    transfer with `text`, and the record's event log who changed it. The one way a holder changes but by an
    import."""
    _check(user)
    related = "owners" if isinstance(right, Copyright) else "holders"
    with transaction.atomic(), acting_as(user):
        holders = getattr(right, related)
        if away is not None:
            holders.remove(away)
        if to is not None:
            holders.add(to)
        if isinstance(right, Patent):
            PatentEvent.objects.create(patent=right, date=day, kind="transfer", text=text[:500])
        elif isinstance(right, Trademark):
            TrademarkEvent.objects.create(trademark=right, date=day, kind="transfer", text=text[:500])
        record(user, TRANSFERRED, right, away=str(away or ""), to=str(to or ""), day=day.isoformat())
    return right


def _check(user):
    if not office_or_system(user):
        refuse()


def _save(user, model, key, fields, related, parties):
    # The row, its history (naming the user) and the event are kept together or not at all.
    with transaction.atomic(), acting_as(user):
        entry, created = save_record(model, key, fields, related=related, parties=parties)
        record(user, ENTERED if created else CORRECTED, entry, fields=sorted(fields))
    return entry, created
