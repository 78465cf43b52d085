"""The sample module's import kind, found by name like any app's: notes, by unit name and title."""

from functools import partial

from zhichan.core.imports import ImportKind, RowRejected
from zhichan.core.imports.orm_writing import OrmWriter
from zhichan.core.imports.values import free_text, limited
from zhichan.core.models import Unit

from .models import Note


def unit_ids() -> dict:
    return dict(Unit.objects.values_list("name", "pk"))


def check_note(record: dict, units: dict):
    unit = units.get(record.pop("unit"))
    if unit is None:
        raise RowRejected([("unit", "", "no such unit")])
    record["unit_id"] = unit


def prepare_note(record: dict, job):
    note = Note.objects.filter(title=record["title"], unit_id=record["unit_id"]).first()
    return note or Note(title=record["title"], unit_id=record["unit_id"]), {}


KINDS = [
    ImportKind(
        name="sample-notes",
        label="notes",
        fields={"title": limited(Note, "title"), "unit": free_text},
        labels={"title": "title", "unit": "unit"},
        key=("title", "unit"),
        required=("title", "unit"),
        check_row=check_note,
        helpers=unit_ids,
        writer=partial(OrmWriter, prepare_note),
        profiles=(
            {
                "name": "sample-notes",
                "kind": "sample-notes",
                "label": "Notes",
                "template": True,
                "required": ["title", "unit"],
                "fields": {"title": ["标题", "title"], "unit": ["单位", "unit"]},
                "example": {"title": "样例", "unit": "南安市市场监督管理局"},
            },
        ),
    )
]
