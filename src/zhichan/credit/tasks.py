"""Grading every subject runs in the background, with progress, as the office member who started it."""

from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.core.services.progress import finish, tracking


@task()
def grade_task(progress_id: int, as_of: str):
    import datetime

    from .services.grades import compute_grades

    with tracking(progress_id) as report:
        run = compute_grades(report.run.user, datetime.date.fromisoformat(as_of), progress=report)
    finish(progress_id, _("%(count)d subjects graded.") % {"count": sum(run.counts.values())})
