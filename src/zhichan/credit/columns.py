"""The columns of the credit tables, declared once for the pages' exports and the figures' drill-downs. A person's
ID number is never among them; a person's name is exported as the reader may read it (the export's `reader`)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column


def _day(field):
    return lambda row: getattr(row, field) or ""


RECORD_COLUMNS = (
    Column("document_number", _("document number"), width=24),
    Column("subject_name", _("name of the subject"), width=30),
    Column("credit_code", _("unified social credit code"), width=20),
    Column("subject_kind", _("kind of subject"), "get_subject_kind_display"),
    Column("kind", _("kind of dishonesty"), width=30),
    Column("source", _("source"), "get_source_display"),
    Column("unit", _("finding unit")),
    Column("found_on", _("found on")),
    Column("published_from", _("published from")),
    Column("published_to", _("published until")),
    Column("state", _("state"), "standing_label"),
    Column("published", _("published"), lambda row: _("yes") if row.published else _("no")),
)

LISTING_COLUMNS = (
    Column("decision_number", _("listing decision number"), width=24),
    Column("subject_name", _("name of the subject"), width=30),
    Column("credit_code", _("unified social credit code"), width=20),
    Column("unit", _("finding unit")),
    Column("listed_on", _("listed on")),
    Column("reasons", _("reasons for listing"), width=40),
    Column("state", _("state"), "get_state_display"),
    Column("removed_on", _("removed or revoked on"), _day("removed_on")),
    Column("published", _("published"), lambda row: _("yes") if row.published else _("no")),
)
