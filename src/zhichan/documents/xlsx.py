"""Excel workbooks for exports: a header row, data rows, sensible widths, and no formula injection. Sent with
`files.response`, or through `core/services/exports.respond` when built from what a user may see."""

import datetime
import io
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

import xlsxwriter
from django.utils import timezone
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters a cell cannot hold (XlsxWriter would write them as _x0000_ escapes): dropped.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]
    note: str = ""  # a line above the table: what it is and when it was made
    # (data row index from 0, column index) of cells to show in yellow: a value that needs fixing
    highlight: set = field(default_factory=set)
    # a width in characters per column where one is declared (core/columns.py); the others fit their first rows
    widths: list = field(default_factory=list)


def safe(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe; control characters
    are dropped."""
    if isinstance(value, Promise):  # lazy translations
        value = str(value)
    if isinstance(value, str):
        if CONTROLS.search(value):
            value = CONTROLS.sub("", value)
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


@dataclass
class Workbook:
    """An export before it is written: its file name (in the reader's language), sheets whose rows may be lazy,
    and about how many rows it has (whether it is built at once or in the background, and its progress)."""

    filename: str
    sheets: list[Sheet]
    rows: int = 0
    row_cost = 1  # the unit the other documents' costs are counted in

    def render(self, progress=None) -> bytes:
        return build(self.sheets, progress=progress, total=self.rows)


PROGRESS_EVERY = 500  # rows between two progress reports


def build(sheets: list[Sheet], progress=None, total: int = 0) -> bytes:
    """The workbook as bytes, written row by row (XlsxWriter's constant-memory mode), so a register of tens of
    thousands of rows exports in seconds with flat memory. `progress(done, total, message)` is told as rows
    are written."""
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
    counter = _Counter(progress, total)
    for sheet in sheets:
        _write_sheet(book, sheet, styles, counter)
    book.close()
    if progress:
        progress(counter.done, counter.done, "")
    return buffer.getvalue()


class _Counter:
    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def step(self):
        self.done += 1
        if self.progress and self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, max(self.total, self.done), "")


def _write_sheet(book, sheet: Sheet, styles, counter: _Counter):
    ws = book.add_worksheet(sheet.title[:31])
    rows = iter(sheet.rows)
    head = list(itertools.islice(rows, 500))  # the rows that set the column widths
    for index, header in enumerate(sheet.headers):
        declared = sheet.widths[index] if index < len(sheet.widths) else None
        if declared:
            ws.set_column(index, index, declared)
            continue
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
        counter.step()
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
