from . import api

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [
    ("programmes", api.ProgrammeViewSet),
    ("goals", api.GoalViewSet),
    ("targets", api.TargetViewSet),
    ("programme-tasks", api.TaskViewSet),
    ("assignments", api.AssignmentViewSet),
    ("milestones", api.MilestoneViewSet),
    ("unit-plans", api.UnitPlanViewSet),
    ("reports", api.ReportViewSet),
    ("urgings", api.UrgingViewSet),
]
