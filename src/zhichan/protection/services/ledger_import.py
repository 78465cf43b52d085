"""Importing a case ledger (案件台账) through core's import framework (the kind `case-ledger`, imports.py): each row
becomes a case through the case actions, as the user who imports — entered as a lead (`open_case`), then filed,
decided (with its amounts) and closed, not filed, transferred or withdrawn on the dates the row gives, so its
clocks and events are those of a case entered by hand.

The cells are read and checked against each other here (`check_row`: kinds, sources, states, dates in order,
amounts, parties); the unit, the township and the permission are checked by the writer, which knows the importing
user: a unit's liaison imports only its own unit's cases (an empty unit cell is its own unit), the office any unit
of its organisation. Each row is written in a savepoint of its own: a row refused by an action leaves nothing
behind, and the other rows are imported (core's rule: rows that pass are imported, every refused row is reported).
A case number its unit already has is refused: the ledger enters cases, it does not change them.
"""

import datetime
import re
import unicodedata
from contextlib import contextmanager
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext, override

from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.errors import reasons_by_field
from zhichan.core.imports.values import text
from zhichan.core.messages import Message, listed
from zhichan.core.messages import gettext_key as _
from zhichan.core.models import Unit
from zhichan.core.plausible import max_length_of, text_problem
from zhichan.core.roles import LIAISONS, role_of

from ..models import CaseKind, CaseParty, IPType, PartyKind, Source, State
from . import cases
from .cases import AMOUNTS, township_choices

DECIDED_STATES = (State.DECIDED, State.ENFORCEMENT, State.CLOSED)
# state → (the filing date, the decision date, the closing date): needed (True), not allowed (False), either (None)
DATES = {
    State.LEAD: (False, False, False),
    State.NOT_FILED: (False, False, True),
    State.FILED: (True, False, False),
    State.INVESTIGATION: (True, False, False),
    State.DECIDED: (True, True, False),
    State.ENFORCEMENT: (True, True, False),
    State.CLOSED: (True, True, True),
    State.TRANSFERRED: (None, False, True),
    State.WITHDRAWN: (None, False, True),
}
DATE_FIELDS = ("filed_on", "decided_on", "ended_on")
PERSON_WORDS = ("自然人", "个人", "person")
MASK = "•"
CODE = re.compile(r"[0-9A-Z]{18}")
ID_NUMBER = re.compile(r"\d{17}[\dX]")
CODE_LIKE = re.compile(r"[0-9A-Za-z]{6,}")
# A party's trailing bracket: 名称（…） or name (…); what is inside is a code or the person mark, else part of the name.
BRACKETED = re.compile(r"^(?P<name>.*?)\s*[（(](?P<inside>[^（）()]*)[）)]\s*$", re.S)
PARTY_SEPARATORS = re.compile(r"\s*[;；\n]\s*")
MAX_AMOUNT = Decimal("999999999999.99")
NAME_LENGTH = max_length_of(CaseParty._meta.get_field("name"))


def fold(value) -> str:
    """A name or label for matching: width, spaces and case do not count."""
    return "".join(unicodedata.normalize("NFKC", str(value or "")).split()).lower()


# --- reading cells -----------------------------------------------------------------------------------------------


def amount(cell) -> Decimal:
    """An amount in yuan: a number cell, or text such as 12500, 12,500.50 or 12500元; empty is 0."""
    if isinstance(cell, bool):
        raise ValueError(
            _("%(value)s is not an amount: write a number of yuan, such as 12500 or 12500.50.") % {"value": str(cell)}
        )
    if isinstance(cell, float):
        value = Decimal(str(round(cell, 2)))
    elif isinstance(cell, (int, Decimal)):
        value = Decimal(cell)
    else:
        raw = text(cell)
        if not raw:
            return Decimal(0)
        cleaned = unicodedata.normalize("NFKC", raw).replace(",", "").replace(" ", "").removesuffix("元")
        if not re.fullmatch(r"-?\d+(\.\d{1,2})?", cleaned):
            raise ValueError(
                _("%(value)s is not an amount: write a number of yuan, such as 12500 or 12500.50.") % {"value": raw}
            )
        value = Decimal(cleaned)
    if value < 0:
        raise ValueError(_("An amount cannot be negative."))
    if value > MAX_AMOUNT:
        raise ValueError(
            _("%(value)s is more than an amount the ledger holds (under a trillion yuan).") % {"value": str(cell)}
        )
    return value


