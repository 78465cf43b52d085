from .agencies import Agency, Practitioner, PurchasedService, Qualification, ServiceKind

__all__ = ["Agency", "Practitioner", "PurchasedService", "Qualification", "ServiceKind"]

from .outlets import ActivityKind, Outlet, OutletActivity, OutletKind, OutletLevel  # noqa: E402

__all__ += ["ActivityKind", "Outlet", "OutletActivity", "OutletKind", "OutletLevel"]

from .custody import (  # noqa: E402
    CustodyEngagement,
    CustodyScope,
    CustodyService,
    CustodyServiceRecord,
    CustodyVisit,
    EngagementState,
    Payer,
)

__all__ += [
    "CustodyEngagement",
    "CustodyScope",
    "CustodyService",
    "CustodyServiceRecord",
    "CustodyVisit",
    "EngagementState",
    "Payer",
]

from .custody_applications import ApplicationState, CustodyApplication  # noqa: E402

__all__ += ["ApplicationState", "CustodyApplication"]

from .experts import DrawPurpose, Expert, ExpertDraw, ExpertField, ExpertPick, ExpertRules, ExpertTie  # noqa: E402

__all__ += ["DrawPurpose", "Expert", "ExpertDraw", "ExpertField", "ExpertPick", "ExpertRules", "ExpertTie"]

from .inspections import (  # noqa: E402
    WITH_PROBLEMS,
    Finding,
    InspectionPlan,
    InspectionTarget,
    Inspector,
    InspectorTie,
    ObjectKind,
    PlanState,
    PublishedPlan,
    TargetInspector,
)

__all__ += [
    "WITH_PROBLEMS",
    "Finding",
    "InspectionPlan",
    "InspectionTarget",
    "Inspector",
    "InspectorTie",
    "ObjectKind",
    "PlanState",
    "PublishedPlan",
    "TargetInspector",
]
