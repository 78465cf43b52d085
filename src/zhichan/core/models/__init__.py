from .accounts import Role, User
from .attachments import Attachment
from .audit import AuthEvent
from .calendar import CalendarDay, CalendarYear
from .exports import ExportFile
from .notifications import Notification
from .people import Committee, Membership, Person
from .regions import Population, Region, RegionKind
from .tasks import TaskProgress, WorkerHeartbeat
from .units import Unit, UnitKind

__all__ = [
    "Attachment",
    "AuthEvent",
    "CalendarDay",
    "CalendarYear",
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
