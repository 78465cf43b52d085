"""Importing a list of experts (专家名录) through core's import framework (the kind `service-experts`,
imports.py): each row becomes an expert of the importer's organisation through `add_expert`, and each enterprise
named in its ties column a declared tie (`declare_tie`), as the office that imports, so a row is checked as the
page checks it. A person already in the pool (the same ID number) is refused naming the expert there; the fields
are read from their letters, Chinese or English names. Each row is written in a savepoint of its own."""

from django.core.exceptions import ValidationError

from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import split_list

from . import experts
from .agency_import import fold


def row_key(record: dict) -> tuple:
    return (fold(record.get("id_number")).upper(),)


class ExpertWriter(ActionWriter):
    """Enters each accepted row as an expert with its ties, through the actions, as the batch's user."""

    def enter(self, record):
        values = {
            name: record.get(name) or ""
            for name in ("name", "id_number", "employer", "employer_credit_code", "title", "phone", "email")
        }
        expert = experts.add_expert(
            self.user,
            fields=record.get("fields"),
            conflicts_note=record.get("conflicts_note") or "",
            synthetic=bool(record.get("synthetic")),
            **values,
        )
        for party in split_list(record.get("ties")):
            named = experts.parties_named(party)
            code = next(iter(named[0]), "")
            try:
                experts.declare_tie(expert, self.user, credit_code=code, name="" if code else party)
            except ValidationError as error:  # a tie's refusal is named under the ties column
                raise RowRejected([("ties", party, "；".join(error.messages))]) from None
