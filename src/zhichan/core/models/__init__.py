from .accounts import Role, User
from .attachments import Attachment
from .audit import AuthEvent
from .calendar import CalendarDay, CalendarYear
from .changes import ChangeMark
from .clocks import Clock, DeadlineRule, ExcludedPeriod, Extension, PeriodUnit
from .events import Event
from .exports import ExportFile
from .imports import ImportBatch, ImportRejection, ImportState
from .notifications import Notification
from .people import Committee, Membership, Person
from .regions import Population, Region, RegionKind
from .tasks import TaskProgress, WorkerHeartbeat
from .tokens import ApiToken, token_digest
from .units import Unit, UnitKind

__all__ = [
    "ApiToken",
    "token_digest",
    "Attachment",
    "AuthEvent",
    "CalendarDay",
    "CalendarYear",
    "ChangeMark",
    "Clock",
    "DeadlineRule",
    "ExcludedPeriod",
    "Extension",
    "PeriodUnit",
    "Event",
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
