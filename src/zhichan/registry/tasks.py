"""Background tasks of the registry: importing a file into a register."""

from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.core.models import TaskProgress
from zhichan.core.services.progress import finish, tracking


@task()
def import_file(progress_id: int, batch_id: int):
    from .models import ImportBatch, ImportState
    from .services.imports import run_import

    batch = ImportBatch.objects.get(pk=batch_id)
    with tracking(progress_id) as report:
        run_import(batch, batch.file.path, progress=report)
    if batch.state == ImportState.FAILED:
        TaskProgress.objects.filter(pk=progress_id).update(
            state=TaskProgress.State.FAILED, message=_("Failed: %(error)s") % {"error": batch.message}
        )
        return
    finish(progress_id, batch.message)
