"""Another app plugs a kind into the import framework: a throwaway kind of people, declared here and nowhere else,
is imported through core's run, page and template like the registry's kinds."""

import csv
import io
from functools import partial

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from zhichan.core.imports import ImportKind, RowRejected, all_kinds, register_kind, unregister_kind
from zhichan.core.imports.orm_writing import OrmWriter
from zhichan.core.imports.running import run_import
from zhichan.core.imports.values import free_text, limited
from zhichan.core.models import ImportBatch, Person, Unit


def unit_ids() -> dict:
    return dict(Unit.objects.values_list("name", "pk"))


def check_person(record: dict, units: dict):
    unit = units.get(record.pop("unit"))
    if unit is None:
        raise RowRejected([("unit", record.get("unit", ""), "no such unit")])
    record["unit_id"] = unit


def prepare_person(record: dict, job):
    person = Person.objects.filter(name=record["name"], unit_id=record["unit_id"]).first()
    person = person or Person(name=record["name"], unit_id=record["unit_id"])
    return person, {"title": record.get("title", "")}


PEOPLE = ImportKind(
    name="test-people",
    label=gettext_lazy("people"),
    fields={"name": limited(Person, "name"), "unit": free_text, "title": limited(Person, "title")},
    labels={"name": gettext_lazy("full name"), "unit": gettext_lazy("unit"), "title": gettext_lazy("post")},
    key=("name", "unit"),
    required=("name", "unit"),
    check_row=check_person,
    helpers=unit_ids,
    writer=partial(OrmWriter, prepare_person),
    profiles=(
        {
            "name": "test-people",
            "kind": "test-people",
            "label": "人员",
            "template": True,
            "required": ["name", "unit"],
            "fields": {"name": ["姓名", "name"], "unit": ["单位", "unit"], "title": ["职务", "post"]},
            "example": {"name": "张三", "unit": "南安市市场监督管理局", "title": "科员"},
        },
    ),
)


@pytest.fixture
def people_kind():
    register_kind(PEOPLE)
    yield PEOPLE
    unregister_kind(PEOPLE.name)


def people_file(path, unit_name: str):
    buffer = io.StringIO()
    rows = [
        ["姓名", "单位", "职务"],
        ["林一", unit_name, "科员"],
        ["王二", "没有这个单位", ""],
        ["林一", unit_name, "科长"],
    ]
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="gb18030")  # any encoding: read as the registry's files are
    return path


def test_a_kind_declared_outside_core_is_imported_and_its_rejects_reported(people_kind, users, tmp_path):
    unit = Unit.objects.first()
    path = people_file(tmp_path / "people.csv", unit.name)
    batch = ImportBatch.objects.create(kind="test-people", user=users["office"], file_name=path.name, language="en")
    batch = run_import(batch, path)
    assert batch.state == "done" and batch.profile == "test-people"
    assert (batch.rows, batch.created_count, batch.rejected_count) == (3, 1, 2)
    person = Person.objects.get(name="林一", unit=unit)
    assert person.title == "科员" and person.history.first().history_change_reason == f"import batch {batch.pk}"
    reasons = {r.row: (r.field, r.reason) for r in batch.rejections.all()}
    assert reasons[3] == ("单位", "no such unit")
    assert reasons[4][0] == "姓名" and "row 2" in reasons[4][1]  # the same key as an earlier row
    assert batch.kind_label == str(PEOPLE.label) and batch.kind_label in str(batch)

    preview = ImportBatch.objects.create(kind="test-people", file_name=path.name, dry_run=True, language="en")
    assert run_import(preview, path).unchanged_count == 1  # a second run finds the record unchanged


def test_the_pages_and_the_command_offer_the_kind(people_kind, client_for, tmp_path):
    assert people_kind in all_kinds()
    client = client_for("office")
    assert 'data-testid="template-test-people"' in client.get(reverse("import-start")).content.decode()
    template = client.get(reverse("import-template") + "?kind=test-people")
    book = load_workbook(io.BytesIO(template.content))
    assert [c.value for c in book.worksheets[0][1]] == ["姓名", "单位", "职务"]
    assert [c.value for c in book.worksheets[1][2]] == ["张三", "南安市市场监督管理局", "科员"]

    path = people_file(tmp_path / "people.csv", Unit.objects.first().name)
    with path.open("rb") as handle:
        response = client.post(reverse("import-start"), {"kind": "test-people", "file": handle})
    batch = ImportBatch.objects.get(kind="test-people")
    assert response["Location"] == reverse("import-batch", kwargs={"pk": batch.pk})
    assert batch.state == "done" and batch.created_count == 1  # tasks run inline in the tests
    call_command("import_data", "test-people", str(path), "--dry-run", "--language", "en")
    assert ImportBatch.objects.filter(kind="test-people", dry_run=True, state="done").exists()


def test_an_unknown_kind_has_no_template(client_for):
    assert client_for("office").get(reverse("import-template") + "?kind=nothing").status_code == 404


def test_a_batch_of_a_kind_no_app_declares_fails_and_says_why(users, tmp_path):
    path = people_file(tmp_path / "people.csv", "x")
    batch = ImportBatch.objects.create(kind="gone", user=users["office"], file_name=path.name, language="en")
    batch = run_import(batch, path)
    assert batch.state == "failed" and batch.message == "No installed module imports this kind of record."
    assert batch.message_key["msgid"] == batch.message  # shown in each reader's language
    assert batch.kind_label == "gone"
