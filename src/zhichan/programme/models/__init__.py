from .plan import Comparator, Goal, Programme, ReportingFrequency, Target, TargetKind
from .reports import ProgressReport
from .supervision import Urging
from .tasks import Assignment, Milestone, Task, TaskKind, UnitPlan

__all__ = [
    "Assignment",
    "Comparator",
    "Goal",
    "Milestone",
    "Programme",
    "ProgressReport",
    "ReportingFrequency",
    "Target",
    "TargetKind",
    "Task",
    "TaskKind",
    "UnitPlan",
    "Urging",
]
