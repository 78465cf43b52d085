from .experts import DrawPurpose, Expert, ExpertDraw, ExpertField, ExpertPick, ExpertRules, ExpertTie

__all__ = ["DrawPurpose", "Expert", "ExpertDraw", "ExpertField", "ExpertPick", "ExpertRules", "ExpertTie"]

from .inspections import (  # noqa: E402
    WITH_PROBLEMS,
    Finding,
    InspectionPlan,
    InspectionTarget,
    Inspector,
    InspectorTie,
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
    "PlanState",
    "PublishedPlan",
    "TargetInspector",
]
