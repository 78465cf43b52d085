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
    "Level",
    "Measure",
    "Milestone",
    "NavigationType",
    "Output",
    "Project",
    "ProjectKind",
    "Review",
    "ReviewStage",
    "Score",
    "State",
    "Target",
]
