"""What a file is, read from its content. A name's extension only says what the file claims to be.

Two steps: `matches` compares the first bytes (the "magic numbers") and, for Office Open XML and OpenDocument
files, the parts inside the ZIP with what the extension names; `problem` then reads the whole document with a
parser for its type and says why it is not a sound file of that type (None when it is):

- PDF: pypdf reads the cross-reference table, the catalogue and every page; the file must end as a PDF ends
  (`%%EOF`), have a page, open without a password and run no script or program when opened or clicked.
- Images: Pillow verifies the file and decodes its pixels (a truncated or forged image fails), within Pillow's
  limit on pixels (a "decompression bomb" fails too).
- PDF and images are also searched for web page code (`<script`, `<html`, ...): a file that a browser could take
  for a page is refused even when it is a valid document as well (a "polyglot").
- ZIP-based office files (.docx, .xlsx, .pptx, OpenDocument, OFD): the archive is checked by `archives.inspect`
  (no entry outside the archive, a bounded number and unpacked size); Office Open XML must declare its main part
  with the content type of its kind in `[Content_Types].xml`, and must hold no macros.
- Legacy office files (.doc, .xls, .ppt, .wps, .et): the compound document's header must be sound.
"""

import codecs
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from . import archives

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
MARKUP = (b"<script", b"<html", b"<iframe", b"<body", b"<object", b"<embed", b"javascript:")
CHUNK = 1024 * 1024
CONTENT_TYPES_MAX = 1024 * 1024  # an office file's [Content_Types].xml is a few KB
OOXML_MAIN = "application/vnd.openxmlformats-officedocument.{}.main+xml"
PDF_ACTIONS = ("/JavaScript", "/Launch")


@dataclass(frozen=True)
class FileType:
    content_type: str
    test: Callable  # (first bytes, file) -> bool
    parse: Callable | None = None  # (file) -> why it is not a sound file of this type, or None


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


def _markup(uploaded) -> str | None:
    """Web page code anywhere in the file (read in overlapping chunks, case ignored)."""
    overlap = max(len(marker) for marker in MARKUP) - 1
    uploaded.seek(0)
    carried = b""
    try:
        while chunk := uploaded.read(CHUNK):
            window = (carried + chunk).lower()
            for marker in MARKUP:
                if marker in window:
                    return _("it contains web page code (%(code)s)") % {"code": marker.decode()}
            carried = window[-overlap:]
    finally:
        uploaded.seek(0)
    return None


def _pdf_runs_code(reader) -> bool:
    """An action that runs a script or a program: on opening, on a page, or behind a link or form field."""

    def runs(action, depth=0) -> bool:
        if depth > 32:
            return True  # a chain of actions this long is no document's
        action = action.get_object() if action is not None else None
        if isinstance(action, list):
            return any(runs(item, depth + 1) for item in action)
        if not hasattr(action, "get"):
            return False
        return action.get("/S") in PDF_ACTIONS or runs(action.get("/Next"), depth + 1)

    def any_of(holder) -> bool:
        holder = holder.get_object() if holder is not None else None
        if not hasattr(holder, "get"):
            return False
        if runs(holder.get("/A")) or runs(holder.get("/OpenAction")):
            return True
        triggers = holder.get("/AA")
        triggers = triggers.get_object() if triggers is not None else None
        return hasattr(triggers, "values") and any(runs(action) for action in triggers.values())

    catalog = reader.trailer["/Root"].get_object()
    names = catalog.get("/Names")
    names = names.get_object() if names is not None else None
    if hasattr(names, "get") and names.get("/JavaScript") is not None:
        return True
    if any_of(catalog):
        return True
    for page in reader.pages:
        if any_of(page):
            return True
        for annotation in page.get("/Annots") or []:
            if any_of(annotation):
                return True
    form = catalog.get("/AcroForm")
    form = form.get_object() if form is not None else None
    return hasattr(form, "get") and any(any_of(field) for field in form.get("/Fields") or [])