def parse_parties(cell) -> tuple[list[dict], list]:
    """The parties of a ledger cell as written by the export (services/ledger.py: party_text), one per `；` or
    line: `名称（统一社会信用代码）`, `名称（自然人，身份证号）`, `名称（自然人）` or a name alone (an organisation).
    A bracket holding 18 digits with an ID number's check digit is a person's ID number. Returns (parties,
    problems)."""
    parties, problems = [], []
    for part in PARTY_SEPARATORS.split(text(cell)):
        if not part:
            continue
        name, inside = part, ""
        match = BRACKETED.match(part)
        if match:
            name, inside = match["name"].strip(), match["inside"].strip()
        party = {"kind": PartyKind.ORGANISATION, "name": name, "credit_code": "", "id_number": ""}
        words = [word.strip() for word in re.split(r"[,，、]", inside) if word.strip()]
        if words and fold(words[0]) in PERSON_WORDS:
            party["kind"] = PartyKind.PERSON
            number = words[1].upper() if len(words) > 1 else ""
            if MASK in number:
                problems.append(
                    _("The ID number of %(name)s is masked in this file: write it in full, or leave it out.")
                    % {"name": name}
                )
            elif number and not ID_NUMBER.fullmatch(number):
                problems.append(_("An ID number has 18 characters: 17 digits and a digit or X."))
            party["id_number"] = number if MASK not in number else ""
        elif inside and CODE.fullmatch(inside.upper()):
            code = inside.upper()
            if ID_NUMBER.fullmatch(code) and _is_id_number(code):
                party.update(kind=PartyKind.PERSON, id_number=code)
            else:
                party["credit_code"] = code
        elif inside and CODE_LIKE.fullmatch(inside):
            problems.append(_("A unified social credit code has 18 letters and digits."))
        else:
            name = part  # the bracket is part of the name: 某某商行（普通合伙）
            party["name"] = name
        if not party["name"]:
            problems.append(_("Give the party's name."))
        elif too_long := text_problem(party["name"], max_length=NAME_LENGTH):
            problems.append(too_long)
        parties.append(party)
    return parties, problems


def _is_id_number(code: str) -> bool:
    from stdnum.cn import ric, uscc

    return ric.is_valid(code) and not uscc.is_valid(code)


# --- checking a row ----------------------------------------------------------------------------------------------


class Lookups:
    """What the rows are matched against, once per batch: the kinds of cases, sources, states and IP types by their
    key, their Chinese and their English names."""

    def __init__(self):
        self.kinds = {}
        for kind in CaseKind.objects.all():
            for name in (kind.key, kind.name, kind.name_en):
                if name:
                    self.kinds.setdefault(fold(name), kind)
        self.kind_names = listed([kind.name for kind in CaseKind.objects.all()])
        self.sources = _choices(Source)
        self.states = _choices(State)
        self.ip_types = _choices(IPType)


def _choices(choices) -> dict[str, str]:
    """{folded key or label in Chinese or English: value} of a TextChoices."""
    found = {}
    for language in ("zh-hans", "en"):
        with override(language):
            for value, label in choices.choices:
                found.setdefault(fold(label), value)
    for value in choices.values:
        found.setdefault(fold(value), value)
    return found


def _expected(choices) -> Message:
    return listed([label for _value, label in choices.choices])


def check_row(record: dict, lookups: Lookups):
    """The rules across the cells of a row; every problem of the row is reported at once. The cells replaced by
    what they name (the kind, the source, the state, the parties) are kept as written in `record["written"]`."""
    problems = []
    record["written"] = {name: record.get(name) for name in ("kind", "source", "state", "parties")}
    kind = lookups.kinds.get(fold(record.get("kind")))
    if kind is None:
        problems.append(
            (
                "kind",
                record.get("kind"),
                _("Unknown case kind %(value)s: expected one of %(values)s.")
                % {"value": record.get("kind"), "values": lookups.kind_names},
            )
        )
    record["kind"] = kind
    if record.get("ip_type"):
        ip_type = lookups.ip_types.get(fold(record["ip_type"]))
        if ip_type is None:
            problems.append(
                (
                    "ip_type",
                    record["ip_type"],
                    _("Unknown IP type %(value)s: expected one of %(values)s.")
                    % {"value": record["ip_type"], "values": _expected(IPType)},
                )
            )
        elif kind is not None and ip_type != kind.ip_type:
            problems.append(
                (
                    "ip_type",
                    record["ip_type"],
                    _("The case kind %(kind)s is of IP type %(type)s, not %(value)s.")
                    % {"kind": kind.name, "type": IPType(kind.ip_type).label, "value": record["ip_type"]},
                )
            )
    source = lookups.sources.get(fold(record.get("source")))
    if source is None:
        problems.append(
            (
                "source",
                record.get("source"),
                _("Unknown case source %(value)s: expected one of %(values)s.")
                % {"value": record.get("source"), "values": _expected(Source)},
            )
        )
    record["source"] = source
    state = _state(record, lookups, problems)
    if state is not None:
        _check_dates(record, state, problems)
        _check_decision(record, state, problems)
    record["state"] = state
    parties, party_problems = parse_parties(record.get("parties"))
    problems += [("parties", record.get("parties"), problem) for problem in party_problems]
    record["parties"] = parties
    if problems:
        raise RowRejected(problems)


