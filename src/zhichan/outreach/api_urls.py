from .api import ActivityViewSet, SurveyRoundViewSet

ROUTES = [
    ("outreach/activities", ActivityViewSet),
    ("outreach/survey-rounds", SurveyRoundViewSet),
]
