from .grades import GradeRun, SubjectGrade
from .kinds import DishonestyKind
from .records import RUNNING, DishonestyRecord, RecordSource, RecordState, Standing
from .repair import RepairApplication, RepairState
from .serious import ON_LIST, ListingState, SeriousListEntry
from .subjects import SubjectKind

__all__ = [
    "ON_LIST",
    "RUNNING",
    "DishonestyKind",
    "DishonestyRecord",
    "GradeRun",
    "ListingState",
    "RecordSource",
    "RecordState",
    "RepairApplication",
    "RepairState",
    "SeriousListEntry",
    "Standing",
    "SubjectGrade",
    "SubjectKind",
]
