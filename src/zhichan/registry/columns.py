"""The columns of each register, declared once: the list exports show them all, the drill-downs behind indicator
values a few (`pick`), and imports name their fields by these labels.

Each tuple is in the order of the list export. A column that depends on the day (the state today, the end of the
current term) reads `record.today`, the facts the export computed for its day (views/common.py `with_today`).
"""

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column, pick
from zhichan.core.messages import SEPARATED, listed


def joined(names) -> str:
    return "、".join(str(name) for name in names)


_WRITTEN_SEPARATOR = re.compile(r"\s*[;；]\s*")


def _names_as_written(name: str):
    """Names as the source file writes them ("甲公司;乙公司"), separated as the reader's language separates a
    list's items (Chinese "甲公司；乙公司"); an import splits either way."""

    def names(record) -> str:
        written = getattr(record, name) or ""
        return str(listed([part for part in _WRITTEN_SEPARATOR.split(written) if part], SEPARATED))

    return names


def _yes_no(name: str):
    return lambda record: gettext("yes") if getattr(record, name) else gettext("no")


def _yes(name: str):
    return lambda record: gettext("yes") if getattr(record, name) else ""


def _parties(related: str):
    return lambda record: joined(getattr(record, related).all())


def _today(fact: str):
    return lambda record: record.today[fact]


def _synthetic(record) -> str:
    return gettext("synthetic demo record") if record.synthetic else ""


REGION = Column("region", _("region"))
SOURCE = Column("source", _("source"))
SYNTHETIC = Column("synthetic", _("demo data"), _synthetic)
STATE_TODAY = Column("state", _("state today"), _today("state"))

PATENTS = (
    Column("application_number", _("application number")),
    Column("patent_type", _("patent type"), "get_patent_type_display"),
    Column("title", _("title")),
    Column("applicants", _("applicants (as written)"), _names_as_written("applicants")),
    Column("holders", _("holders in the register"), _parties("holders")),
    Column("inventors", _("inventors")),
    REGION,
    Column("filing_date", _("filing date")),
    Column("publication_number", _("publication number")),
    Column("grant_number", _("grant publication number")),
    Column("grant_date", _("grant date")),
    Column("main_ipc", _("main IPC code")),
    Column("locarno_classes", _("Locarno classes")),
    Column("legal_status", _("legal status as stated by the source")),
    Column("strategic_emerging", _("in a strategic emerging industry"), _yes_no("strategic_emerging")),
    Column("foreign_family", _("patent family member granted abroad"), _yes_no("foreign_family")),
    Column("high_pledge_financing", _("obtained high pledge financing"), _yes_no("high_pledge_financing")),
    Column("award", _("award")),
    Column("pct_number", _("PCT international application number")),
    Column("pct_filing_date", _("PCT international filing date")),
    STATE_TODAY,
    Column("state_since", _("state since"), _today("since")),
    SOURCE,
    SYNTHETIC,
)
HIGH_VALUE_FACTS = Column("high_value_facts", _("high-value facts stated by the source"))

TRADEMARKS = (
    Column("registration_number", _("registration number")),
    Column("mark", _("mark")),
    Column("nice_classes", _("Nice classes")),
    Column("kind", _("kind"), "get_kind_display"),
    Column("gi_mark", _("GI mark"), _yes("gi_mark")),
    Column("madrid", _("Madrid"), _yes("madrid")),
    Column("applicant_name", _("applicant (as written)"), _names_as_written("applicant_name")),
    Column("holders", _("holders in the register"), _parties("holders")),
    REGION,
    Column("application_date", _("application date")),
    Column("registration_date", _("registration date")),
    Column("term_end", _("end of the current term"), _today("term_end")),
    STATE_TODAY,
    SOURCE,
    SYNTHETIC,
)

