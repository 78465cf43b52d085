"""Starting an import from the page: keep the uploaded file with a new batch and run it in the background."""

import hashlib

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import ImportBatch
from ..services.progress import start
from .errors import FileRejected
from .reading import max_bytes, too_large


def start_import(user, kind: str, upload, *, profile: str = "", dry_run: bool = False, source: str = "") -> ImportBatch:
    """Create the batch, store the file and enqueue the import; FileRejected if the file is too large."""
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


def file_checksum(stored) -> str:
    """SHA-256 of a stored file, read in blocks."""
    digest = hashlib.sha256()
    with stored.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
