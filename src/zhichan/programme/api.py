"""REST API for programmes: the plan, its tasks and their decomposition, and the report cycle."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.asof import as_of
from zhichan.core.extensions import targets_as_of
from zhichan.core.models import Attachment
from zhichan.core.params import date_field, query
from zhichan.core.roles import LIAISONS, Role

from .models import Assignment, Goal, Milestone, Programme, ProgressReport, Target, Task, UnitPlan, Urging
from .periods import period_starting
from .services import planning, reporting, supervision
from .services.report_history import report_history
from .services.status import states_on

OWNERS = frozenset({Role.OFFICE, *LIAISONS})


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = [
            "id",
            "key",
            "name",
            "name_en",
            "issuer",
            "document_number",
            "issued",
            "start",
            "end",
            "region",
            "reporting",
            "report_due_days",
            "reminder_days",
        ]


AS_OF = OpenApiParameter(
    "as_of",
    str,
    description="A day, YYYY-MM-DD: as things stood then (default: today, or the programme's end once it has ended).",
)


TASK_STATUS = inline_serializer(
    "TaskStatus",
    fields={
        "task": serializers.IntegerField(),
        "status": serializers.CharField(),
        "percent": serializers.IntegerField(),
        "reasons": serializers.ListField(child=serializers.CharField()),
        "missing": serializers.ListField(
            child=inline_serializer(
                "MissingReport", fields={"unit": serializers.IntegerField(), "period": serializers.CharField()}
            )
        ),
    },
    many=True,
)


class ProgrammeViewSet(ScopedViewSet):
    queryset = Programme.objects.all()
    serializer_class = ProgrammeSerializer

    @extend_schema(parameters=[AS_OF], responses={200: TASK_STATUS})
    @action(detail=True, methods=["get"])
    def status(self, request, pk=None):
        """Each task's computed status, percent and reasons — as of `?as_of=YYYY-MM-DD` (default: today, or the
        programme's last day once it has ended)."""
        query(request, as_of=date_field())
        programme = self.get_object()
        states = states_on(programme, as_of(request, end=programme.end))
        return Response(
            [
                {
                    "task": task_id,
                    "status": state.status.value,
                    "percent": state.percent,
                    "reasons": [str(r) for r in state.reasons],
                    "missing": [{"unit": unit.pk, "period": period.key} for unit, period in state.missing],
                }
                for task_id, state in states.items()
            ]
        )

    @extend_schema(parameters=[AS_OF], responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"])
    def targets(self, request, pk=None):
        """Each target's value, status and forecast as of `?as_of=YYYY-MM-DD` (same default as `status`)."""
        query(request, as_of=date_field())
        programme = self.get_object()
        day = as_of(request, end=programme.end)
        rows = targets_as_of(programme, day)
        return Response(
            {
                "as_of": day.isoformat(),
                "targets": [
                    target_figures(target, rows.get(target.pk)) for target in programme.targets.select_related("parent")
                ],
            }
        )


def _text(number):
    return None if number is None else str(number)


def target_figures(target, row) -> dict:
    """A target and where it stood (`row`: the indicators' row for it, or None), numbers as decimal strings."""
    value = row.value if row else None
    status = row.status if row else None
    decimals = row.indicator.decimals if row else 2
    return {
        "code": target.code,
        "indicator": target.indicator,
        "target": _text(target.value),
        "comparator": target.comparator,
        "deadline": target.deadline.isoformat(),
        "period": value.period if value else None,
        "value": _text(round(value.value, decimals)) if value and value.value is not None else None,
        "light": status.light if status else None,
        "forecast": _text(round(row.forecast.value, decimals)) if row and row.forecast else None,
        "kind": target.kind,
        "part_of": target.parent.code if target.parent_id else None,
        "peer_group": target.peer_group or None,
        "source": row.rank.source or None if row and row.rank else None,
        # A target about named sub-regions: each one's value and whether it meets the target.
        "regions": [
            {
                "region": part.region.code,
                "value": _text(round(part.value.value, decimals))
                if part.value and part.value.value is not None
                else None,
                "met": part.met,
            }
            for part in (row.parts if row else [])
        ],
    }


class GoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "programme", "key", "number", "title", "text", "order"]


class GoalViewSet(ScopedViewSet):
    queryset = Goal.objects.all()
    serializer_class = GoalSerializer
    filterset_fields = ["programme"]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = [
            "id",
            "programme",
            "goal",
            "code",
            "indicator",
            "title",
            "wording",
            "comparator",
            "value",
            "unit",
            "kind",
            "baseline",
            "baseline_date",
            "deadline",
            "region",
            "parent",
            "subregions",
            "peer_group",
        ]


