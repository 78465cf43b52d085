"""REST API for joint meetings and their decisions: read what the user may see, record a meeting or a decision
(POST, through the actions), attach minutes, read when the next plenary meeting is due, and move a decision on
(POST …/step/) with the same forms as the pages."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.filters import BooleanFilter, FilterSet
from zhichan.core.models import Attachment, Unit
from zhichan.core.roles import LIAISONS, Role

from .decision_steps import STEPS
from .forms_meetings import MinutesForm
from .models import DecisionState, JointMeeting, MeetingDecision
from .services import meetings

OFFICE = frozenset({Role.OFFICE})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class DecisionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingDecision
        fields = ["id", "number", "text", "unit", "deadline", "state"]
        read_only_fields = fields


class JointMeetingSerializer(serializers.ModelSerializer):
    units_present = serializers.PrimaryKeyRelatedField(many=True, queryset=Unit.objects.all())
    minutes = serializers.FileField(write_only=True, required=False, help_text="the minutes' file (multipart)")
    minutes_files = serializers.SerializerMethodField()
    decisions = DecisionBriefSerializer(many=True, read_only=True)

    class Meta:
        model = JointMeeting
        fields = [
            "id",
            "organisation",
            "title",
            "kind",
            "held_on",
            "convener",
            "units_present",
            "agenda",
            "minutes",
            "minutes_files",
            "decisions",
            "synthetic",
        ]
        read_only_fields = ["organisation", "synthetic"]

    def get_minutes_files(self, meeting) -> list[dict]:
        found = getattr(meeting, "prefetched_minutes", None)  # prefetched for a list
        return [
            {"id": file.pk, "name": file.name, "size": file.size, "content_type": file.content_type}
            for file in (found if found is not None else meetings.minutes_files(meeting))
        ]


class JointMeetingViewSet(ScopedViewSet):
    """Joint meetings of the organisation. POST records one (the office: `units_present` a list of unit ids,
    `minutes` a file when sent as multipart); `minutes` attaches the minutes; `due` says when the next plenary meeting
    is due."""

    queryset = JointMeeting.objects.select_related("convener").prefetch_related(
        "units_present",
        "decisions",
        Prefetch(
            "files",
            queryset=Attachment.objects.filter(kind=meetings.MINUTES).order_by("pk"),
            to_attr="prefetched_minutes",
        ),
    )
    serializer_class = JointMeetingSerializer
    filterset_fields = ["kind", "convener", "organisation"]
    write_roles = OFFICE
    http_method_names = ["get", "head", "options", "post"]

    create_action = meetings.record_meeting

    @extend_schema(
        request={"multipart/form-data": inline_serializer("Minutes", fields={"minutes": serializers.FileField()})},
        responses=JointMeetingSerializer,
    )
    @action(detail=True, methods=["post"])
    def minutes(self, request, pk=None):
        """Attach the meeting's minutes (a PDF, scan or office file)."""
        meeting = self.get_object()
        form = MinutesForm(request.data, request.FILES)
        if not form.is_valid():
            raise ValidationError(form.errors)
        meetings.attach_minutes(meeting, request.user, form.cleaned_data["minutes"])
        return Response(self.get_serializer(JointMeeting.objects.get(pk=meeting.pk)).data)

    @extend_schema(
        parameters=[OpenApiParameter("day", str, description="the day to read it on (YYYY-MM-DD); default today")],
        responses=inline_serializer(
            "MeetingDue",
            fields={
                "day": serializers.DateField(),
                "last": serializers.DateField(allow_null=True),
                "months": serializers.IntegerField(),
                "notice_days": serializers.IntegerField(),
                "set_by_office": serializers.BooleanField(),
                "due": serializers.DateField(allow_null=True),
                "days_left": serializers.IntegerField(allow_null=True),
                "state": serializers.ChoiceField(["none-held", "on-schedule", "soon", "overdue"]),
            },
        ),
    )
    @action(detail=False, methods=["get"])
    def due(self, request):
        """When the reader's organisation's next plenary meeting is due: the last plenary meeting plus the
        interval the office set (or the default); none held yet: due now."""
        day = timezone.localdate()
        if request.query_params.get("day"):
            try:
                day = datetime.date.fromisoformat(request.query_params["day"])
            except ValueError:
                raise ValidationError({"day": [_("Give a date as YYYY-MM-DD.")]}) from None
        found = meetings.meeting_due(meetings.organisation_of(request.user), day)
        if found is None:
            raise ValidationError({"detail": [_("This account belongs to no organisation.")]})
        return Response(
            {
                "day": found.day,
                "last": found.last,
                "months": found.months,
                "notice_days": found.notice_days,
                "set_by_office": found.set_by_office,
                "due": found.due,
                "days_left": found.days_left,
                "state": found.state,
            }
        )


class MeetingDecisionSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(choices=DecisionState.choices, read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = MeetingDecision
        fields = [
            "id",
            "meeting",
            "number",
            "text",
            "unit",
            "deadline",
            "state",
            "overdue",
            "progress",
            "progress_on",
            "done_on",
            "done_note",
            "cancelled_on",
            "cancel_reason",
            "synthetic",
        ]
        read_only_fields = [
            "number",
            "progress",
            "progress_on",
            "done_on",
            "done_note",
            "cancelled_on",
            "cancel_reason",
            "synthetic",
        ]
        validators = []  # the item number is given by the action

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "meeting" in fields and not fields["meeting"].read_only:
            fields["meeting"].queryset = JointMeeting.objects.visible_to(request.user)
        return fields

    def get_overdue(self, decision) -> bool:
        return decision.overdue_on(timezone.localdate())


class DecisionFilter(FilterSet):
    overdue = BooleanFilter(method="filter_overdue", label="open and past the deadline")

    class Meta:
        model = MeetingDecision
        fields = ["state", "unit", "meeting"]

    def filter_overdue(self, queryset, name, value):
        late = {"state": DecisionState.OPEN, "deadline__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class MeetingDecisionViewSet(ScopedViewSet):
    """Decisions of joint meetings. POST records one on a meeting (the office: `meeting`, `text`, `unit`,
    `deadline`); `step` moves it on (progress, done: the assigned unit or the office; reassign, cancel: the
    office)."""

    queryset = MeetingDecision.objects.select_related("meeting", "unit")
    serializer_class = MeetingDecisionSerializer
    filterset_class = DecisionFilter
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = meetings.add_decision

    def get_queryset(self):
        if self.action == "step":  # read, not edit: the step's action refuses another unit, with the reason
            return super(ScopedViewSet, self).get_queryset().visible_to(self.request.user)
        return super().get_queryset()

    step = step_endpoint(
        STEPS,
        "DecisionStep",
        MeetingDecisionSerializer,
        """Take a step: `step` and its fields — day and note for progress, done and cancel; unit, note and
        optionally deadline for reassign.""",
    )
