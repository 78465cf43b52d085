"""A set's navigation report is built in the background, with progress per section, as the office member who asked
for it (services/report.py)."""

from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.core.services.progress import finish, start, tracking

from .models import PatentSet
from .services.report import build_report


@task()
def report_task(progress_id: int, set_id: int, sections: list, texts: dict, level: str, against_id: int | None):
    with tracking(progress_id) as report:
        patent_set = PatentSet.objects.get(pk=set_id)
        against = PatentSet.objects.filter(pk=against_id).first() if against_id else None
        built = build_report(
            patent_set, report.run.user, sections=sections, texts=texts, level=level, against=against, progress=report
        )
    finish(
        progress_id, _("The report is built: %(word)s and %(pdf)s.") % {"word": built.word.name, "pdf": built.pdf.name}
    )


def report_in_background(user, patent_set, *, sections, texts, level="subclass", against=None):
    label = _("Build the navigation report of %(set)s") % {"set": patent_set.name}
    against_id = against.pk if against is not None else None
    return start(report_task, label, user, patent_set.pk, list(sections), dict(texts), level, against_id)
