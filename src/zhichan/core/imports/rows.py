"""From the cells of one row to the values of one record, by the fields and rules its kind declares.

`RowReader(kind, columns, helpers, alternates)` is called with the cells of a row and returns a dict of the
record's values, or raises RowRejected with every cell it refuses. When a file has several columns for one field
(`alternates`: field → the further columns), the first filled one of the row is read. The row rules may leave
remarks on an accepted row (`record[REMARKS]`: reason and value), which the batch's summary lists by row. Kept
lean: a file of a million rows passes through here once per row.
"""

from django.core.exceptions import ValidationError

from ..messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language
from .errors import RowRejected, reasons_by_field
from .kinds import ImportKind
from .reading import controls_shown
from .values import text

# Where the row rules put their remarks on a row they accept: [(field, value, reason)], listed in the summary.
REMARKS = "_remarks"

# Columns whose values repeat (dates, applicants, addresses, classes) are read once per distinct value; a kind's
# `uncached` fields hardly repeat, so they are not cached.
CACHE_LIMIT = 200_000


class RowReader:
    def __init__(self, kind: ImportKind, columns: dict[str, int], helpers=None, alternates=None):
        self.kind = kind
        readers = kind.fields
        alternates = {name: tuple(more) for name, more in (alternates or {}).items() if more}
        self.plan = [
            (name, index, readers[name], None if name in kind.uncached else {}, alternates.get(name))
            for name, index in columns.items()
            if name in readers
        ]
        every = [*columns.values(), *(i for more in alternates.values() for i in more)]
        self.width = max(every, default=0) + 1
        self.columns = columns
        self.used: dict[str, int] = {}  # field → the further column read for it in the current row
        self.required = list(kind.required)
        self.helpers = helpers
        self.check = kind.check_row
        keys = kind.key
        self.key = kind.row_key or (lambda record: tuple([record.get(name) for name in keys]))

    def __call__(self, cells: list) -> dict:
        record = {}
        errors = None
        if len(cells) < self.width:  # a short row: the missing cells are empty
            cells = [*cells, *[None] * (self.width - len(cells))]
        refused = getattr(cells, "refused", None)  # cells the file reader refused (reading.Row)
        if self.used:
            self.used = {}
        for name, index, read, cache, more in self.plan:
            cell = cells[index]
            if more is not None and not text(cell):  # an empty cell: the first filled synonym column instead
                for other in more:
                    if text(cells[other]):
                        index, cell = other, cells[other]
                        self.used[name] = other
                        break
            if refused and index in refused:
                errors = errors or []
                errors.append((name, controls_shown(cell), refused[index]))
                continue
            if cache is not None:
                try:
                    record[name] = cache[cell]
                    continue
                except (KeyError, TypeError):
                    pass
            try:
                value = read(cell)
            except ValueError as error:
                errors = errors or []
                errors.append((name, cell, error.args[0] if error.args else str(error)))  # a Message, kept
                continue
            record[name] = value
            if cache is not None and len(cache) < CACHE_LIMIT and isinstance(cell, str):
                cache[cell] = value
        for name in self.required:
            if not record.get(name) and not (errors and any(e[0] == name for e in errors)):
                errors = errors or []
                errors.append((name, "", _("This column must not be empty.")))
        if errors:
            raise RowRejected(errors)
        if self.check is not None:
            try:
                self.check(record, self.helpers)
            except RowRejected as error:
                raise RowRejected(
                    [(name, self.written(cells, name, value), r) for name, value, r in error.errors]
                ) from None
            except ValidationError as error:
                raise RowRejected(
                    [
                        (name, self.written(cells, name, record.get(name, ""))) + (reason,)
                        for name, reason in reasons_by_field(error)
                    ]
                ) from None
        return record

    def column_of(self, name: str) -> int | None:
        """The column field `name` was read from in the current row."""
        return self.used.get(name, self.columns.get(name))

    def written(self, cells: list, name: str, value):
        """The cell of field `name` as the file wrote it (外观设计, not the stored code), else `value`."""
        index = self.column_of(name)
        return value if index is None or index >= len(cells) else cells[index]
