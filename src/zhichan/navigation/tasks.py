"""Long work on patent sets runs in the background with progress, as the user who started it: reading a register
set, placing a set's patents in its branches again, and computing every set's figures after the merge table
changed."""

from contextlib import contextmanager

from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.core.services.progress import finish, start, tracking

from .models import PatentSet, SetState
from .services import sets


@contextmanager
def failing(set_id: int):
    """A set whose work fails says so (its page shows the task's message), then the task fails as any does."""
    try:
        yield
    except BaseException:
        PatentSet.objects.filter(pk=set_id).update(state=SetState.FAILED)
        raise


@task()
def read_set_task(progress_id: int, set_id: int):
    with failing(set_id), tracking(progress_id) as report:
        patent_set = sets.read_set(PatentSet.objects.get(pk=set_id), report.run.user, progress=report)
    finish(progress_id, _("%(count)d patents read.") % {"count": patent_set.patent_count})


@task()
def retag_task(progress_id: int, set_id: int):
    with failing(set_id), tracking(progress_id) as report:
        patent_set = sets.retag(PatentSet.objects.get(pk=set_id), progress=report)
    finish(progress_id, _("%(count)d patents placed in their branches.") % {"count": patent_set.patent_count})


@task()
def refresh_all_task(progress_id: int):
    with tracking(progress_id) as report:
        ready = list(PatentSet.objects.filter(state=SetState.READY))
        for done, patent_set in enumerate(ready):
            report(done, len(ready), patent_set.name)
            sets.refresh_figures(patent_set)
    finish(progress_id, _("The figures of %(count)d patent sets are computed again.") % {"count": len(ready)})


def read_in_background(user, patent_set):
    label = _("Read the patents of %(set)s") % {"set": patent_set.name}
    return _watched(patent_set, start(read_set_task, label, user, patent_set.pk))


def retag_in_background(user, patent_set):
    label = _("Place the patents of %(set)s in their branches") % {"set": patent_set.name}
    return _watched(patent_set, start(retag_task, label, user, patent_set.pk))


def _watched(patent_set, progress):
    PatentSet.objects.filter(pk=patent_set.pk).update(task=progress)
    return progress


def refresh_all_in_background(user):
    return start(refresh_all_task, _("Compute the figures of every patent set again"), user)


def create_register_set(user, **values):
    """A set of the register made (the action) and its patents read in the background: for the page and the API."""
    patent_set = sets.create_register_set(user, **values)
    read_in_background(user, patent_set)
    return patent_set


def own_set(user):
    """An enterprise's set of its own patents, read again in the background each time it is asked for."""
    patent_set = sets.own_set(user)
    read_in_background(user, patent_set)
    return patent_set
