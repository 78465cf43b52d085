"""Looking inside an .xlsx before it is read: what it really is, and how large its first sheet really is.

The spreadsheet reader (calamine) unpacks the whole first sheet into memory as one rectangle from its first to its
last cell, so a small file can ask for gigabytes: a sheet that unpacks to hundreds of megabytes (a "zip bomb"), or
two cells far apart (A1 and ZZ200000). `check_xlsx(path, limits)` therefore reads the archive's directory
(core/services/archives.py) and then streams the first sheet's XML once, in bounded memory, counting its rows and
finding the farthest cell it names, before calamine is allowed near it. Every member is also unpacked once to check
that it is no larger than the directory says. Raises SheetProblem with what is wrong; reading.py words it.
"""

import itertools
import re
from dataclasses import dataclass

from ..services.archives import ArchiveRefused, inspect_zip, member_chunks

_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\b(Id|Target)="([^"]*)"')
WORKBOOK = "xl/workbook.xml"


class SheetProblem(Exception):
    """`problem`: "not-workbook", or one of ArchiveRefused's, or "rows", "columns", "cells"; `details`: numbers."""

    def __init__(self, problem: str, **details):
        super().__init__(problem, details)
        self.problem = problem
        self.details = details


@dataclass
class Extent:
    rows: int = 0  # the last row the sheet names (1-based), as calamine would place it
    columns: int = 0  # the last column


def check_xlsx(path, limits) -> Extent:
    """Refuse the workbook (SheetProblem) unless it is an Office Open XML workbook within `limits`."""
    try:
        summary = inspect_zip(path, max_unpacked=limits.unpacked, max_ratio=limits.ratio, max_members=limits.members)
    except ArchiveRefused as refused:
        raise SheetProblem(refused.problem, **refused.details) from None
    members = {member.filename: member for member in summary.members}
    if WORKBOOK not in members:
        raise SheetProblem("not-workbook")
    sheet = _first_sheet(path, members)
    extent = Extent()
    try:
        for name, member in members.items():
            if name == sheet:
                extent = _scan_sheet(member_chunks(path, member), limits)
            else:
                for _chunk in member_chunks(path, member):
                    pass
    except ArchiveRefused as refused:
        raise SheetProblem(refused.problem, **refused.details) from None
    if sheet not in members:
        raise SheetProblem("damaged", detail="no first sheet")
    return extent


def _head(path, member, limit: int = 1 << 20) -> bytes:
    data = b""
    for chunk in member_chunks(path, member):
        data += chunk
        if len(data) >= limit:
            break
    return data[:limit]


def _first_sheet(path, members) -> str:
    """The member holding the workbook's first sheet (the one imported)."""
    fallback = "xl/worksheets/sheet1.xml"
    try:
        found = _SHEET.search(_head(path, members[WORKBOOK]))
        rels = members.get("xl/_rels/workbook.xml.rels")
        if not found or rels is None:
            return fallback
        wanted = found.group(1)
        for relation in _RELATION.findall(_head(path, rels)):
            attributes = dict(_ATTRIBUTE.findall(relation))
            if attributes.get(b"Id") == wanted and b"Target" in attributes:
                target = attributes[b"Target"].decode("utf-8", "replace")
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    except ArchiveRefused as refused:
        raise SheetProblem(refused.problem, **refused.details) from None
    return fallback


def column_number(letters: bytes | str) -> int:
    number = 0
    for letter in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _patterns(prefix: bytes):
    p = re.escape(prefix)
    return (
        re.compile(rb"<" + p + rb'c r="([A-Z]{1,3})([0-9]{1,7})"'),  # a cell as Excel and WPS write it
        re.compile(rb"<" + p + rb'c\b[^>]*?\br="([A-Z]+)([0-9]+)"'),  # any order of attributes
        re.compile(rb"<" + p + rb'row\b[^>]*?\br="([0-9]+)"'),
    )


_DIMENSION = re.compile(rb'<(\w+:)?dimension ref="(?:[A-Z]+[0-9]+:)?([A-Z]+)([0-9]+)"')


def _above(value: str, digit_class: str, low: str, high: str) -> str:
    """A pattern matching the strings of `value`'s length and alphabet that are greater than it."""
    options = []
    for position, char in enumerate(value):
        rest = len(value) - position - 1
        if char < high:
            options.append(re.escape(value[:position]) + f"[{chr(ord(char) + 1)}-{high}]" + f"{digit_class}{{{rest}}}")
    return "|".join(options) or "(?!)"