class TargetViewSet(ScopedViewSet):
    queryset = Target.objects.prefetch_related("subregions")
    serializer_class = TargetSerializer
    filterset_fields = ["programme", "code"]


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = [
            "id",
            "programme",
            "parent",
            "key",
            "kind",
            "number",
            "title",
            "text",
            "start",
            "deadline",
            "completed_on",
            "order",
        ]
        read_only_fields = ["programme", "parent", "key", "kind", "number", "title", "text", "order"]


class TaskViewSet(ScopedViewSet):
    """Tasks; the office sets start, deadline and completion (PATCH)."""

    queryset = Task.objects.all()
    serializer_class = TaskSerializer
    filterset_fields = ["programme", "parent", "kind", "key"]
    http_method_names = ["get", "head", "options", "patch"]

    def perform_update(self, serializer):
        data = serializer.validated_data
        task = serializer.instance
        planning.set_schedule(
            task,
            self.request.user,
            start=data.get("start", task.start),
            deadline=data.get("deadline", task.deadline),
            completed_on=data.get("completed_on", task.completed_on),
        )


class AssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assignment
        fields = ["id", "task", "unit", "role", "first_period", "proposed", "confirmed_by", "confirmed_at"]
        read_only_fields = ["proposed", "confirmed_by", "confirmed_at"]
        extra_kwargs = {
            "first_period": {"help_text": "start of the first reporting period the unit reports for (default: current)"}
        }


