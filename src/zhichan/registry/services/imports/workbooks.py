"""The workbooks of the import pages: our template per kind, and a batch's rejected rows.

Both are built with documents/xlsx.py, which writes formula-looking text with a leading apostrophe.
"""

from django.utils.translation import gettext as _

from zhichan.documents import xlsx

from ...models import ImportBatch
from .fields import FIELD_LABELS
from .profiles import template_profile


def template_workbook(kind: str) -> bytes:
    """Our template: the Chinese headers, an example row, and a notes sheet explaining each column."""
    profile = template_profile(kind)
    columns = profile.template_headers()
    required = set(profile.required)
    notes = [
        [
            header,
            _("required") if name in required else _("optional"),
            str(FIELD_LABELS.get(name, name)),
            profile.notes.get(name, ""),
        ]
        for name, header in columns
    ]
    return xlsx.build(
        [
            xlsx.Sheet(
                title=_("Data"),
                headers=[header for _name, header in columns],
                rows=[[profile.example.get(name, "") for name, _header in columns]],
            ),
            xlsx.Sheet(
                title=_("Notes"),
                headers=[_("column"), _("required"), _("field"), _("what to write")],
                rows=notes,
                note=_(
                    "Fill the first sheet from its second row (replace the example); keep the header row. "
                    "Other headers that exports use are recognised too."
                ),
            ),
        ]
    )


def template_filename(kind: str) -> str:
    return f"{template_profile(kind).label}.xlsx"


def rejections_workbook(batch: ImportBatch) -> bytes:
    rows = [[r.row, r.field, r.value, r.reason] for r in batch.rejections.order_by("row", "pk")]
    return xlsx.build(
        [
            xlsx.Sheet(
                title=_("Rejected rows"),
                headers=[_("row"), _("column"), _("value"), _("reason")],
                rows=rows,
                note=_("Import batch %(id)d, %(file)s: %(count)d rejected rows.")
                % {"id": batch.pk, "file": batch.file_name, "count": batch.rejected_count},
            )
        ]
    )
