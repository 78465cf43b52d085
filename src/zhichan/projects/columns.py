"""The columns of the matching records and co-operation agreements, declared once for their list pages and their
Excel exports (core/columns.py). The lists annotate `posting_count` and `match_count` where they are shown."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.columns import Column


def _period(record) -> str:
    if not (record.starts_on or record.ends_on):
        return ""
    return f"{record.starts_on or '…'} — {record.ends_on or '…'}"


def _deal(match) -> str:
    deal = match.transaction
    return f"{deal.get_kind_display()} {deal.record_number or deal.day}" if deal is not None else ""


EVENT_COLUMNS = (
    Column("title", _("title"), width=36),
    Column("held_on", pgettext_lazy("activity", "held on")),
    Column("place", _("place"), width=24),
    Column("unit", _("member unit in charge"), "unit__name", width=20),
    Column("township", pgettext_lazy("project", "where it lies"), "region__name"),
    Column("enterprises_count", _("enterprises taking part")),
    Column("institutions_count", _("universities and institutes taking part")),
    Column("persons_count", _("persons taking part")),
    Column("posting_count", _("demands and offers posted")),
    Column("match_count", _("matches")),
)

POSTING_COLUMNS = (
    Column("title", _("title"), width=36),
    Column("kind", _("demand or offer"), "get_kind_display"),
    Column("party", _("posted by"), width=30),
    Column("field", _("technical field"), width=20),
    Column("event", _("technology matching event"), "event__title", width=30),
    Column("township", pgettext_lazy("project", "where it lies"), "region__name"),
    Column("match_count", _("matches")),
)

MATCH_COLUMNS = (
    Column("demand", _("technology demand"), "demand__title", width=30),
    Column("demand_party", _("demanding enterprise"), "demand__party", width=30),
    Column("offer", _("technology offer"), "offer__title", width=30),
    Column("offer_party", _("offering university or institute"), "offer__party", width=30),
    Column("event", _("technology matching event"), "event__title", width=30),
    Column("matched_on", _("matched on")),
    Column("outcome", pgettext_lazy("match", "outcome"), "get_outcome_display"),
    Column("outcome_on", _("outcome on")),
    Column("agreement", _("co-operation agreement"), "agreement__title", width=30),
    Column("transaction", _("licence or transfer"), _deal, width=24),
)

AGREEMENT_COLUMNS = (
    Column("title", _("title"), width=36),
    Column("enterprise_name", _("enterprise"), width=30),
    Column("partners", _("university and institute partners"), lambda row: "、".join(row.partners.splitlines()), 30),
    Column("field", _("technical field"), width=20),
    Column("signed_on", _("signed on")),
    Column("period", pgettext_lazy("project", "period"), _period, width=24),
    Column("amount", _("amount (10,000 yuan)")),
    Column("unit", _("member unit in charge"), "unit__name", width=20),
    Column("township", pgettext_lazy("project", "where it lies"), "region__name"),
    Column("event", _("technology matching event"), "event__title", width=30),
)
