"""Excel workbooks for exports: a header row, data rows, sensible widths, and no formula injection."""

import datetime
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]
    note: str = ""  # a line above the table: what it is and when it was made


def safe(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe."""
    if isinstance(value, Promise):  # lazy translations
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def build(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        offset = 0
        if sheet.note:
            ws.append([sheet.note])
            ws.cell(row=1, column=1).font = Font(italic=True, color="666666")
            offset = 1
        ws.append([str(h) for h in sheet.headers])
        for cell in ws[offset + 1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for row in sheet.rows:
            ws.append([safe(value) for value in row])
        for index, header in enumerate(sheet.headers, start=1):
            longest = max([len(str(header))] + [len(str(r[index - 1])) for r in sheet.rows[:500] if r[index - 1]])
            ws.column_dimensions[get_column_letter(index)].width = min(max(10, longest * 1.6), 60)
        for row in ws.iter_rows(min_row=offset + 2):
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                cell.alignment = Alignment(
                    vertical="top", wrap_text=isinstance(cell.value, str) and len(cell.value) > 40
                )
        ws.freeze_panes = ws.cell(row=offset + 2, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def response(filename: str, sheets: list[Sheet]) -> HttpResponse:
    reply = HttpResponse(build(sheets), content_type=XLSX)
    reply["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return reply


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
