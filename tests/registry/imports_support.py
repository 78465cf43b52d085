"""Helpers for the import tests: valid application numbers, files written in the layouts exports use."""

import csv
import io

from zhichan.core.imports.running import run_import
from zhichan.core.models import ImportBatch
from zhichan.registry.identifiers import patent_check_digit


def number(year: int, type_code: str, serial: int) -> str:
    digits = f"{year}{type_code}{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def write_csv(path, rows, encoding="utf-8", newline="\r\n"):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def do_import(user, kind, path, **options):
    batch = ImportBatch.objects.create(kind=kind, user=user, file_name=path.name, language="zh-hans", **options)
    return run_import(batch, path)


def rejections(batch):
    return [(r.row, r.field, r.value, r.reason) for r in batch.rejections.order_by("row", "pk")]
