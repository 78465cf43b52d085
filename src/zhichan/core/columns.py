"""Columns of a table of records: what a list export, a drill-down and an import template show of one field.

An app declares each of its record types' columns once, as an ordered tuple of `Column` (the registry's are in
registry/columns.py), and every table of those records reads them: the header is `label`, each cell
`column.of(record)`, and an Excel sheet takes `width` where one is given.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zhichan.documents import xlsx


@dataclass(frozen=True)
class Column:
    """`key` names the column (a field's name where there is one; the API's name for the cell). `value` says how
    a cell is read from a record: None reads the attribute `key`; a text is an attribute path (`region__name`,
    `get_kind_display`), each step called when it is a method; a callable takes the record. A step that is
    None reads as "", a related row as its name. `width` is the column's width in an Excel sheet, in characters
    (None: fit to the rows)."""

    key: str
    label: str
    value: str | Callable | None = None
    width: int | None = None

    def of(self, record):
        if callable(self.value):
            found = self.value(record)
        else:
            found = record
            for part in (self.value or self.key).split("__"):
                found = getattr(found, part, None)
                if callable(found):
                    found = found()
                if found is None:
                    break
        if found is None:
            return ""
        return str(found) if hasattr(found, "_meta") else found


def pick(columns: Iterable[Column], *keys: str) -> tuple[Column, ...]:
    """The columns with these keys, in this order (a drill-down shows a few of a register's columns)."""
    by_key = {column.key: column for column in columns}
    return tuple(by_key[key] for key in keys)


def headers(columns: Iterable[Column]) -> list[str]:
    return [str(column.label) for column in columns]


def row(columns: Iterable[Column], record) -> list:
    return [column.of(record) for column in columns]


def sheet(title, columns: tuple[Column, ...], records: Iterable, note: str = "") -> xlsx.Sheet:
    """An Excel sheet of the records, one column each; the rows are read lazily, as the workbook is written."""
    return xlsx.Sheet(
        str(title),
        headers(columns),
        (row(columns, record) for record in records),
        note,
        widths=[column.width for column in columns],
    )
