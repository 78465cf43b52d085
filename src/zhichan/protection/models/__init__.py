from .cases import Case, Source, State
from .kinds import CaseKind, IPType
from .parties import CaseParty, PartyKind

__all__ = ["Case", "CaseKind", "CaseParty", "IPType", "PartyKind", "Source", "State"]
from .complaints import Channel, Complaint, ComplaintKind, ComplaintState  # noqa: E402

__all__ += ["Channel", "Complaint", "ComplaintKind", "ComplaintState"]

from .assistance import AssistanceKind, AssistanceOutcome, AssistanceRequest  # noqa: E402
from .mediation import (  # noqa: E402
    CONCLUDED,
    JudicialConfirmation,
    Mediation,
    MediationKind,
    MediationParty,
    MediationSession,
    MediationState,
    Ruling,
    Side,
)

__all__ += [
    "CONCLUDED",
    "AssistanceKind",
    "AssistanceOutcome",
    "AssistanceRequest",
    "JudicialConfirmation",
    "Mediation",
    "MediationKind",
    "MediationParty",
    "MediationSession",
    "MediationState",
    "Ruling",
    "Side",
]

from .special_actions import ActionState, Inspection, SpecialAction  # noqa: E402

__all__ += ["ActionState", "Inspection", "SpecialAction"]
from .pool import PooledCase  # noqa: E402

__all__ += ["PooledCase"]

from .meetings import (  # noqa: E402
    DecisionState,
    JointMeeting,
    MeetingAttendance,
    MeetingDecision,
    MeetingFrequency,
    MeetingKind,
)

__all__ += ["DecisionState", "JointMeeting", "MeetingAttendance", "MeetingDecision", "MeetingFrequency", "MeetingKind"]

from .transfers import Outcome, PoliceDecision, Transfer, TransferState  # noqa: E402

__all__ += ["Outcome", "PoliceDecision", "Transfer", "TransferState"]
