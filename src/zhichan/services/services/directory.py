"""The columns of the agency directory, the outlet directory and the custody ledger, declared once for the pages'
exports and the figures' drill-downs, and the two Excel exports the brief asks for: the agency directory and the
custody ledger, of the rows the reader reads (as the list's filters choose them)."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column, sheet
from zhichan.documents import xlsx

from ..models import Agency, CustodyEngagement
from .lists import filtered_agencies, filtered_engagements

AGENCY_COLUMNS = (
    Column("name", _("name of the agency"), width=30),
    Column("uscc", _("unified social credit code"), width=20),
    Column("kinds", _("services offered"), lambda agency: "、".join(agency.kind_labels()), width=24),
    Column("region", _("region")),
    Column("address", _("address"), width=30),
    Column("contact_person", _("contact person")),
    Column("contact_phone", _("contact phone")),
    Column("settled_on", _("settled in the county on")),
    Column("supervisor", _("supervising unit")),
    Column("published_on", _("published on")),
)

OUTLET_COLUMNS = (
    Column("name", _("name"), width=30),
    Column("kind", _("kind of outlet"), "get_kind_display", width=24),
    Column("level", _("level"), "get_level_display"),
    Column("host", _("host organisation"), width=24),
    Column("region", _("region")),
    Column("established_on", _("established on")),
)

CUSTODY_COLUMNS = (
    Column("agreement_number", _("agreement number"), width=18),
    Column("enterprise", _("enterprise"), width=28),
    Column("uscc", _("unified social credit code"), "enterprise__uscc", width=20),
    Column("township", _("township"), "enterprise__region"),
    Column("industry", _("industry (GB/T 4754-2017)"), "enterprise__industry_code"),
    Column("agency", _("service agency"), width=28),
    Column("start", _("starts on")),
    Column("end", _("ends on")),
    Column("custody_scope", _("custody scope"), "get_custody_scope_display"),
    Column("services", _("services contracted"), lambda row: "、".join(row.service_labels()), width=30),
    Column("fee", _("fee (yuan)")),
    Column("payer", _("paid by"), "get_payer_display"),
    Column("enterprise_share", _("paid by the enterprise (yuan)")),
    Column("subsidy", _("government subsidy (yuan)")),
    Column("satisfaction", _("satisfaction (1–5)")),
    Column("unit", _("following unit")),
)


def _note(title) -> str:
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return gettext("%(title)s · made %(time)s") % {"title": title, "time": made}


def agency_workbook(request) -> xlsx.Workbook:
    """The agency directory as the list shows it to the reader, one agency a row."""
    _form, found = filtered_agencies(request.user, request.GET)
    title = gettext("Service agencies")
    rows = found.select_related("region", "supervisor")
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, AGENCY_COLUMNS, rows, _note(title))], rows=rows.count()
    )


def custody_workbook(request) -> xlsx.Workbook:
    """The custody ledger as the list shows it to the reader, one engagement a row."""
    _form, found = filtered_engagements(request.user, request.GET)
    title = gettext("IP custody ledger")
    rows = found.select_related("enterprise__region", "agency", "unit")
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, CUSTODY_COLUMNS, rows, _note(title))], rows=rows.count()
    )


__all__ = ["Agency", "CustodyEngagement"]