def _state(record, lookups, problems):
    """The state the row says, or the one its dates say when it says none."""
    written = record.get("state")
    if written:
        state = lookups.states.get(fold(written))
        if state is None:
            problems.append(
                (
                    "state",
                    written,
                    _("Unknown state %(value)s: expected one of %(values)s.")
                    % {"value": written, "values": _expected(State)},
                )
            )
        return state
    if record.get("ended_on"):
        if record.get("decided_on"):
            return State.CLOSED
        problems.append(
            (
                "state",
                "",
                _(
                    "The case ended without a decision: write in the state whether it was not filed, "
                    "transferred or withdrawn."
                ),
            )
        )
        return None
    if record.get("decided_on"):
        return State.DECIDED
    return State.FILED if record.get("filed_on") else State.LEAD


def _check_dates(record, state, problems):
    label = State(state).label
    for field, needed in zip(DATE_FIELDS, DATES[state], strict=True):
        given = record.get(field)
        if needed and not given:
            problems.append((field, "", _("The state %(state)s needs this date.") % {"state": label}))
        elif needed is False and given:
            problems.append(
                (
                    field,
                    given,
                    _("A case that is %(state)s has no such date: leave it empty or correct the state.")
                    % {"state": label},
                )
            )
    lead, filed, decided = record.get("lead_on"), record.get("filed_on"), record.get("decided_on")
    before = _("The date cannot be before %(what)s (%(day)s).")
    if lead and filed and filed < lead:
        problems.append(("filed_on", filed, before % {"what": _("the lead"), "day": _day(lead)}))
    if filed and decided and decided < filed:
        problems.append(("decided_on", decided, before % {"what": _("the filing"), "day": _day(filed)}))
    ended = record.get("ended_on")
    if ended:
        # The step before the end: the decision, else the filing, else the lead.
        earlier = [(day, what) for day, what in ((decided, _("the decision")), (filed, _("the filing"))) if day]
        day, what = earlier[0] if earlier else (lead, _("the lead"))
        if day and ended < day:
            problems.append(("ended_on", ended, before % {"what": what, "day": _day(day)}))


def _check_decision(record, state, problems):
    if state in DECIDED_STATES:
        if not record.get("decision_number"):
            problems.append(("decision_number", "", _("Give the decision document's number.")))
        return
    if record.get("decision_number"):
        problems.append(
            (
                "decision_number",
                record["decision_number"],
                _("A decision document number goes with the decision: give the decision date, or leave it empty."),
            )
        )
    for name in AMOUNTS:
        if record.get(name):
            problems.append(
                (
                    name,
                    record[name],
                    _("Amounts are recorded with the decision: give the decision date, or leave the amount empty."),
                )
            )


def _day(day: datetime.date) -> str:
    return day.isoformat()


def row_key(record: dict) -> tuple:
    """A case is its unit's number: a second row with the same unit and number is the same case."""
    return (fold(record.get("unit")), record.get("number"))


# --- writing -----------------------------------------------------------------------------------------------------


