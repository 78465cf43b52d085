"""The columns of a set's patents, declared once for the drill-down page and its Excel export."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column

from .services.reading import listed


def _joined(field):
    return lambda row: "; ".join(listed(getattr(row, field)))


SET_PATENT_COLUMNS = (
    Column("application_number", _("application number"), width=18),
    Column("title", _("title"), width=40),
    Column("patent_type", _("patent type"), width=10),
    Column("filing_date", _("filing date"), width=12),
    Column("publication_date", _("publication date"), width=12),
    Column("grant_date", _("grant date"), width=12),
    Column("applicants", _("applicants"), _joined("applicants"), width=30),
    Column("inventors", _("inventors"), _joined("inventors"), width=24),
    Column("ipc_codes", _("IPC codes"), _joined("ipc_codes"), width=24),
    Column("unread_classes", _("classification not understood"), width=16),
    Column("status_text", _("legal status as stated by the source"), width=16),
    Column("province", _("province"), width=10),
    Column("city", _("city"), width=10),
    Column("township", _("township"), width=10),
)
