"""The projects module's kinds of events, each on the project it concerns."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

PROJECT_CREATED = EventKind("project.created", _("project entered"))
PROJECT_CHANGED = EventKind("project.changed", _("project details changed"))
PROJECT_APPROVED = EventKind("project.approved", _("project approved"))
PROJECT_STARTED = EventKind("project.started", _("project started"))
PROJECT_CHECKED = EventKind("project.checked", _("mid-term check recorded"))
PROJECT_ACCEPTED = EventKind("project.accepted", _("project accepted"))
PROJECT_ENDED = EventKind("project.ended", _("project ended early"))


def _measure(value) -> str:
    from .models import Measure

    return str(dict(Measure.choices).get(value, value))


def _phase(value) -> str:
    from .services.phases import phases

    return next((phase.name for phase in phases() if phase.key == value), value)


TARGET_SET = EventKind(
    "project.target_set", _("project target set"), shown={"measure": _measure}, order=("measure", "planned")
)
OUTPUTS_ADDED = EventKind("project.outputs_added", _("project outputs added"))
OUTPUT_REMOVED = EventKind("project.output_removed", _("project output removed"))
MILESTONE_ADDED = EventKind("project.milestone_added", _("milestone added"))
MILESTONE_REACHED = EventKind("project.milestone_reached", _("milestone reached"))
DELIVERABLE_ADDED = EventKind(
    "project.deliverable_added", _("deliverable attached"), shown={"phase": _phase}, order=("name", "phase")
)
RESULTS_RECORDED = EventKind("project.results_recorded", _("navigation analysis and conclusions recorded"))


def _stage(value) -> str:
    from .models import ReviewStage

    return str(dict(ReviewStage.choices).get(value, value))


REVIEWERS_DRAWN = EventKind(
    "project.reviewers_drawn", _("review experts drawn"), shown={"stage": _stage}, order=("stage", "wanted")
)
SCORE_RECORDED = EventKind(
    "project.score_recorded", _("expert's score recorded"), order=("expert_name", "expert", "score")
)


# Industry–university–research matching: each on the event, posting, match or agreement it concerns.
MATCHING_EVENT_ENTERED = EventKind("matching.event_entered", _("technology matching event entered"))


def _posting_kind(value) -> str:
    from .models import PostingKind

    return str(dict(PostingKind.choices).get(value, value))


POSTING_ADDED = EventKind(
    "matching.posting_added",
    _("technology demand or offer posted"),
    shown={"kind": _posting_kind},
    order=("kind", "title"),
)
MATCH_RECORDED = EventKind("matching.match_recorded", _("technology match recorded"))


def _outcome(value) -> str:
    from .models import Outcome

    return str(dict(Outcome.choices).get(value, value))


OUTCOME_RECORDED = EventKind(
    "matching.outcome_recorded",
    _("match outcome recorded"),
    shown={"outcome": _outcome},
    order=("outcome", "outcome_on"),
)
AGREEMENT_ENTERED = EventKind("agreement.entered", _("co-operation agreement entered"))
AGREEMENT_DOCUMENT_ADDED = EventKind("agreement.document_added", _("agreement document attached"))
