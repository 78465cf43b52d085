"""Checking an uploaded evidence file: its type by content (not only its name) and its size."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word / Excel / WPS documents
# extension → (content type, test of the first bytes)
ALLOWED = {
    ".pdf": ("application/pdf", lambda head: head.startswith(b"%PDF-")),
    ".png": ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", None),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", None),
    ".doc": ("application/msword", lambda head: head.startswith(OLE)),
    ".ppt": ("application/vnd.ms-powerpoint", lambda head: head.startswith(OLE)),
    ".xls": ("application/vnd.ms-excel", lambda head: head.startswith(OLE)),
    ".wps": ("application/vnd.ms-works", lambda head: head.startswith(OLE)),
    ".et": ("application/vnd.ms-excel", lambda head: head.startswith(OLE)),
}


def max_bytes() -> int:
    return settings.EVIDENCE_MAX_MB * 1024 * 1024


def _is_office_open_xml(uploaded) -> bool:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        uploaded.seek(0)


def check_evidence(uploaded) -> str:
    """Return the content type of an acceptable file; raise ValidationError naming the problem otherwise."""
    name = uploaded.name or ""
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("%(name)s: only PDF, PNG, JPEG and office documents (Word, Excel, PowerPoint, WPS) are accepted.")
            % {"name": name}
        )
    if uploaded.size > max_bytes():
        raise ValidationError(
            _("%(name)s is %(size).1f MB; the limit is %(limit)d MB.")
            % {"name": name, "size": uploaded.size / 1024 / 1024, "limit": settings.EVIDENCE_MAX_MB}
        )
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    content_type, test = ALLOWED[extension]
    head = uploaded.read(16)
    uploaded.seek(0)
    valid = _is_office_open_xml(uploaded) if test is None else test(head)
    if not valid:
        raise ValidationError(
            _("%(name)s does not contain what its name says (%(extension)s).") % {"name": name, "extension": extension}
        )
    return content_type