class LedgerWriter(ActionWriter):
    """Enters each accepted row as a case through the case actions, as the batch's user."""

    refused_field = "unit"

    def __init__(self, job):
        super().__init__(job)
        self.units = _units(self.user)
        self.townships: dict[int, dict] = {}

    def enter(self, record):
        unit = self._unit(record)
        self._enter(record, unit, self._township(record, unit))

    def _unit(self, record) -> Unit:
        written = record.get("unit") or ""
        own = self.user.unit if self.user is not None and role_of(self.user) in LIAISONS else None
        if not written:
            if own is not None:
                return own
            raise RowRejected([("unit", "", _("Give the enforcing unit."))])
        unit = self.units.get(fold(written))
        if unit is None:
            raise RowRejected(
                [
                    (
                        "unit",
                        written,
                        _(
                            "Unknown unit %(value)s: expected the full or short name of a member unit, as the "
                            "roster lists it."
                        )
                        % {"value": written},
                    )
                ]
            )
        if own is not None and unit.pk != own.pk:
            raise RowRejected(
                [("unit", written, _("You may import cases only for your own unit, %(unit)s.") % {"unit": own.name})]
            )
        return unit

    def _township(self, record, unit):
        written = record.get("township") or ""
        if not written:
            return None
        if unit.pk not in self.townships:
            found = {}
            for region in township_choices(unit):
                for name in (region.name, region.name_en):
                    if name:
                        found.setdefault(fold(name), region)
            self.townships[unit.pk] = found
        township = self.townships[unit.pk].get(fold(written))
        if township is None:
            raise RowRejected(
                [
                    (
                        "township",
                        written,
                        _("Unknown township %(value)s: expected a township, town, subdistrict or park of %(region)s.")
                        % {"value": written, "region": unit.organisation.name},
                    )
                ]
            )
        return township

    def _enter(self, record, unit, township):
        user, state = self.user, record["state"]
        note = gettext("Entered from a case ledger (import batch %(id)d); the ledger gives no reason.") % {
            "id": self.batch.pk
        }
        with refusals_as({"name": "parties"}, record):
            case = cases.open_case(
                user,
                unit=unit,
                number=record["number"],
                title=record["title"],
                kind=record["kind"],
                source=record["source"],
                lead_on=record["lead_on"],
                township=township,
                parties=record["parties"],
                synthetic=bool(record.get("synthetic")),
                import_batch=self.batch,
            )
        if record.get("filed_on"):
            with refusals_as({"day": "filed_on"}, record):
                cases.file_case(case, user, record["filed_on"])
        if state == State.INVESTIGATION:
            cases.investigate(case, user)
        if record.get("decided_on"):
            amounts = {name: record.get(name) or 0 for name in AMOUNTS}
            with refusals_as({"day": "decided_on", "number": "decision_number"}, record):
                cases.decide(case, user, record["decided_on"], record["decision_number"], amounts)
        if state == State.ENFORCEMENT:
            cases.enforce(case, user)
        ending = {
            State.CLOSED: lambda day: cases.close_case(case, user, day),
            State.NOT_FILED: lambda day: cases.decline_case(case, user, day, note),
            State.TRANSFERRED: lambda day: cases.transfer(case, user, day, note),
            State.WITHDRAWN: lambda day: cases.withdraw(case, user, day, note),
        }.get(state)
        if ending is not None:
            with refusals_as({"day": "ended_on"}, record):
                ending(record["ended_on"])
        return case


@contextmanager
def refusals_as(names: dict, record: dict):
    """Turns an action's ValidationError into the row's refusal, its fields named as the ledger's columns
    (`names`: the action's field → the column's field; a party's fields under the parties, a refusal of the step
    itself under the state, the others as they are)."""
    try:
        yield
    except ValidationError as error:
        problems = []
        for field, reason in reasons_by_field(error):
            if field == NON_FIELD_ERRORS:
                field = "state"
            field = names.get(field) or PARTY_FIELDS.get(field) or field
            problems.append((field, record["written"].get(field, record.get(field, "")), reason))
        raise RowRejected(problems) from None


PARTY_FIELDS = {"party_name": "parties", "credit_code": "parties", "id_number": "parties"}


def _units(user) -> dict:
    """{folded name, short name, English name or key: unit} of the units the user may name: those of the user's
    organisation (every unit for the system or an account without a unit). A name two units share names neither."""
    units = Unit.objects.select_related("organisation")
    if user is not None and user.unit_id:
        units = units.filter(organisation_id=user.unit.organisation_id)
    found, shared = {}, set()
    for unit in units:
        for name in {fold(n) for n in (unit.name, unit.short_name, unit.name_en, unit.key) if n}:
            if name in found and found[name].pk != unit.pk:
                shared.add(name)
            found[name] = unit
    return {name: unit for name, unit in found.items() if name not in shared}
