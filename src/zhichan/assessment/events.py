"""The assessment's kinds of events: on the scheme, the round, an assessed unit, an item, an appeal, a notice."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

SCHEME_SAVED = EventKind("assessment.scheme_saved", _("assessment scheme saved"))
ROUND_OPENED = EventKind("assessment.opened", _("assessment round opened"))
ROUND_RECOMPUTED = EventKind("assessment.recomputed", _("automatic items computed again"))
REVIEW_STARTED = EventKind("assessment.review_started", _("self-assessment closed, office review started"))
SENT_FOR_APPROVAL = EventKind("assessment.sent_for_approval", _("sent to the leadership for approval"))
ROUND_SENT_BACK = EventKind("assessment.sent_back", _("sent back to the office by the leadership"))
ROUND_APPROVED = EventKind("assessment.approved", _("results approved by the leadership"))
ROUND_PUBLISHED = EventKind("assessment.published", _("results published to the units"))
ROUND_CLOSED = EventKind("assessment.closed", _("round closed and frozen"))
SELF_ASSESSED = EventKind("assessment.self_assessed", _("item self-assessed"), order=("item", "points"))
EVIDENCE_ADDED = EventKind("assessment.evidence_added", _("evidence attached"), order=("item", "file"))
EVIDENCE_REMOVED = EventKind("assessment.evidence_removed", _("evidence removed"), order=("item", "file"))
SELF_SUBMITTED = EventKind("assessment.self_submitted", _("self-assessment submitted"))
ITEM_REVIEWED = EventKind("assessment.reviewed", _("item score reviewed"), order=("item", "points"))
APPEAL_FILED = EventKind("assessment.appeal_filed", _("appeal filed"))
APPEAL_DECIDED = EventKind("assessment.appeal_decided", _("appeal decided"), order=("state", "points"))
NOTICE_DRAFTED = EventKind("assessment.notice_drafted", _("notice drafted"))
NOTICE_EDITED = EventKind("assessment.notice_edited", _("notice edited"))
NOTICE_ISSUED = EventKind("assessment.notice_issued", _("notice issued"), order=("number",))
EVALUATION_INDEX_SAVED = EventKind("assessment.evaluation_index_saved", _("evaluation index saved"), order=("version",))
