from .api import CaseViewSet

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [("protection/cases", CaseViewSet)]

from .api_complaints import ComplaintViewSet  # noqa: E402

ROUTES += [("protection/complaints", ComplaintViewSet)]
from .api_mediation import AssistanceViewSet, ConfirmationViewSet, MediationViewSet  # noqa: E402

ROUTES += [
    ("protection/mediations", MediationViewSet),
    ("protection/confirmations", ConfirmationViewSet),
    ("protection/assistance", AssistanceViewSet),
]
from .api_transfers import TransferViewSet  # noqa: E402

ROUTES += [("protection/transfers", TransferViewSet)]
