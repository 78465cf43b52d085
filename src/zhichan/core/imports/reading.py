"""Reading an import file row by row, within limits: CSV (UTF-8 with or without BOM, UTF-16 with BOM, else
GB18030/GBK; CRLF) or a workbook (.xlsx, .xlsm, .xls).

Before a row is read the file must be what its name says and keep the limits of limits.py: its size; for a CSV
one pass over the bytes finds its lines, its encoding (the line that is not text in it) and whether it holds
control characters; for an .xlsx the archive's directory and the first sheet's real extent are checked
(sheets.py) before the spreadsheet reader unpacks it. While the rows are read, their number, width, the length of
each cell and the time taken are checked. A file over any limit is refused at once (FileRejected) with a message
naming the limit and how to split the file. A cell holding a control character (NUL …) refuses its row (`Row`,
rows.py), naming row and column. Workbooks are read by calamine, the first sheet only.
"""

import codecs
import csv
import io
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path

from ..messages import Message
from ..messages import gettext_key as _  # a refused file's reason is kept as a key (errors.py)
from .errors import FileRejected
from .limits import MB, Limits
from .profiles import fold_header
from .sheets import SheetProblem, check_xlsx, column_letters

logger = logging.getLogger("zhichan.imports")

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
ZIP_WORKBOOKS = (".xlsx", ".xlsm")
OTHER_WORKBOOKS = (".xlsb", ".ods", ".et", ".numbers")  # workbooks not read: saved again as .xlsx
HEADER_SEARCH_ROWS = 10  # a title line or two above the header row is skipped
DEADLINE_EVERY = 4096  # rows between two looks at the clock
ENCODINGS_TRIED = "UTF-8, GB18030 (GBK)"
csv.field_size_limit(1 << 30)  # cells are measured by the reader, against ZHICHAN_IMPORT_MAX_CELL_CHARS

# Characters a spreadsheet cell cannot hold and a database column should not: the C0 controls but tab, line feed
# and carriage return, and DEL. Text that shows them (a rejected row's value) shows their picture, U+2400 on.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PICTURES = {code: 0x2400 + code for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]} | {0x7F: 0x2421}