COPYRIGHTS = (
    Column("registration_number", _("registration number")),
    Column("kind", _("kind"), "get_kind_display"),
    Column("category", _("category of work"), "get_category_display"),
    Column("title", _("title")),
    Column("owner_name", _("owner (as written)"), _names_as_written("owner_name")),
    Column("owners", _("owners in the register"), _parties("owners")),
    REGION,
    Column("completion_date", _("completion date")),
    Column("first_publication_date", _("first publication date")),
    Column("registration_date", _("registration date")),
    SOURCE,
    SYNTHETIC,
)

GEOGRAPHICAL_INDICATIONS = (
    Column("name", _("name")),
    Column("kind", _("kind"), "get_kind_display"),
    Column("holder_name", _("holder or applicant (as written)"), _names_as_written("holder_name")),
    Column("holder", _("holder in the register"), "holder__name"),
    Column("approval_date", _("approval date")),
    Column("announcement_number", _("announcement number")),
    Column("product_category", _("product category")),
    Column("area", _("protected area")),
    REGION,
    Column("trademark", _("trademark"), "trademark__registration_number"),
    SOURCE,
    SYNTHETIC,
)

ENTERPRISES = (
    Column("name", _("name")),
    Column("uscc", _("unified social credit code")),
    REGION,
    Column("address", _("address")),
    Column("industry_code", _("industry (GB/T 4754-2017)")),
    Column("size", _("size"), "get_size_display"),
    Column("ip_institution", _("has an IP management institution"), _yes("ip_institution")),
    Column("ip_institution_name", _("IP management institution")),
    Column("ip_staff_full_time", _("full-time IP staff")),
    Column("ip_strategy", _("has an IP strategy"), _yes("ip_strategy")),
    Column("ip_strategy_adopted", _("IP strategy adopted on")),
    Column("designations", _("designations held today"), _today("designations")),
    Column("merged_into", _("merged into"), "merged_into__name"),
    SYNTHETIC,
)

# What a drill-down behind an indicator value shows of each register (registry/metrics.py).
PATENTS_BEHIND = pick(PATENTS, "application_number", "title", "applicants", "filing_date", "grant_date", "region")
TRADEMARKS_BEHIND = pick(
    TRADEMARKS, "registration_number", "mark", "nice_classes", "applicant_name", "registration_date", "region"
)
COPYRIGHTS_BEHIND = pick(
    COPYRIGHTS, "registration_number", "title", "kind", "owner_name", "registration_date", "region"
)
GEOGRAPHICAL_INDICATIONS_BEHIND = pick(
    GEOGRAPHICAL_INDICATIONS, "name", "kind", "holder_name", "approval_date", "announcement_number", "region"
)
ENTERPRISES_BEHIND = pick(ENTERPRISES, "name", "uscc", "region")


# --- import labels: an import kind names its fields by the register's column labels, and by these for what only
# a file gives (the holders' credit codes, a legal status, the address as written) ---------------------------------


def import_labels(columns, **file_only) -> dict:
    """Field name → label for an import kind: the register's columns, then the fields only a file carries."""
    return {column.key: column.label for column in columns} | file_only


_FILED = {
    "address": _("address"),
    "agency": _("agency"),
    "uscc": _("unified social credit code"),
}

PATENT = import_labels(
    PATENTS,
    **_FILED,
    publication_date=_("publication date"),
    ipc_codes=_("IPC codes"),
    legal_status=_("legal status"),
    legal_status_date=_("legal status date"),
    award=_("National Science and Technology Award or China Patent Award"),
)
TRADEMARK = import_labels(
    TRADEMARKS,
    **_FILED,
    preliminary_publication_date=_("preliminary publication date"),
    term=_("term of the exclusive right"),
    expiry_date=_("end of the exclusive right"),
    international_registration_date=_("international registration date"),
)
COPYRIGHT = import_labels(COPYRIGHTS, address=_FILED["address"], uscc=_FILED["uscc"])
GEOGRAPHICAL_INDICATION = import_labels(GEOGRAPHICAL_INDICATIONS, uscc=_FILED["uscc"])
ENTERPRISE = import_labels(ENTERPRISES, region=_("township"), industry_code=_("industry code"))
