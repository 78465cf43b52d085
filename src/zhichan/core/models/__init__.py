from .accounts import Role, User
from .audit import AuthEvent
from .calendar import CalendarDay, CalendarYear
from .events import Event
from .exports import ExportFile
from .notifications import Notification
from .people import Committee, Membership, Person
from .regions import Population, Region, RegionKind
from .tasks import TaskProgress, WorkerHeartbeat
from .units import Unit, UnitKind

__all__ = [
    "AuthEvent",
    "CalendarDay",
    "CalendarYear",
    "Event",
    "ExportFile",
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