_CONTROL_SET = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def has_controls(text: str) -> bool:
    """Whether the text holds a control character; a C-speed test for a whole row's text at once."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _CONTROL_SET)) != len(encoded)


def without_controls(value: str) -> str:
    """The text with its control characters removed (what a workbook cell can hold)."""
    return CONTROL.sub("", value) if CONTROL.search(value) else value


def controls_shown(value: str) -> str:
    """The text with each control character shown by its picture (␀ for NUL), so a reader sees where it was."""
    return value.translate(_PICTURES) if CONTROL.search(value) else value


class Row(list):
    """A row's cells, some refused as read: `refused` maps a column index to the reason (rows.py refuses the row
    when the column is imported)."""

    refused: dict

    def __init__(self, cells, refused):
        super().__init__(cells)
        self.refused = refused


def limits_for(limit: int | None = None) -> Limits:
    return Limits.from_settings(size=limit)


def max_bytes() -> int:
    return limits_for().size


def too_large(size: int, limit: int) -> Message:
    return _(
        "The file is %(size).1f MB; at most %(limit)d MB may be imported at once (ZHICHAN_IMPORT_MAX_MB). "
        "Split its rows into several files, each with the header row, and import them one after another."
    ) % {"size": size / MB, "limit": limit // MB}


def check_size(path, limit: int | None = None):
    limit = max_bytes() if limit is None else limit
    size = Path(path).stat().st_size
    if size > limit:
        raise FileRejected(too_large(size, limit))


# What a file that is not a table looks like, by its first bytes.
SIGNATURES = [
    (b"%PDF", "a PDF document"),
    (b"MZ", "a program"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format Office file (.xls, .doc)"),
    (b"PK\x03\x04", "a ZIP archive or an .xlsx workbook"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"Rar!", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
    (b"{\\rtf", "a Word document"),
]
# the descriptions above, from the catalogue
DESCRIPTIONS = {
    "a PDF document": _("a PDF document"),
    "a program": _("a program"),
    "an old-format Office file (.xls, .doc)": _("an old-format Office file (.xls, .doc)"),
    "a ZIP archive or an .xlsx workbook": _("a ZIP archive or an .xlsx workbook"),
    "an image": _("an image"),
    "a compressed archive": _("a compressed archive"),
    "a Word document": _("a Word document"),
    "a web page": _("a web page"),
    "unreadable binary data": _("unreadable binary data"),
    "a ZIP archive that holds no workbook": _("a ZIP archive that holds no workbook"),
}


def looks_like(head: bytes) -> str | None:
    """What the first bytes of a file say it is, when that is not a table (None: it may be one)."""
    for signature, description in SIGNATURES:
        if head.startswith(signature):
            return description
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<script")):
        return "a web page"
    return None


def _is_text(head: bytes) -> bool:
    """Do the first bytes read as text in an encoding a table comes in (a cut character at the end is allowed)?"""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:
                continue
            text = head[: error.start].decode(encoding)
        return bool(text) and all(character.isprintable() or character in "\t\r\n" for character in text)
    return False


def not_a_table(path, found: str) -> FileRejected:
    return FileRejected(
        _(
            "%(file)s is not a spreadsheet: its content is %(found)s, whatever its name says. Open the table in "
            "Excel or WPS, save it as .xlsx (or as CSV) and import that file."
        )
        % {"file": Path(path).name, "found": DESCRIPTIONS[found]}
    )


def _damaged(path) -> FileRejected:
    return FileRejected(
        _(
            "The workbook %(file)s is damaged or incomplete and cannot be read. Open it in Excel or WPS, save it "
            "again as .xlsx and import the new file (if it was downloaded, download it again)."
        )
        % {"file": Path(path).name}
    )


def _too_many_rows(count: int, limits: Limits) -> FileRejected:
    return FileRejected(
        _(
            "The file has more than %(limit)d rows (ZHICHAN_IMPORT_MAX_ROWS). Split it into files of at most "
            "%(limit)d rows, each with the header row, and import them one after another."
        )
        % {"limit": limits.rows}
    )


def _too_many_columns(row: int, count: int, limits: Limits) -> FileRejected:
    return FileRejected(
        _(
            "Row %(row)d has %(count)d columns, more than the %(limit)d allowed (ZHICHAN_IMPORT_MAX_COLUMNS). "
            "Delete the columns that are not needed (or the stray separators in that row) and import again."
        )
        % {"row": row, "count": count, "limit": limits.columns}
    )


def _sheet_problem(path, problem: SheetProblem, limits: Limits) -> FileRejected:
    details = problem.details
    if problem.problem == "not-zip":
        with open(path, "rb") as handle:
            head = handle.read(4096)
        found = looks_like(head)
        if found is None and _is_text(head):
            return FileRejected(
                _(
                    "%(file)s is a text file, not an .xlsx workbook. If it is a table with its columns separated "
                    "by commas, rename it to end in .csv and import it again; otherwise open it in Excel or WPS and "
                    "save it as .xlsx."
                )
                % {"file": Path(path).name}
            )
        return not_a_table(path, found or "unreadable binary data")
    if problem.problem == "not-workbook":
        return not_a_table(path, "a ZIP archive that holds no workbook")
    if problem.problem in ("damaged", "name", "twice", "link", "encrypted"):
        logger.info("workbook %s refused as damaged: %s", path, details)
        return _damaged(path)
    if problem.problem == "unpacked":
        return FileRejected(
            _(
                "The workbook unpacks to %(size)d MB, more than the %(limit)d MB allowed "
                "(ZHICHAN_IMPORT_MAX_UNPACKED_MB). Split its rows into several files, each with the header row, "
                "and import them one after another."
            )
            % {"size": details["size"] // MB, "limit": details["limit"] // MB}
        )
    if problem.problem == "ratio":
        return FileRejected(
            _(
                "The workbook is compressed %(ratio)d times, more than the %(limit)d times a real table is "
                '(ZHICHAN_IMPORT_MAX_RATIO): it would fill the memory when unpacked (a "zip bomb") and is '
                "refused. Open it in Excel or WPS, save it again as .xlsx or CSV, and split it into several files if "
                "it is still refused."
            )
            % {"ratio": details["ratio"], "limit": details["limit"]}
        )
    if problem.problem == "members":
        return _damaged(path)
    if problem.problem == "rows":
        return _too_many_rows(details["count"], limits)
    if problem.problem == "columns":
        return FileRejected(
            _(
                "The first sheet reaches column %(column)s, more than the %(limit)d columns allowed "
                "(ZHICHAN_IMPORT_MAX_COLUMNS). Delete the columns that are not needed, or copy the table alone "
                "to a new workbook, and import again."
            )
            % {"column": column_letters(details["count"]) or "?", "limit": details["limit"]}
        )
    return FileRejected(  # cells
        _(
            "The first sheet spans %(rows)d rows by %(columns)d columns, more than the %(limit)d cells allowed "
            "(ZHICHAN_IMPORT_MAX_CELLS). Delete empty rows and columns far from the table (or copy the table alone "
            "to a new workbook), or split its rows into several files, and import again."
        )
        % {"rows": details["rows"], "columns": details["columns"], "limit": details["limit"]}
    )


# CSV ------------------------------------------------------------------------------------------------------------


class TextScan:
    """One pass over a CSV's bytes: its encoding (checked throughout), its lines, whether it holds controls."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
        found = looks_like(head)
        if found is None and b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            found = "unreadable binary data"  # text never holds NUL bytes by the thousand
            if head.count(b"\x00") * 50 < len(head):
                found = None  # a stray NUL in a cell: that row is refused, not the file
        if found is not None:
            raise not_a_table(path, found)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding, (self.lines, self.controls) = "utf-16", (self._count(None)[0], True)
            return
        # The encoding is the one the start of the file is text in; a later line that is not is found as the file
        # is read (the whole file is not decoded twice: a million rows would take a second longer).
        self.encoding, line = "utf-8-sig", 0
        for encoding in ("utf-8", "gb18030"):
            try:
                codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            except UnicodeDecodeError as error:
                line = max(line, head.count(b"\n", 0, max(error.start, 0)) + 1)  # where the better one stopped
                self.encoding = "gb18030"
                continue
            break
        else:
            raise self.not_text(line)
        self.lines, self.controls = self._count(None)

    def not_text(self, line: int) -> FileRejected:
        return FileRejected(
            _(
                "Line %(line)d of the file is not text in any encoding tried (%(tried)s). Open the file in "
                'Excel or WPS and save it as "CSV UTF-8" or as .xlsx, then import that file.'
            )
            % {"line": line, "tried": ENCODINGS_TRIED}
        )

    def first_line_not_text(self) -> int:
        """The line where the file stops being text in its encoding (read again, only when it does)."""
        try:
            self._count("utf-8" if self.encoding == "utf-8-sig" else self.encoding)
        except UnicodeDecodeError as error:
            return error.line
        return self.lines

    def _count(self, encoding):
        """(lines, whether a control character occurs); UnicodeDecodeError with `line` set when not `encoding`."""
        decoder = codecs.getincrementaldecoder(encoding)() if encoding else None
        lines, controls, last = 0, False, b"\n"
        with open(self.path, "rb") as handle:
            while chunk := handle.read(1 << 22):
                if decoder is not None:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as error:
                        error.line = lines + chunk.count(b"\n", 0, max(error.start, 0)) + 1
                        raise
                lines += chunk.count(b"\n")
                controls = controls or len(chunk.translate(None, _CONTROL_SET)) != len(chunk)
                last = chunk[-1:]
            if decoder is not None:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError as error:
                    error.line = lines + (last != b"\n")
                    raise
        lines += last != b"\n"
        return lines, controls


