"""Who may open each page and endpoint of the programme, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF

from ..core.permissions import OFFICE, PEOPLE_WRITERS, Draft
from ..files import PDF
from .conftest import MINI

EXPECTED = {
    "programme-list": (STAFF, STAFF),
    "programme-choose": (STAFF, STAFF),
    "programme-overview": (STAFF, STAFF),
    "programme-timeline": (STAFF, STAFF),
    "programme-supervision": (STAFF, STAFF),
    "programme-review": (SEE_ALL, SEE_ALL),
    "programme-unit-tasks": (STAFF, STAFF),
    "programme-ledger": (STAFF, STAFF),
    "programme-closing": (STAFF, STAFF),
    "programme-closing-export": (STAFF, STAFF),
    "programme-reports-export": (STAFF, STAFF),
    "programme-ledger-docx": (STAFF, STAFF),
    "programme-ledger-pdf": (STAFF, STAFF),
    "programme-reports-docx": (STAFF, STAFF),
    "programme-reports-pdf": (STAFF, STAFF),
    "task-page": (STAFF, STAFF),
    "task-assign": (STAFF, OFFICE),
    "task-schedule": (STAFF, OFFICE),
    "milestone-add": (STAFF, OFFICE),
    "milestone-toggle": (STAFF, OFFICE),
    "assignment-confirm": (STAFF, OFFICE),
    "assignment-remove": (STAFF, OFFICE),
    "unit-plan": (STAFF, PEOPLE_WRITERS),
    "task-urge": (STAFF, OFFICE),
    "unit-urge": (STAFF, OFFICE),
    "urging-answer": (STAFF, LIAISONS),
    "report-open": (STAFF, PEOPLE_WRITERS),
    "report-detail": (STAFF, PEOPLE_WRITERS),
    "report-submit": (STAFF, PEOPLE_WRITERS),
    "report-return": (STAFF, OFFICE),
    "report-accept": (STAFF, OFFICE),
    "evidence-upload": (STAFF, PEOPLE_WRITERS),
    "evidence-delete": (STAFF, PEOPLE_WRITERS),
    "api:programme-list": (STAFF, OFFICE),
    "api:programme-detail": (STAFF, OFFICE),
    "api:programme-status": (STAFF, OFFICE),
    "api:programme-targets": (STAFF, OFFICE),
    "api:goal-list": (STAFF, OFFICE),
    "api:goal-detail": (STAFF, OFFICE),
    "api:target-list": (STAFF, OFFICE),
    "api:target-detail": (STAFF, OFFICE),
    "api:task-list": (STAFF, OFFICE),
    "api:task-detail": (STAFF, OFFICE),
    "api:assignment-list": (STAFF, OFFICE),
    "api:assignment-detail": (STAFF, OFFICE),
    "api:assignment-confirm": (STAFF, OFFICE),
    "api:milestone-list": (STAFF, OFFICE),
    "api:milestone-detail": (STAFF, OFFICE),
    "api:unitplan-list": (STAFF, PEOPLE_WRITERS),
    "api:unitplan-detail": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-list": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-detail": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-submit": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-send-back": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-accept": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-evidence": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-history": (STAFF, PEOPLE_WRITERS),
    "api:urging-list": (STAFF, PEOPLE_WRITERS),
    "api:urging-detail": (STAFF, PEOPLE_WRITERS),
    "api:urging-answer": (STAFF, PEOPLE_WRITERS),
}


def rows(users):
    """A programme with reports, plans and evidence of two units, so every programme view has rows in and out of
    each liaison's scope."""
    from zhichan.programme.models import Milestone, Task
    from zhichan.programme.periods import periods
    from zhichan.programme.services import planning, reporting, supervision
    from zhichan.programme.services.loading import load_programme

    programme = load_programme(MINI)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    Milestone.objects.create(task=task, title="m", due=programme.start)
    for username, unit_key in [("amr-liaison", "amr"), ("court-liaison", "court")]:
        unit = Unit.objects.get(key=unit_key)
        report = reporting.open_report(task, unit, periods(programme)[0], users[username])
        reporting.attach(report, users[username], SimpleUploadedFile("e.pdf", PDF))
        planning.save_unit_plan(task, unit, users[username], "plan")
        supervision.urge(users["office"], unit, "督办", programme=programme, task=task)


def drafts(users):
    """The court's report of rows(), still a draft, with its evidence."""
    from zhichan.programme.models import ProgressReport
    from zhichan.programme.services import reporting

    court = users["court-liaison"]
    report = ProgressReport.objects.get(unit__key="court", task__key="4.1.2")
    report = reporting.save_report(report, court, narrative="法院草稿进展甲乙丙", percent=37, figures=[])
    return [
        Draft(
            row=report,
            markers=["法院草稿进展甲乙丙"],
            owner="court-liaison",
            submit=lambda: reporting.submit(report, court),
            # Submitted, it is read by the office and the leadership; reports are never another unit's to read.
            seen_after={"office", "leader", "court-liaison"},
            dependents=list(report.evidence.all()),
        )
    ]
