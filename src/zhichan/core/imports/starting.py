"""Starting an import from the page: keep the uploaded file with a new batch and run it in the background; start
a failed one again on the same file."""

import hashlib
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..actions import action, office_only
from ..events import IMPORT_RESTARTED
from ..models import ImportBatch, ImportState
from ..services.progress import start
from .errors import FileRejected
from .kinds import find_kind, may_import
from .reading import max_bytes, too_large


def start_import(user, kind: str, upload, *, profile: str = "", dry_run: bool = False, source: str = "") -> ImportBatch:
    """Create the batch, store the file and enqueue the import; FileRejected if the file is too large,
    PermissionDenied if the user's role may not import this kind."""
    declared = find_kind(kind)
    if declared is not None and not may_import(user, declared):
        raise PermissionDenied(_("Your role may not import this kind of record."))
    if upload.size > max_bytes():
        raise FileRejected(too_large(upload.size, max_bytes()))
    batch = ImportBatch(
        kind=kind,
        user=user,
        file_name=upload.name[:255],
        profile=profile,
        dry_run=dry_run,
        source=source,
        language=get_language() or "",
    )
    batch.file.save(upload.name, upload, save=False)
    batch.checksum = file_checksum(batch.file)
    batch.save()
    return enqueue(batch, user)


def enqueue(batch: ImportBatch, user) -> ImportBatch:
    """Run the batch's import in the background, watched by `user`."""
    from ..tasks import import_file

    label = (_("Preview of %(file)s") if batch.dry_run else _("Import of %(file)s")) % {"file": batch.file_name}
    progress = start(import_file, label, user, batch.pk)
    ImportBatch.objects.filter(pk=batch.pk).update(task=progress)
    batch.refresh_from_db()
    return batch


def restartable(batch: ImportBatch) -> str:
    """Why this batch cannot be started again now, or "" when it can: it failed (interrupted, or a database
    error) and its file is still stored as it was."""
    if batch.state != ImportState.FAILED:
        return _("Only a failed import can be started again.")
    if batch.file_refused:
        return _("The file itself was refused; correct it as the message says and upload it again.")
    if not batch.file or not os.path.exists(batch.file.path):
        return _("The file of this import is no longer stored; upload it again.")
    if batch.checksum and file_checksum(batch.file) != batch.checksum:
        return _("The stored file has changed since it was uploaded; upload it again.")
    return ""


@action(IMPORT_RESTARTED, on="batch", allow=office_only, data=lambda arguments, result: {"before": result})
def _reset(batch: ImportBatch, user) -> str:
    """The failed batch made ready to run again: its outcome, counts and rejected rows cleared. Returns the
    message it had, which the event keeps."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    reason = restartable(batch)
    if reason:
        raise ValidationError(reason)
    before = batch.message
    batch.rejections.all().delete()
    ImportBatch.objects.filter(pk=batch.pk).update(
        state=ImportState.QUEUED,
        message="",
        message_key=None,
        rows=0,
        created_count=0,
        updated_count=0,
        unchanged_count=0,
        rejected_count=0,
        written=0,
        started=None,
        finished=None,
    )
    return before


def restart_import(user, batch: ImportBatch) -> ImportBatch:
    """Start a failed import again on its stored file, in the background, watched by `user`; ValidationError
    says why not. Rows a chunked batch had written are found unchanged the second time."""
    _reset(batch, user)
    return enqueue(batch, user)  # after the commit, as a new import is


def file_checksum(stored) -> str:
    """SHA-256 of a stored file, read in blocks."""
    digest = hashlib.sha256()
    with stored.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
