"""Small real files for upload tests, built in memory: each opens in the reader of its type."""

import io
import struct
import zipfile

from PIL import Image
from pypdf import PdfWriter

OFFICE = "application/vnd.openxmlformats-officedocument."
MAIN_PARTS = {
    "word/document.xml": "wordprocessingml.document",
    "xl/workbook.xml": "spreadsheetml.sheet",
    "ppt/presentation.xml": "presentationml.presentation",
}


def pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)  # A4 in points
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = pdf()


def image(format_: str = "PNG", size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=format_)
    return buffer.getvalue()


PNG = image("PNG")
JPEG = image("JPEG")


def content_types(*parts: str, content_type: str | None = None) -> str:
    overrides = "".join(
        f'<Override PartName="/{part}" ContentType="{content_type or OFFICE + MAIN_PARTS[part] + ".main+xml"}"/>'
        for part in parts
        if part in MAIN_PARTS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )


def ooxml(*parts: str, extra: dict | None = None, content_type: str | None = None) -> bytes:
    """An Office Open XML package with the given parts, its main part declared as its kind's."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types(*parts, content_type=content_type))
        for part in parts:
            archive.writestr(part, "<x/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def compound_document() -> bytes:
    """The 512-byte header of a compound document (legacy .doc/.xls), version 3, and an empty sector."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    return bytes(header) + bytes(512)
