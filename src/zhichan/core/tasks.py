"""Background tasks of the foundation that pages start: reloading a region or organisation file, importing a file.

A task that a service enqueues itself lives beside that service, so the two do not import each other:
`services/notify.py` mail_notifications, `services/exports.py` build_export.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from django_tasks import task

from .events import ORGANISATION_RELOADED, REGIONS_RELOADED, record
from .services.organisation import load_organisation
from .services.progress import finish, tracking
from .services.regions import load_regions, summary


@task()
def reload_regions(progress_id: int, path: str):
    with tracking(progress_id) as report:
        result = load_regions(path, progress=report)
        record(
            report.run.user,
            REGIONS_RELOADED,
            report.run,
            file=Path(path).name,
            regions=result["regions"],
            skipped=[row["code"] for row in result["skipped"]],
        )
    done = _("%(count)d regions under %(county)s are up to date.") % {
        "count": result["regions"],
        "county": result["region"].name,
    }
    finish(progress_id, " ".join([done, *summary(result)]))


@task()
def reload_organisation(progress_id: int, path: str):
    with tracking(progress_id) as report:
        result = load_organisation(path, progress=report)
        record(report.run.user, ORGANISATION_RELOADED, report.run, file=Path(path).name, **result)
    finish(progress_id, _("%(units)d units and %(committees)d committees are up to date.") % result)


@task()
def import_file(progress_id: int, batch_id: int):
    """The batch's import; its task ends (done) in the transaction that commits the batch's outcome."""
    from .imports.running import run_import
    from .models import ImportBatch, ImportState, TaskProgress

    batch = ImportBatch.objects.get(pk=batch_id)
    with tracking(progress_id) as report:
        run_import(batch, batch.file.path, progress=report, finished=lambda done: finish(progress_id, done.message))
    if batch.state == ImportState.FAILED:
        TaskProgress.objects.filter(pk=progress_id).update(
            state=TaskProgress.State.FAILED, message=_("Failed: %(error)s") % {"error": batch.message}
        )
