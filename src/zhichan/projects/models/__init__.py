from .agreements import CooperationAgreement
from .matching import Match, MatchingEvent, Outcome, Posting, PostingKind
from .projects import (
    OPEN,
    T6_TYPES,
    Level,
    Measure,
    Milestone,
    NavigationType,
    Output,
    Project,
    ProjectKind,
    State,
    Target,
)
from .reviews import Review, ReviewStage, Score

__all__ = [
    "OPEN",
    "T6_TYPES",
    "CooperationAgreement",
    "Level",
    "Match",
    "MatchingEvent",
    "Measure",
    "Milestone",
    "NavigationType",
    "Outcome",
    "Output",
    "Posting",
    "PostingKind",
    "Project",
    "ProjectKind",
    "Review",
    "ReviewStage",
    "Score",
    "State",
    "Target",
]
