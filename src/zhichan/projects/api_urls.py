from .api import ProjectViewSet
from .matching_api import AgreementViewSet, MatchingEventViewSet, MatchViewSet, PostingViewSet

# The matching routes come before the projects': `projects/<pk>/` would otherwise take `projects/matches/`.
ROUTES = [
    ("projects/matching-events", MatchingEventViewSet),
    ("projects/postings", PostingViewSet),
    ("projects/matches", MatchViewSet),
    ("projects/agreements", AgreementViewSet),
    ("projects", ProjectViewSet),
]
