"""The credit module's import kind, found by core's import framework: a national dishonesty list (the IP
public-credit lists published nationally, exported to Excel), one dishonesty record a row, entered through the
record action as the batch's user (the office, or a liaison for its own unit).

A row names the subject (a credit code, or for a person an ID number), the kind (its key or its name, as
data/credit/dishonesty-kinds.yaml holds them), the document number and the finding date; a duplicate (the same
subject, kind and document number already entered) is refused naming the existing record."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind, RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import dated, fold_name, free_text, limited
from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import DishonestyKind, DishonestyRecord, RecordSource, SubjectKind
from .services import records

LABELS = {
    "subject_name": _("name of the subject"),
    "credit_code": _("unified social credit code"),
    "id_number": _("ID number"),
    "kind": _("kind of dishonesty"),
    "document_number": _("document number"),
    "found_on": _("found on"),
    "facts": _("facts"),
    "unit": _("finding unit"),
}
FIELDS = {
    "subject_name": limited(DishonestyRecord, "subject_name"),
    "credit_code": free_text,
    "id_number": free_text,
    "kind": free_text,
    "document_number": limited(DishonestyRecord, "document_number"),
    "found_on": dated(DishonestyRecord, "found_on"),
    "facts": free_text,
    "unit": free_text,
}


class Lookups:
    def __init__(self):
        self.kinds = {}
        for kind in DishonestyKind.objects.all():
            for name in (kind.key, kind.name, kind.name_en):
                if name:
                    self.kinds[fold_name(name).lower()] = kind
        self.units = {}
        for unit in Unit.objects.filter(active=True):
            for name in (unit.name, unit.short_name, unit.key):
                if name:
                    self.units[fold_name(name)] = unit


def check_row(record: dict, lookups: Lookups):
    kind = lookups.kinds.get(fold_name(record.get("kind") or "").lower())
    if kind is None:
        raise RowRejected(
            [
                (
                    "kind",
                    record.get("kind", ""),
                    gettext("Unknown kind of dishonesty: give its key or name as the list of kinds has it."),
                )
            ]
        )
    record["kind_row"] = kind
    if not (record.get("credit_code") or record.get("id_number")):
        raise RowRejected([("credit_code", "", gettext("Give the credit code, or a person's ID number."))])


class RecordWriter(ActionWriter):
    """Enters each accepted row as a record through the record action, as the batch's user."""

    refused_field = "unit"

    def column(self, field):
        return field if field in LABELS else "document_number"

    def _unit(self, record):
        written = (record.get("unit") or "").strip()
        own = self.user.unit if self.user is not None and role_of(self.user) in LIAISONS else None
        if not written:
            if own is not None or (self.user is not None and self.user.unit_id):
                return own or self.user.unit
            raise RowRejected([("unit", "", gettext("Give the finding unit."))])
        unit = self.helpers.units.get(fold_name(written))
        if unit is None:
            raise RowRejected([("unit", written, gettext("Unknown unit %(value)s.") % {"value": written})])
        return unit

    def enter(self, record):
        records.enter_record(
            self.user,
            unit=self._unit(record),
            subject_kind=SubjectKind.PERSON if record.get("id_number") else SubjectKind.ENTERPRISE,
            subject_name=record.get("subject_name") or "",
            credit_code=record.get("credit_code") or "",
            id_number=record.get("id_number") or "",
            kind=record["kind_row"],
            source=RecordSource.NATIONAL_LIST,
            found_on=record.get("found_on"),
            document_number=record.get("document_number") or "",
            facts=record.get("facts") or gettext("As published on the national list."),
        )


KINDS = [
    ImportKind(
        name="credit-national-list",
        label=_("national dishonesty list"),
        fields=FIELDS,
        labels=LABELS,
        key=("document_number", "credit_code", "id_number", "kind"),
        required=("subject_name", "kind", "document_number", "found_on"),
        check_row=check_row,
        helpers=Lookups,
        writer=RecordWriter,
        uncached=frozenset({"subject_name", "credit_code", "id_number", "document_number", "facts"}),
        order=70,
        roles=frozenset({Role.OFFICE, *LIAISONS}),
        profiles=(
            {
                "name": "credit-national-list",
                "kind": "credit-national-list",
                "label": "全国失信名单（知识产权领域）",
                "label_en": "National dishonesty list (IP)",
                "template": True,
                "required": ["subject_name", "kind", "document_number", "found_on"],
                "fields": {
                    "subject_name": ["主体名称", "当事人名称", "名称", "subject name"],
                    "credit_code": ["统一社会信用代码", "信用代码", "credit code"],
                    "id_number": ["身份证号码", "身份证号", "ID number"],
                    "kind": ["失信行为类型", "失信类型", "kind"],
                    "document_number": ["认定文书号", "决定书文号", "文书号", "document number"],
                    "found_on": ["认定日期", "决定日期", "found on"],
                    "facts": ["失信事实", "主要事实", "facts"],
                    "unit": ["认定单位", "认定部门", "finding unit"],
                },
                "example": {
                    "subject_name": "某某商贸有限公司（示例）",
                    "credit_code": "91350583MA00000001",
                    "kind": "恶意商标注册申请",
                    "document_number": "国知发保字〔2024〕1号",
                    "found_on": "2024-03-01",
                    "facts": "大量恶意申请注册商标",
                    "unit": "南安市市场监督管理局",
                },
            },
        ),
    )
]
