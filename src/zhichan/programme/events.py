"""The programme's kinds of events. A report's events are on the report; the office's decisions on a task's
units, dates and milestones are on the task (with the unit concerned); an urging's on the urging."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

REPORT_OPENED = EventKind("report.opened", _("report started"))
REPORT_SUBMITTED = EventKind("report.submitted", _("submitted to the office"))
REPORT_RETURNED = EventKind("report.returned", _("returned with a reason"))
REPORT_ACCEPTED = EventKind("report.accepted", _("accepted"))
EVIDENCE_ATTACHED = EventKind("report.evidence_attached", _("evidence attached"))
EVIDENCE_REMOVED = EventKind("report.evidence_removed", _("evidence removed"))

UNIT_ASSIGNED = EventKind("task.assigned", _("unit given a part"))
UNIT_CONFIRMED = EventKind("task.confirmed", _("unit's part confirmed"))
UNIT_REMOVED = EventKind("task.unassigned", _("unit's part removed"))
SCHEDULE_SET = EventKind("task.scheduled", _("dates set"))
MILESTONE_ADDED = EventKind("task.milestone_added", _("milestone added"))
MILESTONE_CHANGED = EventKind("task.milestone_changed", _("milestone changed"))
UNIT_PLAN_SAVED = EventKind("task.unit_plan_saved", _("unit's work plan saved"))

URGED = EventKind("urging.urged", _("urged"))
URGING_ANSWERED = EventKind("urging.answered", _("urging answered"))
