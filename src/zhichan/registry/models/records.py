from django.db import transaction
from simple_history.models import HistoricalRecords


def register_history(number: str) -> HistoricalRecords:
    """The history of a register's records. It is read by record and date (a record's page) and by user and date
    (the audit page), never by number, region or batch, so those copies are not indexed: fewer indexes for every
    write, and for a bulk import to build again."""
    return HistoricalRecords(no_db_index=[number, "region", "import_batch"])


def save_record(model, key: dict, fields: dict, *, related: str, parties=()):
    """Create or update the record with this natural key, validate it, and add its holders or owners.

    One path for every register (patents, trademarks, copyrights), so a record is checked the same way
    whether it comes from a form, the API or an import. Returns (record, created).
    """
    with transaction.atomic():
        record = model._default_manager.filter(**key).first()
        created = record is None
        if created:
            record = model(**key)
        for name, value in fields.items():
            setattr(record, name, value)
        record.full_clean(validate_unique=False)
        record.save()
        if parties:
            getattr(record, related).add(*parties)
    return record, created
