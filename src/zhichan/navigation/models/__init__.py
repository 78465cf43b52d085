from .branches import Branch
from .merging import ApplicantAlias
from .sets import DateBasis, PatentSet, SetKind, SetPatent, SetState

__all__ = ["ApplicantAlias", "Branch", "DateBasis", "PatentSet", "SetKind", "SetPatent", "SetState"]
