from .accounts import Role, User
from .audit import AuthEvent
from .calendar import CalendarDay, CalendarYear
from .exports import ExportFile
from .imports import ImportBatch, ImportRejection, ImportState
from .notifications import Notification
from .people import Committee, Membership, Person
from .regions import Population, Region, RegionKind
from .tasks import TaskProgress, WorkerHeartbeat
from .units import Unit, UnitKind

__all__ = [
    "AuthEvent",
    "CalendarDay",
    "CalendarYear",
    "ExportFile",
    "ImportBatch",
    "ImportRejection",
    "ImportState",
    "Committee",
    "Membership",
    "Notification",
    "Person",
    "Population",
    "Region",
    "RegionKind",
    "Role",
    "TaskProgress",
    "Unit",
    "UnitKind",
    "User",
    "WorkerHeartbeat",
]
