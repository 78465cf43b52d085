"""Importing a list of experts (专家名录) through core's import framework (the kind `service-experts`,
imports.py): each row becomes an expert of the importer's organisation through `add_expert`, and each enterprise
named in its ties column a declared tie (`declare_tie`), as the office that imports, so a row is checked as the
page checks it. A person already in the pool (the same ID number) is refused naming the expert there; the fields
are read from their letters, Chinese or English names. Each row is written in a savepoint of its own."""

from django.core.exceptions import ValidationError
from django.utils.translation import override

from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import split_list
from zhichan.core.messages import gettext_key as _

from ..models import ExpertField
from . import experts
from .agency_import import fold


class Lookups:
    """The fields of expertise by their code, Chinese and English names (with or without the IPC letter)."""

    def __init__(self):
        self.fields = {}
        for language in ("zh-hans", "en"):
            with override(language):
                for value, label in ExpertField.choices:
                    self.fields.setdefault(fold(label), value)
                    if len(value) == 1:  # "A 人类生活必需": also read without its letter
                        self.fields.setdefault(fold(str(label)[1:]), value)
        for value in ExpertField.values:
            self.fields.setdefault(fold(value), value)
        self.labels = "、".join(str(label) for _value, label in ExpertField.choices)


def check_row(record: dict, lookups: Lookups):
    written = split_list(record.get("fields"))
    codes = [lookups.fields.get(fold(name)) for name in written]
    unknown = [name for name, code in zip(written, codes, strict=True) if code is None]
    if unknown:
        raise RowRejected(
            [
                (
                    "fields",
                    record.get("fields"),
                    _("Unknown field of expertise %(value)s: expected one of %(values)s.")
                    % {"value": "、".join(unknown), "values": lookups.labels},
                )
            ]
        )
    record["fields"] = codes


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