def count_lines(path) -> int:
    """Lines in the file: its rows, or more if cells hold line breaks. A last line without a line break counts."""
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _unclosed_quote(row: int, line: int) -> FileRejected:
    return FileRejected(
        _(
            "Row %(row)d (line %(line)d of the file): a quotation mark opened in this row is not closed where the "
            "cell ends, so the lines after it would be read as one cell. Close or remove the quotation mark and "
            "import again."
        )
        % {"row": row, "line": line}
    )


def cell_too_long(row: int, column: str, length: int, limits: Limits) -> FileRejected:
    return FileRejected(
        _(
            "Row %(row)d, column %(column)s: the cell holds %(length)d characters, more than the %(limit)d allowed "
            "(ZHICHAN_IMPORT_MAX_CELL_CHARS). Shorten it and import again."
        )
        % {"row": row, "column": column, "length": length, "limit": limits.cell_chars}
    )


def control_reason(value: str) -> Message:
    found = CONTROL.search(value).group()
    return _(
        "The cell holds a control character (U+%(code)04X), which cannot be stored; delete it and import the row again."
    ) % {"code": ord(found)}


def _marked(texts: list, cells: list | None = None) -> list:
    """The cells, as a Row naming those that hold a control character (`texts`: the cells' text)."""
    refused = {index: control_reason(text) for index, text in enumerate(texts) if CONTROL.search(text)}
    cells = texts if cells is None else cells
    return Row(cells, refused) if refused else cells


def _long_cell(cells: list, row: int, limits: Limits):
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > limits.cell_chars:
            raise cell_too_long(row, column_letters(index + 1), len(cell), limits)


