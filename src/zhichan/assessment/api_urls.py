from .api import (
    AssessedUnitViewSet,
    AssessmentAppealViewSet,
    AssessmentItemViewSet,
    AssessmentNoticeViewSet,
    AssessmentRoundViewSet,
)

ROUTES = [
    ("assessment/rounds", AssessmentRoundViewSet, "assessment-round"),
    ("assessment/units", AssessedUnitViewSet, "assessment-unit"),
    ("assessment/items", AssessmentItemViewSet, "assessment-item"),
    ("assessment/appeals", AssessmentAppealViewSet, "assessment-appeal"),
    ("assessment/notices", AssessmentNoticeViewSet, "assessment-notice"),
]
