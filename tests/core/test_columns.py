"""Columns of a table of records (core/columns.py): how a cell is read, and the sheet they make."""

from datetime import date
from io import BytesIO
from types import SimpleNamespace

from openpyxl import load_workbook

from zhichan.core.columns import Column, headers, pick, row, sheet
from zhichan.core.models import Region
from zhichan.documents import xlsx


class Record(SimpleNamespace):
    def get_kind_display(self):
        return "计算机软件"


def test_a_cell_is_an_attribute_a_path_a_method_or_a_callable():
    region = Region(name="水头镇")
    record = Record(title="一种石材切割装置", filed=date(2020, 1, 2), region=region, holder=None, count=0)
    assert Column("title", "title").of(record) == "一种石材切割装置"
    assert Column("filed", "filing date").of(record) == date(2020, 1, 2)
    assert Column("kind", "kind", "get_kind_display").of(record) == "计算机软件"
    assert Column("holder", "holder", "holder__name").of(record) == ""  # a missing step reads as empty
    assert Column("region", "region").of(record) == "水头镇"  # a related row reads as its name
    assert Column("count", "count").of(record) == 0  # zero is a value, not an empty cell
    assert Column("twice", "twice", lambda r: r.count + 2).of(record) == 2


def test_pick_headers_and_rows_keep_the_declared_order():
    columns = (Column("a", "A"), Column("b", "B"), Column("c", "C"))
    chosen = pick(columns, "c", "a")
    assert headers(chosen) == ["C", "A"]
    assert row(chosen, SimpleNamespace(a=1, b=2, c=3)) == [3, 1]


def test_a_sheet_takes_the_declared_widths_and_fits_the_others():
    columns = (Column("a", "A", width=33), Column("b", "B"))
    table = sheet("T", columns, [SimpleNamespace(a="x", b="y")])
    book = load_workbook(BytesIO(xlsx.build([table])))
    widths = book.active.column_dimensions
    assert 33 <= widths["A"].width < 34 and not 33 <= widths["B"].width < 34  # Excel adds its padding
    assert [cell.value for cell in book.active[1]] == ["A", "B"]
