from .api import ActivityViewSet, SchoolViewSet, SurveyRoundViewSet

ROUTES = [
    ("outreach/activities", ActivityViewSet),
    ("outreach/schools", SchoolViewSet),
    ("outreach/survey-rounds", SurveyRoundViewSet),
]
