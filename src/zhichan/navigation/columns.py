"""The columns of a set's patents, declared once for the drill-down page and its Excel export."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.registry.models import PatentType

from .services.analyses import STATUS_NAMES
from .services.reading import listed


def status_shown(row) -> str:
    """The legal status as counted, with the phrase the source wrote beside it."""
    shown = str(STATUS_NAMES.get(row.status, row.status))
    return f"{shown} ({row.status_text})" if row.status_text and row.status_text != shown else shown


def _type(row) -> str:
    return str(dict(PatentType.choices).get(row.patent_type, row.patent_type))


def _joined(field):
    return lambda row: "; ".join(listed(getattr(row, field)))


SET_PATENT_COLUMNS = (
    Column("application_number", _("application number"), width=18),
    Column("title", _("title"), width=40),
    Column("patent_type", _("patent type"), _type, width=10),
    Column("filing_date", _("filing date"), width=12),
    Column("publication_date", _("publication date"), width=12),
    Column("grant_date", _("grant date"), width=12),
    Column("applicants", _("applicants"), _joined("applicants"), width=30),
    Column("inventors", _("inventors"), _joined("inventors"), width=24),
    Column("ipc_codes", _("IPC codes"), _joined("ipc_codes"), width=24),
    Column("unread_classes", _("classification not understood"), width=16),
    Column("status", _("legal status"), status_shown, width=20),
    Column("province", _("province"), width=10),
    Column("city", _("city"), width=10),
    Column("township", _("township"), width=10),
)
