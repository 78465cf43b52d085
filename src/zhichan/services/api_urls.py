from .api_experts import ExpertDrawViewSet, ExpertViewSet

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [("services/experts", ExpertViewSet), ("services/expert-draws", ExpertDrawViewSet)]

from .api_inspections import InspectorViewSet, PlanViewSet  # noqa: E402

ROUTES += [("services/inspectors", InspectorViewSet), ("services/inspection-plans", PlanViewSet)]
