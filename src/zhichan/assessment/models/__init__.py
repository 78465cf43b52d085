from .appeals import Appeal, AppealState
from .evaluation import EvaluationIndex
from .notices import Notice, NoticeKind, NoticeState
from .rounds import ItemKind, ItemScore, Participant, ParticipantState, Round, RoundState
from .schemes import Scheme

__all__ = [
    "Appeal",
    "AppealState",
    "EvaluationIndex",
    "ItemKind",
    "ItemScore",
    "Notice",
    "NoticeKind",
    "NoticeState",
    "Participant",
    "ParticipantState",
    "Round",
    "RoundState",
    "Scheme",
]