def _pdf(uploaded) -> str | None:
    from pypdf import PdfReader

    uploaded.seek(0, 2)
    size = uploaded.tell()
    uploaded.seek(max(0, size - 1024))
    tail = uploaded.read()
    uploaded.seek(0)
    if b"%%EOF" not in tail:
        return _("the PDF is incomplete (it does not end as a PDF ends)")
    damaged = _("the PDF is damaged and cannot be read")
    try:
        reader = PdfReader(uploaded, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return _("the PDF is protected by a password")
        pages = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018  every page must be a page
        runs_code = pages and _pdf_runs_code(reader)
    except Exception:  # a parser of untrusted input fails in many ways; each means the same to the reader
        return damaged
    finally:
        uploaded.seek(0)
    if not pages:
        return _("the PDF has no pages")
    if runs_code:
        return _("the PDF holds a script or a program that runs when it is opened or clicked")
    return _markup(uploaded)


def _image(expected: str):
    def parse(uploaded) -> str | None:
        from PIL import Image

        uploaded.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(uploaded) as image:
                    found = image.format
                    image.verify()
                uploaded.seek(0)
                with Image.open(uploaded) as image:
                    image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            return _("the image is too large (more than %(limit)d pixels)") % {"limit": Image.MAX_IMAGE_PIXELS}
        except Exception:  # as for PDF: any failure of the decoder is a damaged image
            return _("the image is damaged or incomplete")
        finally:
            uploaded.seek(0)
        if found != expected:
            return _("the image is a %(found)s, not a %(expected)s") % {"found": found, "expected": expected}
        return _markup(uploaded)

    return parse


def _archive(then: Callable | None = None):
    """A ZIP-based document: a safe archive, then what its kind needs inside."""

    def parse(uploaded) -> str | None:
        try:
            contents = archives.inspect(uploaded)
            return then(uploaded, contents) if then else None
        except archives.UnsafeArchive as refused:
            return str(refused)

    return parse


def _office_parts(kind: str, main_part: str):
    """Office Open XML: the main part declared with its kind's content type, and no macros."""
    wanted = OOXML_MAIN.format(kind)

    def check(uploaded, contents) -> str | None:
        if any(name.lower().endswith("vbaproject.bin") for name in contents.names):
            return _("the document contains macros")
        data = archives.read_bounded(uploaded, "[Content_Types].xml", CONTENT_TYPES_MAX)
        try:
            declared = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            return _("the document's list of parts ([Content_Types].xml) is damaged")
        for override in declared.iter():
            if override.tag.endswith("Override") and override.get("PartName", "").lstrip("/") == main_part:
                if override.get("ContentType") == wanted:
                    return None
                if "macroEnabled" in (override.get("ContentType") or ""):
                    return _("the document contains macros")
                break
        return _("the document's main part (%(part)s) is not declared as its kind's") % {"part": main_part}

    return check


def _compound_document(uploaded) -> str | None:
    """The header of a compound document: byte order, version and sector size as the format defines them."""
    header = head_of(uploaded)[:512]
    if len(header) < 512:
        return _("the document is damaged (its header is incomplete)")
    minor, major, byte_order, sector_shift = struct.unpack_from("<HHHH", header, 24)
    if byte_order != 0xFFFE or (major, sector_shift) not in ((3, 9), (4, 12)):
        return _("the document is damaged (its header is not that of an office document)")
    return None


PDF = FileType("application/pdf", _starts(b"%PDF-"), _pdf)
PNG = FileType("image/png", _starts(b"\x89PNG\r\n\x1a\n"), _image("PNG"))
JPEG = FileType("image/jpeg", _starts(b"\xff\xd8\xff"), _image("JPEG"))
GIF = FileType("image/gif", _starts(b"GIF87a", b"GIF89a"), _image("GIF"))
WEBP = FileType("image/webp", lambda head, uploaded: head.startswith(b"RIFF") and head[8:12] == b"WEBP", _image("WEBP"))
OFFICE = "application/vnd.openxmlformats-officedocument."
OPEN_DOCUMENT = "application/vnd.oasis.opendocument."


def _ooxml(kind: str, main_part: str) -> FileType:
    return FileType(f"{OFFICE}{kind}", _office_open_xml(main_part), _archive(_office_parts(kind, main_part)))


def _compound(content_type: str) -> FileType:
    return FileType(content_type, _starts(OLE), _compound_document)


# extension → what a file with that name must contain
BY_EXTENSION = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".gif": GIF,
    ".webp": WEBP,
    ".docx": _ooxml("wordprocessingml.document", "word/document.xml"),
    ".xlsx": _ooxml("spreadsheetml.sheet", "xl/workbook.xml"),
    ".pptx": _ooxml("presentationml.presentation", "ppt/presentation.xml"),
    ".doc": _compound("application/msword"),
    ".xls": _compound("application/vnd.ms-excel"),
    ".ppt": _compound("application/vnd.ms-powerpoint"),
    ".wps": _compound("application/vnd.ms-works"),
    ".et": _compound("application/vnd.ms-excel"),
    ".odt": FileType(OPEN_DOCUMENT + "text", _open_document(OPEN_DOCUMENT + "text"), _archive()),
    ".ods": FileType(OPEN_DOCUMENT + "spreadsheet", _open_document(OPEN_DOCUMENT + "spreadsheet"), _archive()),
    ".ofd": FileType("application/ofd", _zip_with("OFD.xml"), _archive()),
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
    """The type the extension names, if the content starts as one; None if the content is something else."""
    kind = BY_EXTENSION.get(extension)
    if kind is None:
        return None
    return kind if kind.test(head_of(uploaded), uploaded) else None


def problem(uploaded, kind: FileType) -> str | None:
    """Why the file, which starts as `kind`, is not a sound file of that kind when read whole; None if it is."""
    return kind.parse(uploaded) if kind.parse else None
