"""REST API of the projects: the list and one project with its targets (planned and achieved), outputs (linked to
the register or waiting for it) and milestones; the office or a member unit's liaison POSTs a project, and to its
`step` what its page enters (approval, start, mid-term check, acceptance, targets, outputs, milestones,
deliverables, the navigation analysis, an early end)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import PROGRAMME_USERS

from .models import Milestone, Project
from .services import projects
from .services.outputs import linked_outputs, target_rows
from .services.reviews import review_rows
from .steps import PROJECT_STEPS
from .views import WRITERS

# What the project's steps record (the API's `step`), read here, never written by a POST of the project.
COURSE = [
    "state",
    "document",
    "approved_on",
    "started_on",
    "checked_on",
    "check_opinion",
    "accepted_on",
    "acceptance_opinion",
    "ended_on",
    "end_reason",
    "patent_set_query",
    "conclusions",
    "results_use",
]


class ProjectMilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "name", "due_on", "done_on"]


class ProjectSerializer(serializers.ModelSerializer):
    applicant_code = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        help_text="The applicant's credit code, when in the register.",
    )
    targets = serializers.SerializerMethodField()
    outputs = serializers.SerializerMethodField()
    milestones = ProjectMilestoneSerializer(many=True, read_only=True)
    reviews = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "kind",
            "navigation_type",
            "title",
            "applicant",
            "applicant_name",
            "applicant_code",
            "partners",
            "unit",
            "region",
            "level",
            "field",
            "starts_on",
            "ends_on",
            "budget",
            "funding",
            *COURSE,
            "targets",
            "outputs",
            "milestones",
            "reviews",
            "synthetic",
        ]
        read_only_fields = ["applicant", *COURSE, "synthetic"]
        extra_kwargs = {
            "applicant_name": {"required": False},
            "unit": {"required": False},
            "region": {"required": False},
        }

    def _linked(self, project):
        """The project's outputs linked to the register, read once for its targets and its outputs."""
        cache = self.__dict__.setdefault("_linked_outputs", {})
        if project.pk not in cache:
            cache[project.pk] = linked_outputs([project]).get(project.pk, [])
        return cache[project.pk]

    def get_targets(self, project) -> list[dict]:
        return [
            {"measure": row["measure"], "planned": row["planned"], "achieved": row["achieved"]}
            for row in target_rows(project, self._linked(project))
        ]

    def get_outputs(self, project) -> list[dict]:
        return [
            {
                "number": one.output.number,
                "patent": one.patent.pk if one.patent else None,
                "in_register": one.patent is not None,
                "counts_as": [str(measure) for measure in one.measures],
            }
            for one in self._linked(project)
        ]

    def get_reviews(self, project) -> list[dict]:
        return [
            {
                "stage": row["review"].stage,
                "draw": row["review"].draw_id,
                "mean_score": str(row["mean"]) if row["mean"] is not None else None,
                "experts": [
                    {
                        "expert": one["pick"].expert.number,
                        "stepped_aside": one["pick"].stepped_aside,
                        "score": str(one["score"].score) if one["score"] else None,
                    }
                    for one in row["experts"]
                ],
            }
            for row in review_rows(project)
        ]


class ProjectViewSet(ScopedViewSet):
    """High-value patent cultivation and patent navigation projects, newest first."""

    queryset = Project.objects.prefetch_related("targets", "outputs", "milestones")
    serializer_class = ProjectSerializer
    allowed_roles = PROGRAMME_USERS
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = projects.create_project
    step = step_endpoint(
        PROJECT_STEPS,
        "ProjectStep",
        ProjectSerializer,
        "Record the approval, start, mid-term check or acceptance; set a target; add outputs or a milestone; draw the"
        " review experts and record their scores.",
    )
