from django.urls import path

from .api import ChallengeView, PublicRequestViewSet, PublicServiceViewSet
from .api_datasets import PublicDatasetViewSet

# The public API, versioned with the rest under /api/v1/ (its own schema: /api/public/schema/).
ROUTES = [
    ("public/services", PublicServiceViewSet, "public-service"),
    ("public/requests", PublicRequestViewSet, "public-request"),
    ("public/datasets", PublicDatasetViewSet, "public-dataset"),
]
urlpatterns = [path("public/challenge/", ChallengeView.as_view(), name="public-challenge")]
