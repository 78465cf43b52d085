"""Excel workbooks for exports: a header row, data rows, sensible widths, and no formula injection."""

import datetime
import io
import itertools
from dataclasses import dataclass, field
from decimal import Decimal

import xlsxwriter
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]
    note: str = ""  # a line above the table: what it is and when it was made
    # (data row index from 0, column index) of cells to show in yellow: a value that needs fixing
    highlight: set = field(default_factory=set)


def safe(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe."""
    if isinstance(value, Promise):  # lazy translations
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def build(sheets: list[Sheet]) -> bytes:
    """The workbook as bytes, written row by row (XlsxWriter's constant-memory mode), so a register of tens of
    thousands of rows exports in seconds with flat memory."""
    buffer = io.BytesIO()
    # Text is always written as text: nothing a user typed can become a formula or a link.
    book = xlsxwriter.Workbook(
        buffer, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    styles = {
        "note": book.add_format({"italic": True, "font_color": "#666666"}),
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "marked": book.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700", "border": 1}),
        "marked_date": book.add_format({"bg_color": "#FFEB9C", "num_format": "yyyy-mm-dd", "border": 1}),
    }
    for sheet in sheets:
        _write_sheet(book, sheet, styles)
    book.close()
    return buffer.getvalue()


def _write_sheet(book, sheet: Sheet, styles):
    ws = book.add_worksheet(sheet.title[:31])
    rows = iter(sheet.rows)
    head = list(itertools.islice(rows, 500))  # the rows that set the column widths
    for index, header in enumerate(sheet.headers):
        longest = max([len(str(header))] + [len(str(row[index])) for row in head if row[index]])
        ws.set_column(index, index, min(max(10, longest * 1.6), 60))
    number = 0
    if sheet.note:
        ws.write_string(0, 0, str(sheet.note), styles["note"])
        number = 1
    for column, header in enumerate(sheet.headers):
        ws.write_string(number, column, str(header), styles["header"])
    ws.freeze_panes(number + 1, 0)
    first = number + 1
    for row in itertools.chain(head, rows):
        number += 1
        for column, value in enumerate(row):
            if (number - first, column) in sheet.highlight:
                _write_marked(ws, number, column, safe(value), styles)
            else:
                _write_cell(ws, number, column, safe(value), styles)


def _write_cell(ws, row: int, column: int, value, styles):
    if value is None or value == "":
        return
    if isinstance(value, str):
        ws.write_string(row, column, value, styles["wrap"] if len(value) > 40 else None)
    elif isinstance(value, bool):
        ws.write_boolean(row, column, value)
    elif isinstance(value, datetime.datetime):
        ws.write_datetime(row, column, _local(value), styles["datetime"])
    elif isinstance(value, datetime.date):
        ws.write_datetime(row, column, value, styles["date"])
    elif isinstance(value, (int, float, Decimal)):
        ws.write_number(row, column, value)
    else:
        ws.write_string(row, column, str(value))


def _write_marked(ws, row: int, column: int, value, styles):
    """A highlighted cell: the value as it was, on yellow, even when it is empty."""
    if isinstance(value, datetime.datetime):
        ws.write_datetime(row, column, _local(value), styles["marked_date"])
    elif isinstance(value, datetime.date):
        ws.write_datetime(row, column, value, styles["marked_date"])
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        ws.write_number(row, column, value, styles["marked"])
    else:
        ws.write_string(row, column, "" if value is None else str(value), styles["marked"])


def _local(moment: datetime.datetime) -> datetime.datetime:
    """Excel has no time zones: an aware moment is written as the wall-clock time in Asia/Shanghai."""
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def response(filename: str, sheets: list[Sheet]) -> HttpResponse:
    reply = HttpResponse(build(sheets), content_type=XLSX)
    reply["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return reply


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
