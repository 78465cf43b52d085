"""Importing a previewed file ("import now"): the stored file of a preview becomes a real import, once."""

import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import ImportBatch, ImportState
from ..roles import Role, role_of
from .starting import enqueue, file_checksum


def may_confirm(user, preview: ImportBatch) -> bool:
    """The user who previewed, or the office, may import a preview."""
    return preview.user_id == user.pk or role_of(user) == Role.OFFICE


def confirmable(preview: ImportBatch) -> str:
    """Why this preview cannot be imported now, or "" when it can."""
    if not preview.dry_run:
        return _("This batch is already an import, not a preview.")
    if preview.state != ImportState.DONE:
        return _("The preview has not finished; wait for it, then import.")
    if preview.confirmations.exists():
        return _("This preview has already been imported.")
    if not preview.accepted_count:
        if preview.rejected_count:
            return _(
                "No row of this file can be imported: every row was rejected. Download the rejected rows, fix them "
                "and preview that file."
            )
        return _("No row of this file can be imported: it has no rows of data.")
    if not preview.file or not os.path.exists(preview.file.path):
        return _("The previewed file is no longer stored; upload it again.")
    return ""


def register_changed_since(preview: ImportBatch) -> bool:
    """Whether another import of the same register finished after the preview: its counts may be out of date
    (the import itself still checks every row against the register as it is then)."""
    if not preview.finished:
        return False
    later = ImportBatch.objects.filter(
        kind=preview.kind, dry_run=False, state=ImportState.DONE, finished__gt=preview.finished
    )
    return later.exclude(preview=preview).exists()


def confirm_preview(user, preview: ImportBatch) -> ImportBatch:
    """A new import batch of the preview's stored file, started in the background; ValidationError says why
    not (already imported, not finished, the file changed since the preview)."""
    if not may_confirm(user, preview):
        raise PermissionDenied
    with transaction.atomic():
        batch = _confirmation(user, ImportBatch.objects.select_for_update().get(pk=preview.pk))
    return enqueue(batch, user)  # after the commit: a worker must see the new batch


def _confirmation(user, preview: ImportBatch) -> ImportBatch:
    reason = confirmable(preview)
    if not reason and preview.checksum and file_checksum(preview.file) != preview.checksum:
        reason = _("The stored file has changed since the preview; upload it again and preview it.")
    if reason:
        raise ValidationError(reason)
    batch = ImportBatch(
        kind=preview.kind,
        user=user,
        file=preview.file.name,  # the same stored file, not a copy
        file_name=preview.file_name,
        profile=preview.profile,
        source=preview.source,
        dry_run=False,
        checksum=preview.checksum,
        preview=preview,
        language=get_language() or preview.language,
    )
    try:
        with transaction.atomic():
            batch.save()
    except IntegrityError:  # someone pressed "import now" on the same preview a moment earlier
        raise ValidationError(_("This preview has already been imported.")) from None
    return batch
