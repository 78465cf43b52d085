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
