"""What every record of the registry has in common, declared once, and the one way a record is saved."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import ScopedQuerySet


class RecordHistory(HistoricalRecords):
    """The history of every model that inherits it, each in a table of its own (HistoricalPatent …).

    A model names in `history_unindexed` the fields whose copies in its history are not indexed. A register's
    history is read by record and date (a record's page) and by user and date (the audit page), never by number,
    region or batch, so those copies need no index: fewer indexes for every write, and for a bulk import to build
    again.
    """

    def __init__(self):
        super().__init__(inherit=True)

    def finalize(self, sender, **kwargs):
        # One instance serves every model that inherits it; each history model is built here, one at a time.
        if issubclass(sender, self.cls):
            self.no_db_index = list(sender.history_unindexed)
        super().finalize(sender, **kwargs)


class RegistryRecord(Plausible):
    """A record the registry keeps (an enterprise, a patent, a mark …): an import may write it, the demo may
    make it up, its changes are kept, and each user sees the rows its model's `scope` gives them. Its dates and
    texts are checked for plausibility (core/plausible.py) by full_clean()."""

    import_batch = models.ForeignKey(
        "core.ImportBatch",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("import batch"),
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = RecordHistory()
    history_unindexed: tuple[str, ...] = ()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class RegisterRecord(RegistryRecord):
    """A record of one of the IP registers (patents, trademarks, copyrights, geographical indications): it also
    names the source it was read from. The columns lists and exports show: registry/columns.py."""

    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        abstract = True


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
