"""Attaching files to records and removing them: the one upload path for every app.

The file's type is read from its content and must be what its name says, and the whole file is then read by a
parser for that type (filetypes.py: a PDF, an image, an office file that is not sound is refused); programs are
refused whatever their name; the size is limited by `settings.ATTACHMENT_MAX_MB`. Who may attach or remove is
the record's rule, passed by the caller (`may_write(user, record)`, by default: the user may edit the record).
"""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Attachment
from ..scoping import can_edit
from . import filetypes


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_MB * 1024 * 1024


def check_file(uploaded, accept=tuple(filetypes.BY_EXTENSION)) -> str:
    """The content type of an acceptable file (one of the `accept` extensions); a ValidationError naming the file
    and the problem otherwise."""
    name = uploaded.name or ""
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if uploaded.size > max_bytes():
        raise ValidationError(
            _("%(name)s is %(size).1f MB; the limit is %(limit)d MB.")
            % {"name": name, "size": uploaded.size / 1024 / 1024, "limit": settings.ATTACHMENT_MAX_MB}
        )
    if filetypes.is_program(filetypes.head_of(uploaded)):
        raise ValidationError(_("%(name)s is a program; programs cannot be attached.") % {"name": name})
    extension = filetypes.extension_of(name)
    if extension not in accept:
        raise ValidationError(
            _("%(name)s: files of this type are not accepted; accepted are %(extensions)s.")
            % {"name": name, "extensions": " ".join(accept)}
        )
    kind = filetypes.matches(uploaded, extension)
    if kind is None:
        raise ValidationError(
            _("%(name)s does not contain what its name says (%(extension)s).") % {"name": name, "extension": extension}
        )
    reason = filetypes.problem(uploaded, kind)
    if reason:
        raise ValidationError(_("%(name)s cannot be accepted: %(reason)s.") % {"name": name, "reason": reason})
    return kind.content_type


def checksum(uploaded) -> str:
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


@transaction.atomic
def attach(
    user, record, uploaded, *, kind="", label="", accept=tuple(filetypes.BY_EXTENSION), may_write=can_edit
) -> Attachment:
    """Store the uploaded file on the record, after checking who may (the record's rule) and what it is."""
    if not may_write(user, record):
        raise PermissionDenied
    content_type = check_file(uploaded, accept)
    attachment = Attachment(
        record=record,
        file=uploaded,
        name=(uploaded.name or "")[:200],
        content_type=content_type,
        size=uploaded.size,
        checksum=checksum(uploaded),
        kind=kind,
        label=label,
        uploaded_by=user,
    )
    attachment._history_user = user
    attachment.save()
    return attachment


@transaction.atomic
def remove(user, attachment, *, may_write=can_edit):
    """Delete the attachment; its file goes once the deletion is committed, so a rollback keeps both."""
    if not may_write(user, attachment.record):
        raise PermissionDenied
    file = attachment.file
    attachment._history_user = user
    attachment.delete()
    transaction.on_commit(lambda: file.delete(save=False))
