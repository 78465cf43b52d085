"""Reading an import file row by row: CSV (UTF-8 with or without BOM, else GB18030/GBK; CRLF) or a workbook.

Files larger than ZHICHAN_IMPORT_MAX_MB are refused before a byte is read. CSV is streamed; workbooks are read
by calamine sheet by sheet (the first sheet is imported).
"""

import codecs
import csv
import os
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from ..messages import gettext_key as _  # a refused file's reason is kept as a key (errors.py)
from .errors import FileRejected
from .profiles import fold_header

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
HEADER_SEARCH_ROWS = 10  # a title line or two above the header row is skipped
csv.field_size_limit(1 << 24)


def max_bytes() -> int:
    return int(getattr(settings, "ZHICHAN_IMPORT_MAX_MB", 50)) * 1024 * 1024


def check_size(path, limit: int | None = None):
    limit = max_bytes() if limit is None else limit
    size = os.path.getsize(path)
    if size > limit:
        raise FileRejected(
            _("The file is %(size).1f MB; at most %(limit)d MB may be imported at once. Split it into smaller files.")
            % {"size": size / 1024 / 1024, "limit": limit // (1024 * 1024)}
        )


def sniff_encoding(path) -> str:
    """utf-8-sig when the start of the file decodes as UTF-8 (a BOM is dropped), else gb18030 (covers GBK)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "gb18030"


def _csv_rows(path) -> Iterator[list]:
    encoding = sniff_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        try:
            yield from csv.reader(handle, delimiter=delimiter)
        except UnicodeDecodeError:
            raise FileRejected(
                _("The file is neither UTF-8 nor GBK text throughout; save it again as UTF-8 CSV or as .xlsx.")
            ) from None
        except csv.Error as error:
            raise FileRejected(_("The CSV file cannot be read: %(error)s") % {"error": error}) from None


def _workbook_rows(path) -> tuple[Iterator[list], int]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except Exception as error:  # calamine raises its own error types for damaged or encrypted files
        raise FileRejected(_("The workbook cannot be read: %(error)s") % {"error": error}) from None
    return rows, sheet.height


def count_lines(path) -> int:
    """Lines in the file: its rows, or more if cells hold line breaks (a byte 0x0A is a line break in UTF-8 and
    in GB18030 alike). A last line without a line break counts."""
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def raw_rows(path) -> tuple[Iterator[list], int]:
    """The file's rows, and about how many there are (the writer plans by it)."""
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        return _workbook_rows(path)
    return _csv_rows(path), count_lines(path)


def open_table(path, known_headers: set[str], limit: int | None = None) -> tuple[list, Iterator[tuple[int, list]], int]:
    """(header row, iterator of (row number as the spreadsheet shows it, cells), about how many rows follow it).

    The header row is the first of the first rows that names at least two known headers (else the first row
    with anything in it); empty rows below it are skipped.
    """
    check_size(path, limit)
    rows, expected = raw_rows(path)
    seen = []
    header, header_number = None, 0
    for number, row in enumerate(rows, start=1):
        seen.append((number, row))
        if sum(1 for cell in row if fold_header(cell) in known_headers) >= 2:
            header, header_number = row, number
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        filled = [(n, r) for n, r in seen if any(str(c).strip() for c in r if c is not None)]
        if not filled:
            raise FileRejected(_("The file is empty."))
        header_number, header = filled[0]
    leftover = [(n, r) for n, r in seen if n > header_number]

    def body():
        yield from leftover
        yield from enumerate(rows, start=len(seen) + 1)

    return [("" if c is None else str(c).strip()) for c in header], body(), max(expected - header_number, 0)
