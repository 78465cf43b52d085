"""What a file is, read from its content: the first bytes (the "magic numbers") and, for Office Open XML and
OpenDocument files, the parts inside the ZIP. A name's extension only says what the file claims to be."""

import codecs
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

HEAD_BYTES = 8192
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound document: legacy Word, Excel, PowerPoint, WPS
# Windows (MZ), Linux (ELF) and macOS (Mach-O, universal) programs, and scripts with an interpreter line.
PROGRAMS = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
TEXT_CONTROLS = set(b"\t\n\r\f")


@dataclass(frozen=True)
class FileType:
    content_type: str
    test: Callable  # (first bytes, file) -> bool


def _starts(*signatures: bytes):
    return lambda head, uploaded: head.startswith(signatures)


def _zip_names(uploaded) -> set:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        uploaded.seek(0)


def _zip_with(*parts: str):
    return lambda head, uploaded: head.startswith(b"PK") and set(parts) <= _zip_names(uploaded)


def _office_open_xml(main_part: str):
    return _zip_with("[Content_Types].xml", main_part)


def _open_document(mimetype: str):
    # The standard puts an uncompressed "mimetype" entry first, so its value sits at byte 38.
    marker = b"mimetype" + mimetype.encode()
    return lambda head, uploaded: head.startswith(b"PK") and head[30:].startswith(marker)


def _text(head: bytes, uploaded) -> bool:
    """Readable text in UTF-8 or GB 18030, without the control bytes binary files are full of."""
    if any(byte < 0x20 and byte not in TEXT_CONTROLS for byte in head):
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)  # a character cut at the end is fine
            return True
        except UnicodeDecodeError:
            continue
    return False


PDF = FileType("application/pdf", _starts(b"%PDF-"))
PNG = FileType("image/png", _starts(b"\x89PNG\r\n\x1a\n"))
JPEG = FileType("image/jpeg", _starts(b"\xff\xd8\xff"))
GIF = FileType("image/gif", _starts(b"GIF87a", b"GIF89a"))
WEBP = FileType("image/webp", lambda head, uploaded: head.startswith(b"RIFF") and head[8:12] == b"WEBP")
OFFICE = "application/vnd.openxmlformats-officedocument."
OPEN_DOCUMENT = "application/vnd.oasis.opendocument."

# extension → what a file with that name must contain
BY_EXTENSION = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".gif": GIF,
    ".webp": WEBP,
    ".docx": FileType(OFFICE + "wordprocessingml.document", _office_open_xml("word/document.xml")),
    ".xlsx": FileType(OFFICE + "spreadsheetml.sheet", _office_open_xml("xl/workbook.xml")),
    ".pptx": FileType(OFFICE + "presentationml.presentation", _office_open_xml("ppt/presentation.xml")),
    ".doc": FileType("application/msword", _starts(OLE)),
    ".xls": FileType("application/vnd.ms-excel", _starts(OLE)),
    ".ppt": FileType("application/vnd.ms-powerpoint", _starts(OLE)),
    ".wps": FileType("application/vnd.ms-works", _starts(OLE)),
    ".et": FileType("application/vnd.ms-excel", _starts(OLE)),
    ".odt": FileType(OPEN_DOCUMENT + "text", _open_document(OPEN_DOCUMENT + "text")),
    ".ods": FileType(OPEN_DOCUMENT + "spreadsheet", _open_document(OPEN_DOCUMENT + "spreadsheet")),
    ".ofd": FileType("application/ofd", _zip_with("OFD.xml")),
    ".txt": FileType("text/plain", _text),
    ".csv": FileType("text/csv", _text),
}
# PDF, office documents and photos, without plain text: the usual set for evidence of work done.
DOCUMENTS = (".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et")


def extension_of(name: str) -> str:
    return name[name.rfind(".") :].lower() if "." in name else ""


def head_of(uploaded) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    return head


def is_program(head: bytes) -> bool:
    return head.startswith(PROGRAMS)


def matches(uploaded, extension: str) -> FileType | None:
    """The type the extension names, if the content is one; None if the content is something else."""
    kind = BY_EXTENSION.get(extension)
    if kind is None:
        return None
    return kind if kind.test(head_of(uploaded), uploaded) else None