class AssignmentViewSet(ScopedViewSet):
    """Who leads and who co-operates on each task. The office adds, confirms and removes."""

    queryset = Assignment.objects.all()
    serializer_class = AssignmentSerializer
    filterset_fields = ["task", "unit", "role", "proposed"]
    http_method_names = ["get", "head", "options", "post", "delete"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        assignment = planning.assign(data["task"], data["unit"], data["role"], request.user, data.get("first_period"))
        return Response(self.get_serializer(assignment).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        planning.unassign(instance, self.request.user)

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return Response(self.get_serializer(planning.confirm(self.get_object(), request.user)).data)


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "task", "title", "due", "done_on"]


class MilestoneViewSet(ScopedViewSet):
    queryset = Milestone.objects.all()
    serializer_class = MilestoneSerializer
    filterset_fields = ["task"]
    http_method_names = ["get", "head", "options", "post", "patch"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = planning.add_milestone(
            data["task"], self.request.user, title=data["title"], due=data["due"], done_on=data.get("done_on")
        )

    def perform_update(self, serializer):
        milestone, data = serializer.instance, serializer.validated_data
        serializer.instance = planning.update_milestone(
            milestone,
            self.request.user,
            title=data.get("title", milestone.title),
            due=data.get("due", milestone.due),
            done_on=data.get("done_on", milestone.done_on),
        )


class UnitPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitPlan
        fields = ["id", "task", "unit", "text", "updated"]


class UnitPlanViewSet(ScopedViewSet):
    """Units' own work plans; a liaison writes its own unit's."""

    queryset = UnitPlan.objects.all()
    serializer_class = UnitPlanSerializer
    filterset_fields = ["task", "unit"]
    write_roles = OWNERS
    http_method_names = ["get", "head", "options", "post"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        plan = planning.save_unit_plan(data["task"], data["unit"], request.user, data["text"])
        return Response(self.get_serializer(plan).data, status=status.HTTP_201_CREATED)


class EvidenceSerializer(serializers.ModelSerializer):
    """A file attached to a report; `content_type` is the type found from its content."""

    report = serializers.IntegerField(source="record_id", read_only=True)

    class Meta:
        model = Attachment
        fields = ["id", "report", "name", "content_type", "size", "uploaded_at"]


class FigureSerializer(serializers.Serializer):
    """One figure of a report: a row of name, value and unit, e.g. 培训场次 · 3 · 场."""

    name = serializers.CharField(max_length=100)
    value = serializers.FloatField(allow_null=True, help_text="a number; null only on rows kept from free text")
    unit = serializers.CharField(max_length=20, allow_blank=True, required=False, default="")


class ReportStepSerializer(serializers.Serializer):
    """One step of a report's history, with the person's name, unit and role and the reason given."""

    at = serializers.DateTimeField()
    kind = serializers.CharField()
    label = serializers.CharField()
    person = serializers.CharField()
    unit = serializers.CharField()
    role = serializers.CharField()
    note = serializers.CharField()
    times = serializers.IntegerField()


class ReportSerializer(serializers.ModelSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    figures = FigureSerializer(many=True, required=False)
    period = serializers.DateField(write_only=True, required=False, help_text="start date of the period")

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "task",
            "unit",
            "period",
            "period_start",
            "period_end",
            "narrative",
            "percent",
            "figures",
            "state",
            "submitted_at",
            "reviewed_at",
            "reviewed_by",
            "review_note",
            "synthetic",
            "evidence",
        ]
        read_only_fields = [
            "period_start",
            "period_end",
            "state",
            "submitted_at",
            "reviewed_at",
            "reviewed_by",
            "review_note",
            "synthetic",
        ]


class ReportViewSet(ScopedViewSet):
    """Progress reports. POST (task, unit, period) opens a draft; PATCH edits it; then submit, and the office
    returns (with a note) or accepts."""

    queryset = ProgressReport.objects.select_related("task", "unit").prefetch_related("evidence")
    serializer_class = ReportSerializer
    filterset_fields = ["task", "unit", "state", "period_start", "task__programme"]
    write_roles = OWNERS
    http_method_names = ["get", "head", "options", "post", "patch"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        period = period_starting(data["task"].programme, data.get("period"))
        if period is None:
            raise ValidationError({"period": "not the start date of one of the programme's reporting periods"})
        report = reporting.open_report(data["task"], data["unit"], period, request.user)
        if any(key in data for key in ("narrative", "percent", "figures")):
            report = reporting.save_report(
                report,
                request.user,
                narrative=data.get("narrative", report.narrative),
                percent=data.get("percent", report.percent),
                figures=data.get("figures", report.figures),
            )
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        report, data = serializer.instance, serializer.validated_data
        reporting.save_report(
            report,
            self.request.user,
            narrative=data.get("narrative", report.narrative),
            percent=data.get("percent", report.percent),
            figures=data.get("figures", report.figures),
        )

    def _step(self, call, *args):
        report = self.get_object()
        call(report, self.request.user, *args)
        report.refresh_from_db()
        return Response(self.get_serializer(report).data)

    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(reporting.submit)

    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None):
        return self._step(reporting.send_back, request.data.get("note", ""))

    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(reporting.accept, request.data.get("note", ""))

    @extend_schema(responses=ReportStepSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Who opened, saved, submitted, returned (why) and accepted the report, and the evidence added or
        removed, oldest first: the history on the report page."""
        return Response(ReportStepSerializer(report_history(self.get_object()), many=True).data)

    @action(detail=True, methods=["post"])
    def evidence(self, request, pk=None):
        """Attach a file (multipart field `file`)."""
        report = self.get_object()  # scope first: another unit's report is 404 whatever is sent
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise ValidationError({"file": "attach a file"})
        evidence = reporting.attach(report, request.user, uploaded)
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    def get_queryset(self):
        # Review steps are the office's: its queryset is not narrowed to editable rows for them.
        queryset = super(ScopedViewSet, self).get_queryset().visible_to(self.request.user)
        if self.action in ("partial_update", "update", "evidence", "submit"):
            queryset = queryset.editable_by(self.request.user)
        return queryset


class UrgingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Urging
        fields = [
            "id",
            "programme",
            "task",
            "unit",
            "note",
            "urged_by",
            "urged_at",
            "answer",
            "answered_by",
            "answered_at",
        ]
        read_only_fields = ["programme", "urged_by", "urged_at", "answer", "answered_by", "answered_at"]

    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all(), required=False)


class UrgingViewSet(ScopedViewSet):
    """督办. The office POSTs (unit, note, and task or programme) to urge a unit; the unit answers with
    POST …/answer/ {"answer": text}. A liaison lists its own unit's urgings."""

    queryset = Urging.objects.select_related("programme", "task", "unit")
    serializer_class = UrgingSerializer
    filterset_fields = ["programme", "task", "unit"]
    write_roles = OWNERS
    http_method_names = ["get", "head", "options", "post"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = data.get("task")
        programme = task.programme if task else data.get("programme")
        if programme is None:
            raise ValidationError({"programme": "give the task, or the programme when urging about everything"})
        if not Programme.objects.visible_to(request.user).filter(pk=programme.pk).exists():
            raise ValidationError({"programme": "not found"})
        urging = supervision.urge(request.user, data["unit"], data["note"], programme=programme, task=task)
        return Response(self.get_serializer(urging).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        urging = supervision.answer(self.get_object(), request.user, request.data.get("answer", ""))
        return Response(self.get_serializer(urging).data)
