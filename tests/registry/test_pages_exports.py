"""Excel exports of the register lists: the filtered rows the user may see, the demo column, no formulas."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from .registers import make_registers

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers(db):
    return make_registers()


def sheet_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]  # row 1 is the note


EXPORTS = [
    ("patent-export", "own_patent", "other_patent", "application_number"),
    ("trademark-export", "own_trademark", "other_trademark", "registration_number"),
    ("copyright-export", "own_copyright", "other_copyright", "registration_number"),
    ("gi-export", "own_gi", "other_gi", "name"),
    ("enterprise-export", "own", "other", "name"),
]


@pytest.mark.parametrize(("url_name", "own", "other", "label"), EXPORTS)
def test_export_has_the_scoped_rows_and_a_demo_column(registers, client_for, url_name, own, other, label):
    header, *rows = sheet_rows(client_for("office").get(reverse(url_name)))
    assert header[-1] == "演示数据"
    by_key = {row[0]: row for row in rows}
    own_key, other_key = getattr(getattr(registers, own), label), getattr(getattr(registers, other), label)
    assert by_key[own_key][-1] == "演示数据（虚构）"
    assert by_key[other_key][-1] in (None, "")
    header, *rows = sheet_rows(client_for("enterprise").get(reverse(url_name)))
    assert [row[0] for row in rows] == [own_key]


def test_export_follows_the_filters(registers, client_for):
    _header, *rows = sheet_rows(client_for("office").get(reverse("patent-export"), {"q": "切割"}))
    assert [row[0] for row in rows] == [registers.own_patent.application_number]
    _header, *rows = sheet_rows(client_for("office").get(reverse("patent-export"), {"state": "not-valid"}))
    assert [row[0] for row in rows] == [registers.other_patent.application_number]


def test_a_title_starting_with_equals_is_text_not_a_formula(registers, client_for):
    response = client_for("office").get(reverse("patent-export"), {"q": "阀门密封"})
    header, row = sheet_rows(response)
    title = row[2]  # application number, type, title
    assert title == "'" + registers.other_patent.title
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_patent_export_shows_the_state_today(registers, client_for):
    header, *rows = sheet_rows(client_for("office").get(reverse("patent-export")))
    states = {row[0]: row[header.index("今日状态")] for row in rows}
    assert states[registers.own_patent.application_number] == "有效"
    assert states[registers.other_patent.application_number] == "未缴年费终止"
