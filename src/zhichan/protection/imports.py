"""The protection module's import kind, found by core's import framework (core/imports/kinds.py): the case ledger
(案件台账), in the layout its export writes (services/ledger.py; profile data/import-profiles/case-ledger.yaml).
The office and the liaisons import it; each row becomes a case through the case actions (services/ledger_import.py).
"""

from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind
from zhichan.core.imports.values import dated, free_text, limited, parse_yes_no
from zhichan.core.roles import LIAISONS, Role

from .models import Case
from .services.ledger import LABELS
from .services.ledger_import import LedgerWriter, Lookups, amount, check_row, row_key

FIELDS = {
    "serial": free_text,  # 序号: the ledger's own numbering, not kept
    "number": limited(Case, "number"),
    "unit": free_text,
    "title": limited(Case, "title"),
    "kind": free_text,
    "ip_type": free_text,
    "source": free_text,
    "township": free_text,
    "parties": free_text,
    "lead_on": dated(Case, "lead_on"),
    "filed_on": dated(Case, "filed_on"),
    "decided_on": dated(Case, "decided_on"),
    "ended_on": dated(Case, "ended_on"),
    "state": free_text,
    "decision_number": limited(Case, "decision_number"),
    "illegal_turnover": amount,
    "fine": amount,
    "confiscation": amount,
    "compensation": amount,
    "punitive_damages": amount,
    "time_limit": free_text,  # 办案期限状态: read from the clocks the imported dates start and stop, not kept
    "synthetic": parse_yes_no,
}

KINDS = [
    ImportKind(
        name="case-ledger",
        label=_("enforcement case ledger"),
        fields=FIELDS,
        labels=LABELS,
        key=("number", "unit"),  # a case is its unit's number (row_key)
        row_key=row_key,
        required=("number", "title", "kind", "source", "lead_on"),
        check_row=check_row,
        helpers=Lookups,
        writer=LedgerWriter,
        uncached=frozenset({"serial", "number", "title", "parties", "decision_number"}),
        order=60,
        roles=frozenset({Role.OFFICE, *LIAISONS}),
    )
]
