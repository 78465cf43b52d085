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
    "State",
    "Target",
]
