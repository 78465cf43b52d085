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
from .api_special_actions import InspectionViewSet, SpecialActionViewSet  # noqa: E402

ROUTES += [
    ("protection/special-actions", SpecialActionViewSet),
    ("protection/inspections", InspectionViewSet),
]


from django.urls import path  # noqa: E402

from . import api_pool  # noqa: E402

ROUTES += [("protection/pool", api_pool.PoolViewSet)]
urlpatterns = [
    *globals().get("urlpatterns", []),
    path("protection/parties/", api_pool.party_search, name="api-party-search"),
    path("protection/parties/record/", api_pool.party_record, name="api-party-record"),
    path("protection/repeat-infringers/", api_pool.RepeatInfringerList.as_view(), name="api-repeat-infringers"),
]

from .api_meetings import JointMeetingViewSet, MeetingDecisionViewSet  # noqa: E402

ROUTES += [
    ("protection/meetings", JointMeetingViewSet),
    ("protection/meeting-decisions", MeetingDecisionViewSet),
]

from .api_transfers import TransferViewSet  # noqa: E402

ROUTES += [("protection/transfers", TransferViewSet)]
