"""What the credit module publishes as open data (core/datasets.py): the serious-dishonesty list, the dishonesty
records and the outcomes of credit repair — exactly what `services/publication.py` gives the public: the rows the
office marked published, while they are published, with public fields only (a person's name masked, never an ID
number, the facts or the measures)."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Dataset, latest

from .models import DishonestyRecord, RepairApplication, RepairState, SeriousListEntry
from .services import publication


def _label(model, name):
    return model._meta.get_field(name).verbose_name


def _published_modified(model, day):
    """The latest change of a row ever published by the day (a removal or a repair changes the list too), or the
    latest publication day."""
    stamps = model.objects.filter(published=True, published_on__lte=day).aggregate(
        updated=Max("updated"), published=Max("published_on")
    )
    return latest(stamps["updated"], stamps["published"])


class SeriousList(Dataset):
    key = "serious-dishonesty-list"
    title = _("Serious-dishonesty list")
    description = _(
        "The parties on the list of serious illegal and dishonest conduct (严重违法失信名单) for IP: who, the "
        "listing decision, the day listed and the unit that decided."
    )
    rule = _(
        "Only the listings the office marked published, while the party is on the list: a party removed at the "
        "end of the term, removed early on credit repair or whose listing was revoked is no longer shown."
    )
    publisher = "amr"
    frequency = "irregular"
    period_column = "found_on"
    columns = (
        Column("subject_name", _label(SeriousListEntry, "subject_name")),
        Column("credit_code", _label(SeriousListEntry, "credit_code")),
        Column("document_number", _label(SeriousListEntry, "decision_number")),
        Column("found_on", _label(SeriousListEntry, "listed_on")),
        Column("unit", _("deciding unit")),
    )

    def rows(self, day):
        return publication.published_listings(day)

    def modified(self, day):
        return _published_modified(SeriousListEntry, day)


class Records(Dataset):
    key = "dishonesty-records"
    title = _("Dishonesty records")
    description = _(
        "The IP dishonesty records published: who, the kind of dishonesty, the document, the day found and the "
        "last day of publication."
    )
    rule = _(
        "Only the records the office marked published, from the finding to the end of their publication period; "
        "a repaired or revoked record is no longer shown."
    )
    publisher = "amr"
    frequency = "irregular"
    period_column = "found_on"
    columns = (
        Column("subject_name", _label(DishonestyRecord, "subject_name")),
        Column("credit_code", _label(DishonestyRecord, "credit_code")),
        Column("kind", _label(DishonestyRecord, "kind")),
        Column("document_number", _label(DishonestyRecord, "document_number")),
        Column("found_on", _label(DishonestyRecord, "found_on")),
        Column("published_to", _label(DishonestyRecord, "published_to")),
        Column("unit", _label(DishonestyRecord, "unit")),
    )

    def rows(self, day):
        return publication.published_records(day)

    def modified(self, day):
        return _published_modified(DishonestyRecord, day)


class Repairs(Dataset):
    key = "credit-repairs"
    title = _("Credit repair outcomes")
    description = _(
        "The credit repairs approved on published records and listings: whose, what was repaired, the outcome "
        "and the day decided."
    )
    rule = _(
        "Only the approved repairs of records and listings the office had published; a refused or pending "
        "application is never shown."
    )
    publisher = "amr"
    frequency = "irregular"
    period_column = "decided_on"
    columns = (
        Column("subject_name", _label(SeriousListEntry, "subject_name")),
        Column("credit_code", _label(SeriousListEntry, "credit_code")),
        Column("repaired", _("what was repaired")),
        Column("document_number", _label(DishonestyRecord, "document_number")),
        Column("outcome", _("outcome")),
        Column("decided_on", _label(RepairApplication, "decided_on")),
        Column("unit", _label(RepairApplication, "unit")),
    )

    def rows(self, day):
        return publication.published_repairs(day)

    def modified(self, day):
        decided = RepairApplication.objects.filter(state=RepairState.APPROVED, decided_on__lte=day)
        return latest(decided.aggregate(last=Max("decided_on"))["last"])


DATASETS = [SeriousList(), Records(), Repairs()]
