from django.urls import path

from .views import choice, closing, documents, exports, overview, reports, supervision, tasks

urlpatterns = [
    path("programmes/", overview.programme_list, name="programme-list"),
    path("programmes/choose/", choice.choose_programme, name="programme-choose"),
    path("programmes/<int:pk>/", overview.programme_overview, name="programme-overview"),
    path("programmes/<int:pk>/timeline/", overview.timeline, name="programme-timeline"),
    path("programmes/<int:pk>/supervision/", supervision.supervision, name="programme-supervision"),
    path("programmes/<int:pk>/urge/", supervision.unit_urge, name="unit-urge"),
    path("programmes/<int:pk>/review/", reports.review_queue, name="programme-review"),
    path("programmes/<int:pk>/unit-tasks/", reports.unit_tasks, name="programme-unit-tasks"),
    path("programmes/<int:pk>/closing/", closing.closing_review, name="programme-closing"),
    path("programmes/<int:pk>/closing.xlsx", closing.closing_export, name="programme-closing-export"),
    path("programmes/<int:pk>/ledger.xlsx", exports.ledger_export, name="programme-ledger"),
    path("programmes/<int:pk>/reports.xlsx", exports.reports_export, name="programme-reports-export"),
    path("programmes/<int:pk>/ledger.docx", documents.ledger_document, {"kind": "docx"}, name="programme-ledger-docx"),
    path("programmes/<int:pk>/ledger.pdf", documents.ledger_document, {"kind": "pdf"}, name="programme-ledger-pdf"),
    path(
        "programmes/<int:pk>/reports.docx", documents.reports_document, {"kind": "docx"}, name="programme-reports-docx"
    ),
    path("programmes/<int:pk>/reports.pdf", documents.reports_document, {"kind": "pdf"}, name="programme-reports-pdf"),
    path("programme-tasks/<int:pk>/", tasks.task_page, name="task-page"),
    path("programme-tasks/<int:pk>/assign/", tasks.task_assign, name="task-assign"),
    path("programme-tasks/<int:pk>/schedule/", tasks.task_schedule, name="task-schedule"),
    path("programme-tasks/<int:pk>/milestones/", tasks.milestone_add, name="milestone-add"),
    path("programme-tasks/<int:pk>/plan/", tasks.unit_plan, name="unit-plan"),
    path("programme-tasks/<int:pk>/urge/", supervision.task_urge, name="task-urge"),
    path("urgings/<int:pk>/answer/", supervision.urging_answer, name="urging-answer"),
    path("programme-tasks/<int:pk>/report/", reports.report_open, name="report-open"),
    path("assignments/<int:pk>/confirm/", tasks.assignment_confirm, name="assignment-confirm"),
    path("assignments/<int:pk>/remove/", tasks.assignment_remove, name="assignment-remove"),
    path("milestones/<int:pk>/toggle/", tasks.milestone_done, name="milestone-toggle"),
    path("reports/<int:pk>/", reports.report_detail, name="report-detail"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="report-submit"),
    path("reports/<int:pk>/return/", reports.report_return, name="report-return"),
    path("reports/<int:pk>/accept/", reports.report_accept, name="report-accept"),
    path("reports/<int:pk>/evidence/", reports.evidence_upload, name="evidence-upload"),
    path("evidence/<int:pk>/delete/", reports.evidence_delete, name="evidence-delete"),
]
