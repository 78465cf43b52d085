from .api_agencies import AgencyViewSet

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [("services/agencies", AgencyViewSet)]

from .api_outlets import OutletViewSet  # noqa: E402

ROUTES += [("services/outlets", OutletViewSet)]

from .api_custody import CustodyApplicationViewSet, EngagementViewSet  # noqa: E402

ROUTES += [("services/custody", EngagementViewSet), ("services/custody-applications", CustodyApplicationViewSet)]

from .api_experts import ExpertDrawViewSet, ExpertViewSet  # noqa: E402

ROUTES += [("services/experts", ExpertViewSet), ("services/expert-draws", ExpertDrawViewSet)]

from .api_inspections import InspectorViewSet, PlanViewSet  # noqa: E402

ROUTES += [("services/inspectors", InspectorViewSet), ("services/inspection-plans", PlanViewSet)]
