"""The case ledger (案件台账): the columns a bureau's ledger of enforcement cases has, declared once for the export
(views_ledger.py), the import (services/ledger_import.py, data/import-profiles/case-ledger.yaml) and the template;
each case's row with its parties and the state of its time limit read from its clocks.

A person's ID number is written only for the case's own unit and the office (services/parties.py), masked for
everyone else; the time limit is the clock running now, else the one that stopped last (the decision clock once
filed)."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from zhichan.core.clocks import State as ClockState
from zhichan.core.columns import Column

from ..models import PartyKind
from .clock_lists import read_many
from .parties import id_shown

# The ledger's columns in its order. The labels are the ledger's own words (pgettext "case ledger"), so the
# headers read 案件编号, 办案单位 … in Chinese and their English in English; the import profile knows both.
SERIAL = Column("serial", pgettext_lazy("case ledger", "No."), lambda case: case.ledger["serial"], 6)
COLUMNS = (
    SERIAL,
    Column("number", pgettext_lazy("case ledger", "Case number"), width=24),
    Column("unit", pgettext_lazy("case ledger", "Enforcing unit"), "unit__name", 24),
    Column("title", pgettext_lazy("case ledger", "Case name"), width=30),
    Column("kind", pgettext_lazy("case ledger", "Case kind"), lambda case: str(case.kind), 16),
    Column("ip_type", pgettext_lazy("case ledger", "IP type"), "get_ip_type_display", 10),
    Column("source", pgettext_lazy("case ledger", "Case source"), "get_source_display", 12),
    Column("township", pgettext_lazy("case ledger", "Township"), "township__name", 12),
    Column("parties", pgettext_lazy("case ledger", "Parties"), lambda case: case.ledger["parties"], 40),
    Column("lead_on", pgettext_lazy("case ledger", "Lead received on"), width=12),
    Column("filed_on", pgettext_lazy("case ledger", "Filed on"), width=12),
    Column("decided_on", pgettext_lazy("case ledger", "Decided on"), width=12),
    Column("ended_on", pgettext_lazy("case ledger", "Closed on"), width=12),
    Column("state", pgettext_lazy("case ledger", "State"), "get_state_display", 12),
    Column("decision_number", pgettext_lazy("case ledger", "Penalty decision number"), width=24),
    Column("illegal_turnover", pgettext_lazy("case ledger", "Illegal turnover (yuan)"), width=14),
    Column("fine", pgettext_lazy("case ledger", "Fine (yuan)"), width=12),
    Column("confiscation", pgettext_lazy("case ledger", "Confiscated illegal gains (yuan)"), width=14),
    Column("compensation", pgettext_lazy("case ledger", "Compensation (yuan)"), width=12),
    Column("punitive_damages", pgettext_lazy("case ledger", "Punitive damages (yuan)"), width=14),
    Column("time_limit", pgettext_lazy("case ledger", "Time-limit status"), lambda case: case.ledger["time_limit"], 36),
    Column("synthetic", pgettext_lazy("case ledger", "Demo data"), lambda case: _yes_no(case.synthetic)),
)
LABELS = {column.key: column.label for column in COLUMNS}


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


# Read by the chunk, each chunk with its parties and clocks in a few queries (memory stays flat, no IN list grows
# past what SQLite accepts, and no cursor stays open while a background export records its progress).
CHUNK = 1000


def party_text(party, user) -> str:
    """One party as the ledger writes it: 名称（统一社会信用代码）, 名称（自然人，身份证号）, or the name alone; a
    person's ID number masked for whoever may not read it. The import reads it back (ledger_import.parse_parties)."""
    if party.kind == PartyKind.PERSON:
        shown = id_shown(party, user)
        if shown:
            return _("%(name)s (person, %(id)s)") % {"name": party.name, "id": shown}
        return _("%(name)s (person)") % {"name": party.name}
    if party.credit_code:
        return _("%(name)s (%(code)s)") % {"name": party.name, "code": party.credit_code}
    return party.name


def parties_text(case, user) -> str:
    return pgettext("list separator", "; ").join(party_text(party, user) for party in case.parties.all())


def time_limit_status(reading) -> str:
    """On time, overdue (with the due date and how late), or running (with the due date and what is left)."""
    if reading is None:
        return ""
    if reading.state == ClockState.MET:
        return pgettext("case ledger", "On time")
    if reading.state in (ClockState.MISSED, ClockState.OVERDUE):
        return _("Overdue: %(summary)s") % {"summary": reading.summary}
    return _("Running: %(summary)s") % {"summary": reading.summary}


def shown_rule(case) -> str:
    """The key of the clock the ledger reads: the running one, else the decision clock of a filed case, else the
    filing clock (a lead not filed, transferred or withdrawn)."""
    return case.running_rule or (case.kind.decision_rule if case.filed_on else case.kind.filing_rule)


def ledger_rows(cases, user, day: datetime.date):
    """Every case of the queryset in its order, each with `case.ledger` (serial number, parties, time limit), read
    a chunk at a time: lazy, so a background export moves its progress from the start."""
    keys = list(cases.values_list("pk", flat=True))
    serial = 0
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        by_key = cases.filter(pk__in=part).order_by().prefetch_related("parties").in_bulk()
        chunk = [by_key[key] for key in part if key in by_key]
        wanted = {case.pk: rule for case in chunk if (rule := shown_rule(case))}
        readings = read_many(wanted, day)
        for case in chunk:
            serial += 1
            case.ledger = {
                "serial": serial,
                "parties": parties_text(case, user),
                "time_limit": time_limit_status(readings.get(case.pk)),
            }
            yield case
