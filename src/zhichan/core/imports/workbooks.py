"""The workbooks of the import pages: our template per kind, and a batch's rejected rows.

Both are built with documents/xlsx.py, which writes formula-looking text with a leading apostrophe.
"""

import os

from django.utils.translation import gettext as _

from zhichan.documents import xlsx

from ..models import ImportBatch
from .errors import FileRejected
from .kinds import get_kind
from .profiles import known_headers, template_profile
from .reading import open_table


def template_workbook(kind: str) -> bytes:
    """Our template: the Chinese headers on an empty first sheet (the one imported), an example row on a sheet of
    its own (never imported: only the first sheet is read, so the template uploaded unchanged imports nothing)
    and a notes sheet explaining each column."""
    profile = template_profile(kind)
    columns = profile.template_headers()
    required = set(profile.required)
    labels = get_kind(kind).labels
    notes = [
        [
            header,
            _("required") if name in required else _("optional"),
            str(labels.get(name, name)),
            profile.notes.get(name, ""),
        ]
        for name, header in columns
    ]
    return xlsx.build(
        [
            xlsx.Sheet(title=_("Data"), headers=[header for _name, header in columns], rows=[]),
            xlsx.Sheet(
                title=_("Example (not imported)"),
                headers=[header for _name, header in columns],
                rows=[[profile.example.get(name, "") for name, _header in columns]],
            ),
            xlsx.Sheet(
                title=_("Notes"),
                headers=[_("column"), _("required"), _("field"), _("what to write")],
                rows=notes,
                note=_(
                    "Fill the first sheet from its second row and keep the header row; only the first sheet is "
                    "imported, the example sheet never is. Other headers that exports use are recognised too."
                ),
            ),
        ]
    )


def template_filename(kind: str) -> str:
    return f"{template_profile(kind).label}.xlsx"


def rejections_workbook(batch: ImportBatch, path=None, progress=None) -> bytes:
    """First sheet: the rejected rows whole, under the file's own header row, the refused cells in yellow and a
    last column saying why; fixed, the sheet is imported again as it is (that column is ignored). Second sheet:
    each refused cell by row, column, value and reason. `path`: the file imported, when it is not stored with the
    batch (the command line). `progress(done, total, message)` is told as rows are written."""
    rejections = list(batch.rejections.order_by("row", "pk"))
    listing = xlsx.Sheet(
        title=_("Reasons"),
        headers=[_("row"), _("column"), _("value"), _("reason")],
        rows=[[r.row, r.shown_field, r.value, r.shown_reason] for r in rejections],
        note=_("Import batch %(id)d, %(file)s: %(count)d rejected rows.")
        % {"id": batch.pk, "file": batch.file_name, "count": batch.rejected_count},
    )
    by_row: dict[int, list] = {}
    for rejection in rejections:
        by_row.setdefault(rejection.row, []).append(rejection)
    if path is None and batch.file:
        path = batch.file.path
    original = _original_rows(batch.kind, path, set(by_row))
    if original is None:  # the file is no longer stored: the listing is all there is
        return xlsx.build([listing], progress=progress, total=len(rejections))
    headers, cells_of = original
    rows, marks = [], set()
    for index, number in enumerate(sorted(by_row)):
        cells = list(cells_of.get(number, []))[: len(headers)]
        cells += [None] * (len(headers) - len(cells))
        rows.append(
            [
                *cells,
                "；".join(f"{r.shown_field}：{r.shown_reason}" if r.field else r.shown_reason for r in by_row[number]),
            ]
        )
        marks.update((index, headers.index(r.field)) for r in by_row[number] if r.field in headers)
    fix = xlsx.Sheet(title=_("Rows to fix"), headers=[*headers, reason_header()], rows=rows, highlight=marks)
    return xlsx.build([fix, listing], progress=progress, total=len(rows) + len(rejections))


def reason_header() -> str:  # noqa: N802 - a constant that follows the language
    return _("why rejected (ignored on import)")


def _original_rows(kind: str, path, numbers: set[int]) -> tuple[list[str], dict[int, list]] | None:
    """The header row and the rows `numbers` of the imported file, as read on import."""
    if not path or not os.path.exists(path):
        return None
    try:
        headers, body, _expected = open_table(path, known_headers(kind), limit=1 << 62)
    except FileRejected:
        return None
    found = {}
    for number, cells in body:
        if number in numbers:
            found[number] = cells
            if len(found) == len(numbers):
                break
    return headers, found
