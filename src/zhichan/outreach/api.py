"""REST API of outreach: activities with their participants and attendance figures (the office or a member unit's
liaison POSTs an activity, and to its `step` what its page enters), and the survey rounds with their index per
dimension and group (the office POSTs a round and opens or closes it by `step`). Phones are read only by those who
manage the activity; a response's answers are never served one by one."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import SEE_ALL, STAFF

from .models import Activity, Participant, School, StudentWork, SurveyRound
from .services import activities, schools, survey
from .services.attendance import attendance_figures
from .services.index import round_index
from .steps import ACTIVITY_STEPS, ROUND_STEPS, SCHOOL_STEPS
from .views_activities import CREATORS
from .views_survey import OFFICE


class OutreachParticipantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Participant
        fields = [
            "id",
            "name",
            "employer",
            "position",
            "phone",
            "source",
            "guest",
            "attended",
            "signed_in_at",
            "rating",
            "comment",
        ]


class OutreachActivitySerializer(serializers.ModelSerializer):
    participants = serializers.SerializerMethodField()
    attendance = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id",
            "kind",
            "campaign",
            "title",
            "audience",
            "unit",
            "region",
            "starts_on",
            "ends_on",
            "place",
            "hours",
            "speakers",
            "note",
            "attendees_reported",
            "media_items",
            "online_views",
            "school",
            "teachers_trained",
            "students_reached",
            "sign_in_open",
            "attendance",
            "participants",
            "synthetic",
        ]
        read_only_fields = ["attendees_reported", "media_items", "online_views", "sign_in_open", "synthetic"]
        extra_kwargs = {"unit": {"required": False}, "region": {"required": False}}

    def get_participants(self, activity) -> list[dict]:
        rows = OutreachParticipantSerializer(activity.participants.all(), many=True).data
        if not activities.manages(self.context["request"].user, activity):
            for row in rows:
                row["phone"] = ""
        return rows

    def get_attendance(self, activity) -> dict:
        return attendance_figures(activity)


class ActivityViewSet(ScopedViewSet):
    """Trainings, publicity events and activities in schools, newest first."""

    queryset = Activity.objects.select_related("unit", "region")
    serializer_class = OutreachActivitySerializer
    allowed_roles = STAFF
    write_roles = CREATORS
    http_method_names = ["get", "head", "options", "post"]

    create_action = activities.create_activity
    step = step_endpoint(
        ACTIVITY_STEPS,
        "ActivityStep",
        OutreachActivitySerializer,
        "Open or close the sign-in page; register participants; mark attendance; record the reach; attach a photo;"
        " change the details.",
    )


class OutreachSurveyRoundSerializer(serializers.ModelSerializer):
    index = serializers.SerializerMethodField()

    class Meta:
        model = SurveyRound
        fields = ["id", "title", "year", "region", "state", "opened_on", "closed_on", "index", "synthetic"]
        read_only_fields = ["region", "state", "opened_on", "closed_on", "synthetic"]

    def get_index(self, survey_round) -> dict:
        return round_index(survey_round)


class SurveyRoundViewSet(ScopedViewSet):
    """The satisfaction survey's rounds with their index (0–100) per dimension and group, the responses behind
    each figure and its margin of error at 95 %."""

    queryset = SurveyRound.objects.all()
    serializer_class = OutreachSurveyRoundSerializer
    allowed_roles = SEE_ALL
    write_roles = OFFICE
    http_method_names = ["get", "head", "options", "post"]

    create_action = survey.create_round
    step = step_endpoint(ROUND_STEPS, "SurveyRoundStep", OutreachSurveyRoundSerializer, "Open or close the round.")


class OutreachStudentWorkSerializer(serializers.ModelSerializer):
    in_register = serializers.SerializerMethodField()

    class Meta:
        model = StudentWork
        fields = ["id", "title", "students", "teacher", "year", "number", "in_register", "fair", "award"]

    def get_in_register(self, work) -> bool:
        return bool(work.number) and work.number in self.context.get("linked", {})


class OutreachSchoolSerializer(serializers.ModelSerializer):
    works = serializers.SerializerMethodField()

    class Meta:
        model = School
        fields = [
            "id",
            "name",
            "level",
            "region",
            "unit",
            "pilot_level",
            "pilot_since",
            "pilot_document",
            "note",
            "works",
            "synthetic",
        ]
        read_only_fields = ["synthetic"]
        extra_kwargs = {"unit": {"required": False}}

    def get_works(self, school) -> list[dict]:
        works = list(school.works.all())
        context = {**self.context, "linked": schools.linked_patents(works)}
        return OutreachStudentWorkSerializer(works, many=True, context=context).data


class SchoolViewSet(ScopedViewSet):
    """Schools (pilot schools with the level that named them) and their students' works, each work's patent
    application linked to the register when it holds it."""

    queryset = School.objects.select_related("region")
    serializer_class = OutreachSchoolSerializer
    allowed_roles = STAFF
    write_roles = CREATORS
    http_method_names = ["get", "head", "options", "post"]

    create_action = schools.create_school
    step = step_endpoint(
        SCHOOL_STEPS,
        "SchoolStep",
        OutreachSchoolSerializer,
        "Add or remove a student work; record the pilot school naming; correct the details.",
    )