def _csv_rows(path, scan: TextScan, limits: Limits, deadline: float) -> Iterator[list]:
    with open(path, encoding=scan.encoding, newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        lines: list[str] = []

        def source():
            for line in handle:
                lines.append(line)
                yield line

        reader = csv.reader(source(), delimiter=delimiter)
        controls, longest, widest, most = scan.controls, limits.cell_chars, limits.columns, limits.rows
        number = line = 0
        try:
            for cells in reader:
                number += 1
                if len(lines) != 1 or len(lines[0]) > longest or controls:
                    if len(lines) > 1:
                        try:
                            list(csv.reader(io.StringIO("".join(lines)), delimiter=delimiter, strict=True))
                        except csv.Error:
                            raise _unclosed_quote(number, line + 1) from None
                    if sum(map(len, lines)) > longest:
                        _long_cell(cells, number, limits)
                    if controls and any(map(CONTROL.search, lines)):
                        cells = _marked(cells)
                line += len(lines)
                lines.clear()
                if len(cells) > widest:
                    raise _too_many_columns(number, len(cells), limits)
                if number > most:
                    raise _too_many_rows(number, limits)
                if not number % DEADLINE_EVERY and time.monotonic() > deadline:
                    raise _too_slow(limits)
                yield cells
        except UnicodeDecodeError:  # a line after the first ones is in another encoding (or none)
            raise scan.not_text(scan.first_line_not_text()) from None
        except csv.Error:
            raise FileRejected(
                _("Row %(row)d (line %(line)d of the file) cannot be read as CSV; check its quotation marks.")
                % {"row": number + 1, "line": line + 1}
            ) from None


def _too_slow(limits: Limits) -> FileRejected:
    return FileRejected(
        _(
            "Reading the file took more than %(limit)d seconds (ZHICHAN_IMPORT_MAX_SECONDS) and was stopped; nothing "
            "was changed. Split its rows into smaller files, each with the header row, and import them one after "
            "another."
        )
        % {"limit": limits.seconds}
    )


# Workbooks -------------------------------------------------------------------------------------------------------


def _check_workbook(path, limits: Limits):
    """Refuse what is not a workbook of its kind, or too large, before the reader opens it."""
    suffix = Path(path).suffix.lower()
    with open(path, "rb") as handle:
        head = handle.read(512)
    if suffix in ZIP_WORKBOOKS:
        try:
            check_xlsx(path, limits)
        except SheetProblem as problem:
            raise _sheet_problem(path, problem, limits) from None
    elif not head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # .xls: a compound document
        raise not_a_table(path, looks_like(head) or "unreadable binary data")


def _workbook_rows(path, limits: Limits, deadline: float) -> tuple[Iterator[list], int]:
    from python_calamine import CalamineWorkbook

    _check_workbook(path, limits)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.iter_rows()
        height, width = sheet.height, sheet.width
    except Exception as error:  # calamine raises its own error types for damaged or encrypted files
        logger.info("workbook %s cannot be read: %s", path, error)
        raise _damaged(path) from None
    if height > limits.rows:
        raise _too_many_rows(height, limits)
    if width > limits.columns:
        raise _too_many_columns(1, width, limits)
    return _bounded_cells(rows, limits, deadline), height


def _bounded_cells(rows, limits: Limits, deadline: float) -> Iterator[list]:
    longest, search = limits.cell_chars, has_controls
    for number, cells in enumerate(rows, start=1):
        text = "".join([cell for cell in cells if cell.__class__ is str])  # a row's text at once: cheaper
        if len(text) > longest or search(text):
            _long_cell(cells, number, limits)
            cells = _marked([cell if cell.__class__ is str else "" for cell in cells], cells)
        if not number % DEADLINE_EVERY and time.monotonic() > deadline:
            raise _too_slow(limits)
        yield cells


# Both ------------------------------------------------------------------------------------------------------------


def raw_rows(path, limits: Limits | None = None, deadline: float | None = None) -> tuple[Iterator[list], int]:
    """The file's rows, and about how many there are (the writer plans by it)."""
    limits = limits or limits_for()
    if deadline is None:
        deadline = time.monotonic() + limits.seconds
    suffix = Path(path).suffix.lower()
    if suffix in OTHER_WORKBOOKS:
        raise FileRejected(
            _("%(suffix)s files are not imported; save the table in Excel or WPS as .xlsx or as CSV.")
            % {"suffix": suffix}
        )
    if suffix in WORKBOOK_SUFFIXES:
        return _workbook_rows(path, limits, deadline)
    scan = TextScan(path)
    return _csv_rows(path, scan, limits, deadline), scan.lines


def open_table(path, known_headers: set[str], limit: int | None = None) -> tuple[list, Iterator[tuple[int, list]], int]:
    """(header row, iterator of (row number as the spreadsheet shows it, cells), about how many rows follow it).

    The header row is the first of the first rows that names at least two known headers (else the first row
    with anything in it); empty rows below it are skipped. `limit`: the largest file in bytes (default
    ZHICHAN_IMPORT_MAX_MB); the other limits are the settings'.
    """
    limits = limits_for(limit)
    check_size(path, limits.size)
    rows, expected = raw_rows(path, limits)
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

    shown = [("" if c is None else without_controls(str(c)).strip()) for c in header]
    return shown, body(), max(expected - header_number, 0)
