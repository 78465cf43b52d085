from .api import ProjectViewSet

ROUTES = [("projects", ProjectViewSet)]
