"""What the credit module publishes as open data (core/datasets.py): the serious-dishonesty list, the dishonesty
records and the outcomes of credit repair — exactly what `services/publication.py` gives the public: the rows the
office marked published, while they are published, with public fields only (a person's name masked, never an ID
number, the facts or the measures). Each list changes with any row ever published by the day (a removal or a
repair changes the list too) and with its latest publication day."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Declared, changes, field_columns, label_of, published_by

from .models import DishonestyRecord, RepairApplication, RepairState, SeriousListEntry
from .services import publication

BY_THE_BUREAU = {"publisher": "amr", "frequency": "irregular"}
PARTY = field_columns(SeriousListEntry, "subject_name credit_code")


def _published_changes(model):
    return changes(published_by(model, published=True), "updated", "published_on")


DATASETS = [
    Declared(
        key="serious-dishonesty-list",
        title=_("Serious-dishonesty list"),
        description=_(
            "The parties on the list of serious illegal and dishonest conduct (严重违法失信名单) for IP: who, the "
            "listing decision, the day listed and the unit that decided."
        ),
        rule=_(
            "Only the listings the office marked published, while the party is on the list: a party removed at the "
            "end of the term, removed early on credit repair or whose listing was revoked is no longer shown."
        ),
        **BY_THE_BUREAU,
        period_column="found_on",
        columns=(
            *PARTY,
            Column("document_number", label_of(SeriousListEntry, "decision_number")),
            Column("found_on", label_of(SeriousListEntry, "listed_on")),
            Column("unit", _("deciding unit")),
        ),
        rows=publication.published_listings,
        modified=_published_changes(SeriousListEntry),
    ),
    Declared(
        key="dishonesty-records",
        title=_("Dishonesty records"),
        description=_(
            "The IP dishonesty records published: who, the kind of dishonesty, the document, the day found and the "
            "last day of publication."
        ),
        rule=_(
            "Only the records the office marked published, from the finding to the end of their publication "
            "period; a repaired or revoked record is no longer shown."
        ),
        **BY_THE_BUREAU,
        period_column="found_on",
        columns=field_columns(
            DishonestyRecord, "subject_name credit_code kind document_number found_on published_to unit"
        ),
        rows=publication.published_records,
        modified=_published_changes(DishonestyRecord),
    ),
    Declared(
        key="credit-repairs",
        title=_("Credit repair outcomes"),
        description=_(
            "The credit repairs approved on published records and listings: whose, what was repaired, the outcome "
            "and the day decided."
        ),
        rule=_(
            "Only the approved repairs of records and listings the office had published; a refused or pending "
            "application is never shown."
        ),
        **BY_THE_BUREAU,
        period_column="decided_on",
        columns=(
            *PARTY,
            Column("repaired", _("what was repaired")),
            *field_columns(DishonestyRecord, "document_number"),
            Column("outcome", _("outcome")),
            *field_columns(RepairApplication, "decided_on unit"),
        ),
        rows=publication.published_repairs,
        modified=changes(published_by(RepairApplication, "decided_on", state=RepairState.APPROVED), "decided_on"),
    ),
]
