"""What every built document is (a workbook, a Word document, a PDF) and the one way to answer a download.

A document built for an export follows `Document`: a file name in the reader's language, about how many rows it
holds, what a row costs to write compared with a spreadsheet row (a PDF page is laid out, a sheet row is only
written), and `render(progress)` giving the bytes. `core/services/exports.py` decides from `rows × row_cost`
whether to send it at once or build it in the background.
"""

from typing import Protocol
from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
CONTENT_TYPES = {"xlsx": XLSX, "docx": DOCX, "pdf": PDF}


class Document(Protocol):
    filename: str
    rows: int
    row_cost: int

    def render(self, progress=None) -> bytes:
        """The file's bytes; `progress(done, total, message)` is told as rows are written."""


def content_type(filename: str) -> str:
    return CONTENT_TYPES.get(filename.rpartition(".")[2].lower(), "application/octet-stream")


def response(content: bytes, filename: str) -> HttpResponse:
    """A file to download, its type told by its name's suffix."""
    reply = HttpResponse(content, content_type=content_type(filename))
    reply["Content-Disposition"] = attachment(filename)
    return reply


UNSAFE_IN_NAMES = str.maketrans({c: "-" for c in '/\\:*?"<>|\r\n\t'})


def clean_filename(name: str) -> str:
    """A name every system accepts: no path separators or characters Windows refuses."""
    return " ".join(name.translate(UNSAFE_IN_NAMES).split())[:200] or "export.xlsx"


def attachment(filename: str) -> str:
    """Content-Disposition for a download: the name in UTF-8 (RFC 5987 filename*), and an ASCII name for old
    clients that read only filename (the Chinese dropped, the date and extension kept)."""
    name = clean_filename(filename)
    stem, dot, suffix = name.rpartition(".")
    ascii_stem = "".join(c for c in (stem if dot else name) if c.isascii() and (c.isalnum() or c in "-_ ")).strip("-_ ")
    fallback = f"{ascii_stem or 'export'}{dot}{suffix if dot else ''}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
