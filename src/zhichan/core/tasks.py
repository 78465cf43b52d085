"""Background tasks of the foundation: reloading a region or organisation file, importing a file, building an
export, mailing notifications."""

from django.utils.translation import gettext as _
from django_tasks import task

from .services.organisation import load_organisation
from .services.progress import finish, tracking
from .services.regions import load_regions


@task()
def reload_regions(progress_id: int, path: str):
    with tracking(progress_id) as report:
        result = load_regions(path, progress=report)
    finish(
        progress_id,
        _("%(count)d regions under %(county)s are up to date.")
        % {"count": result["regions"], "county": result["county"].name},
    )


@task()
def reload_organisation(progress_id: int, path: str):
    with tracking(progress_id) as report:
        result = load_organisation(path, progress=report)
    finish(progress_id, _("%(units)d units and %(committees)d committees are up to date.") % result)


@task()
def import_file(progress_id: int, batch_id: int):
    from .imports.running import run_import
    from .models import ImportBatch, ImportState, TaskProgress

    batch = ImportBatch.objects.get(pk=batch_id)
    with tracking(progress_id) as report:
        run_import(batch, batch.file.path, progress=report)
    if batch.state == ImportState.FAILED:
        TaskProgress.objects.filter(pk=progress_id).update(
            state=TaskProgress.State.FAILED, message=_("Failed: %(error)s") % {"error": batch.message}
        )
        return
    finish(progress_id, batch.message)


@task()
def build_export(progress_id: int, builder: str, query: str, kwargs: dict, language: str, asked: list):
    """An export too large to build in the request; the file is kept for the user who asked."""
    from django.utils.module_loading import import_string
    from django.utils.translation import override

    from .models import TaskProgress
    from .services.exports import build_file

    user = TaskProgress.objects.select_related("user").get(pk=progress_id).user
    with override(language or None), tracking(progress_id) as report:
        export = build_file(progress_id, user, import_string(builder), query, kwargs, asked, report)
        finish(progress_id, _("%(file)s is ready to download.") % {"file": export.name})


@task()
def mail_notifications(ids: list[int]):
    from .services.notify import mail

    mail(ids)