def _claim_patterns(prefix: bytes, columns: str, rows: str):
    """Patterns matching a cell or a row that lies beyond the sheet's stated dimension."""
    p = re.escape(prefix.decode())
    letters = f"(?:[A-Z]{{{len(columns) + 1},}}|{_above(columns, '[A-Z]', 'A', 'Z')})"
    digits = f"(?:[0-9]{{{len(rows) + 1},}}|{_above(rows, '[0-9]', '0', '9')})"
    return (
        re.compile(f'<{p}c r="(?:{letters}[0-9]|[A-Z]+{digits}")'.encode()),
        re.compile(f'<{p}row r="{digits}"'.encode()),
    )


def _scan_sheet(chunks, limits) -> Extent:
    """The sheet's extent, refused if over a limit. When the sheet states its dimension (Excel, WPS and most
    writers do), the stated one is checked against the limits and the XML is searched only for a cell or row
    beyond it; otherwise every reference is read (slower)."""
    chunks = iter(chunks)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= 1 << 16 or b"sheetData" in head:
            break
    stated = _DIMENSION.search(head[: 1 << 16])
    if stated is None:
        return _scan_references(itertools.chain([head], chunks), limits)
    prefix = stated.group(1) or b""
    columns, rows = stated.group(2).decode(), stated.group(3).decode()
    extent = Extent(rows=int(rows), columns=column_number(columns))
    _check(extent.rows, extent.columns, limits)
    cell_beyond, row_beyond = _claim_patterns(prefix, columns, rows)
    opening = b"<" + prefix + b"c"
    carry = b""
    for chunk in itertools.chain([head], chunks):
        cut = chunk.rfind(b"<")
        if cut < 0:
            carry += chunk
            continue
        part, carry = carry + chunk[:cut], chunk[cut:]
        if cell_beyond.search(part) or row_beyond.search(part):
            raise SheetProblem("damaged", detail="a cell beyond the stated dimension")
        if part.count(opening + b" ") + part.count(opening + b">") != part.count(opening + b' r="'):
            raise SheetProblem("damaged", detail="a cell without a reference in a sheet that states its dimension")
    if carry and (cell_beyond.search(carry) or row_beyond.search(carry)):
        raise SheetProblem("damaged", detail="a cell beyond the stated dimension")
    return extent


def _scan_references(chunks, limits) -> Extent:
    """Stream the sheet's XML: the farthest row and column it names, refused as soon as a limit is passed."""
    prefix, patterns = None, None
    carry = b""
    max_row = max_column = 0
    unnumbered_rows = widest_unnumbered = 0
    for chunk in chunks:
        buffer = carry + chunk
        if prefix is None:
            found = re.search(rb"<(\w+:)?sheetData\b", buffer)
            if found is None:
                carry = buffer[-(1 << 16) :] if len(buffer) > 1 << 16 else buffer
                continue
            prefix = found.group(1) or b""
            patterns = _patterns(prefix)
        end = buffer.rfind(b"</" + prefix + b"row>")
        if end < 0:
            carry = buffer
            if len(carry) > limits.row_bytes:
                raise SheetProblem("columns", count=0, limit=limits.columns)
            continue
        end += len(prefix) + 6
        part, carry = buffer[:end], buffer[end:]
        quick, general, row_pattern = patterns
        opening_c, opening_row = b"<" + prefix + b"c", b"<" + prefix + b"row"
        cells = part.count(opening_c + b" ") + part.count(opening_c + b">") + part.count(opening_c + b"/")
        refs = quick.findall(part)
        if len(refs) != cells:
            refs = general.findall(part)
            if len(refs) != cells:  # cells without a reference: placed one after the other in their row
                widest_unnumbered = max(
                    widest_unnumbered,
                    max(piece.count(opening_c) for piece in part.split(b"</" + prefix + b"row>")),
                )
        if refs:
            letters, digits = zip(*refs, strict=True)
            max_column = max(max_column, *map(column_number, set(letters)))
            max_row = max(max_row, *map(int, set(digits)))
        numbered = row_pattern.findall(part)
        if numbered:
            max_row = max(max_row, *map(int, numbered))
        unnumbered_rows += part.count(opening_row + b" ") + part.count(opening_row + b">") - len(numbered)
        _check(max_row + unnumbered_rows, max_column + widest_unnumbered, limits)
    return Extent(rows=max_row + unnumbered_rows, columns=max_column + widest_unnumbered)


def _check(rows: int, columns: int, limits):
    if rows > limits.rows:
        raise SheetProblem("rows", count=rows, limit=limits.rows)
    if columns > limits.columns:
        raise SheetProblem("columns", count=columns, limit=limits.columns)
    if rows * columns > limits.cells:
        raise SheetProblem("cells", rows=rows, columns=columns, cells=rows * columns, limit=limits.cells)
