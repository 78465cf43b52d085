from .cases import Case, Source, State
from .kinds import CaseKind, IPType
from .parties import CaseParty, PartyKind

__all__ = ["Case", "CaseKind", "CaseParty", "IPType", "PartyKind", "Source", "State"]
from .complaints import Channel, Complaint, ComplaintKind, ComplaintState  # noqa: E402

__all__ += ["Channel", "Complaint", "ComplaintKind", "ComplaintState"]
