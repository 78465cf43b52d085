"""REST API of industry–university–research matching and co-operation agreements: technology matching events,
technology demands and offers, matches and agreements, each listed and read within the reader's scope; the office
or a member unit's liaison POSTs one (through the same actions as the pages), and to an event's, a match's or an
agreement's `step` what its page enters (a posting or a match at the event, a match's outcome, a document)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import PROGRAMME_USERS

from .matching_steps import AGREEMENT_STEPS, EVENT_STEPS, MATCH_STEPS
from .models import CooperationAgreement, Match, MatchingEvent, Posting
from .services import agreements, matching
from .views import CREATORS

CODE = {"write_only": True, "required": False, "allow_blank": True, "max_length": 18}
HELD = ["unit", "region", "organisation", "note", "synthetic", "created"]


class Readable(serializers.PrimaryKeyRelatedField):
    """A record chosen by id among those the caller reads (another is "not found", as on the pages)."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.model._default_manager.visible_to(self.context["request"].user)


class MatchingEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = MatchingEvent
        fields = [
            "id",
            "title",
            "held_on",
            "place",
            "enterprises_count",
            "institutions_count",
            "persons_count",
            *HELD,
        ]
        read_only_fields = ["organisation", "synthetic", "created"]
        extra_kwargs = {"unit": {"required": False}, "region": {"required": False}}


class PostingSerializer(serializers.ModelSerializer):
    enterprise_code = serializers.CharField(help_text="The enterprise's credit code, when in the register.", **CODE)
    event = Readable(MatchingEvent, required=False, allow_null=True)

    class Meta:
        model = Posting
        fields = [
            "id",
            "kind",
            "title",
            "party",
            "enterprise",
            "enterprise_code",
            "field",
            "description",
            "event",
            *HELD,
        ]
        read_only_fields = ["enterprise", "organisation", "synthetic", "created"]
        extra_kwargs = {"party": {"required": False}, "unit": {"required": False}, "region": {"required": False}}


class MatchSerializer(serializers.ModelSerializer):
    demand = Readable(Posting)
    offer = Readable(Posting)
    event = Readable(MatchingEvent, required=False, allow_null=True)
    demand_title = serializers.CharField(source="demand.title", read_only=True)
    offer_title = serializers.CharField(source="offer.title", read_only=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "demand",
            "demand_title",
            "offer",
            "offer_title",
            "event",
            "matched_on",
            "outcome",
            "outcome_on",
            "agreement",
            "transaction",
            "note",
            "synthetic",
            "created",
        ]
        read_only_fields = ["outcome", "outcome_on", "agreement", "transaction", "synthetic", "created"]
        extra_kwargs = {
            "matched_on": {
                "required": False,
                "help_text": "Left empty: the event's day when an event is named, else today (the day taken is in"
                " the answer).",
            }
        }


class AgreementSerializer(serializers.ModelSerializer):
    enterprise_code = serializers.CharField(help_text="The enterprise's credit code, when in the register.", **CODE)
    event = Readable(MatchingEvent, required=False, allow_null=True)
    documents = serializers.SerializerMethodField()

    class Meta:
        model = CooperationAgreement
        fields = [
            "id",
            "title",
            "enterprise",
            "enterprise_name",
            "enterprise_code",
            "partners",
            "field",
            "signed_on",
            "starts_on",
            "ends_on",
            "amount",
            "event",
            "documents",
            *HELD,
        ]
        read_only_fields = ["enterprise", "organisation", "synthetic", "created"]
        extra_kwargs = {
            "enterprise_name": {"required": False},
            "unit": {"required": False},
            "region": {"required": False},
        }

    def get_documents(self, agreement) -> list[dict]:
        from zhichan.core.models import Attachment

        return [{"id": file.pk, "name": file.name, "label": file.label} for file in Attachment.objects.on(agreement)]


class _Matching(ScopedViewSet):
    allowed_roles = PROGRAMME_USERS
    write_roles = CREATORS
    http_method_names = ["get", "head", "options", "post"]


class MatchingEventViewSet(_Matching):
    """Technology matching events (技术对接活动), newest first."""

    queryset = MatchingEvent.objects.select_related("unit", "region")
    serializer_class = MatchingEventSerializer
    create_action = matching.enter_event
    step = step_endpoint(
        EVENT_STEPS,
        "MatchingEventStep",
        MatchingEventSerializer,
        "Add a demand or an offer posted at the event (`posting`: a demand of an enterprise in the register lies in"
        " its township, else where the event lies), or a match made at it (`match`: `matched_on` left empty is the"
        " event's day).",
    )


class PostingViewSet(_Matching):
    """Technology demands (技术需求) and offers (技术成果), newest first; one posted at an event names it."""

    queryset = Posting.objects.select_related("unit", "region", "event")
    serializer_class = PostingSerializer
    filterset_fields = ["kind", "event"]
    create_action = matching.add_posting


class MatchViewSet(_Matching):
    """Matches between a demand and an offer (对接成果) and where each ended."""

    queryset = Match.objects.select_related("demand", "offer", "event")
    serializer_class = MatchSerializer
    filterset_fields = ["outcome", "event"]
    create_action = matching.record_match
    step = step_endpoint(
        MATCH_STEPS,
        "MatchStep",
        MatchSerializer,
        "Record the outcome: in talks, agreement signed (`agreement`), licensed or transferred (`transaction`, as"
        " entered in IP finance), or not pursued.",
    )


class AgreementViewSet(_Matching):
    """Co-operation agreements (合作协议), newest signed first, with their documents."""

    queryset = CooperationAgreement.objects.select_related("unit", "region", "event")
    serializer_class = AgreementSerializer
    create_action = agreements.enter_agreement
    step = step_endpoint(
        AGREEMENT_STEPS,
        "AgreementStep",
        AgreementSerializer,
        "Attach an agreement document (`file`, multipart; `label`).",
    )
