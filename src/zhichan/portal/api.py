"""The portal's public API, for the website's own pages and for mini-programs: the services catalogue, a challenge,
making a request, its status by tracking number, and the satisfaction after the answer. No account: every call is
anonymous (no session, so no CSRF token is needed), rate-limited per address (ZHICHAN_PUBLIC_API_RATE), and open to
the browsers of the origins in ZHICHAN_CORS_ORIGINS. The same actions as the pages decide everything."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action as route
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from zhichan.core.clientip import client_ip
from zhichan.core.roles import EVERYONE

from .models import PublicRequest
from .services import catalogue, challenge, requests


class PublicRate(AnonRateThrottle):
    scope = "public"


class _Public:
    allowed_roles = EVERYONE
    authentication_classes: list = []
    throttle_classes = [PublicRate]
    pagination_class = None


class PublicServiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="worded_name")
    group = serializers.CharField(source="worded_group")
    summary = serializers.CharField(source="worded_summary")
    audience = serializers.CharField(source="worded_audience")
    materials = serializers.ListField(source="material_list", child=serializers.CharField())
    handling_unit = serializers.CharField(source="unit.name")
    deadline = serializers.SerializerMethodField()
    anonymous = serializers.BooleanField()
    files = serializers.BooleanField()
    fields = serializers.JSONField(help_text="Extra questions: key, label, label_en, type, required, choices.")

    def get_deadline(self, service) -> dict | None:
        rule = service.rule
        if rule is None:
            return None
        return {"name": str(rule.name), "length": rule.length, "unit": rule.unit, "worded": rule.get_unit_display()}


class PublicServiceViewSet(_Public, viewsets.ReadOnlyModelViewSet):
    """The published services, in the catalogue's order."""

    serializer_class = PublicServiceSerializer
    lookup_field = "code"

    def get_queryset(self):
        return catalogue.published_services()


class ChallengeSerializer(serializers.Serializer):
    question = serializers.CharField()
    token = serializers.CharField()


class RequestInSerializer(serializers.Serializer):
    service = serializers.SlugField(help_text="The service's code.")
    matter = serializers.CharField()
    answers = serializers.JSONField(required=False, help_text="{question key: answer} of the service's questions.")
    anonymous = serializers.BooleanField(required=False, default=False)
    name = serializers.CharField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(required=False, allow_blank=True, default="")
    email = serializers.CharField(required=False, allow_blank=True, default="")
    credit_code = serializers.CharField(required=False, allow_blank=True, default="")
    challenge = serializers.CharField(help_text="The token of GET /api/v1/public/challenge/.")
    answer = serializers.CharField(help_text="The answer to its question.")
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class StatusSerializer(serializers.Serializer):
    number = serializers.CharField()
    service = serializers.CharField(source="service.worded_name")
    state = serializers.CharField()
    state_label = serializers.SerializerMethodField()
    received_on = serializers.DateField()
    handling_unit = serializers.CharField(source="unit.name")
    deadline = serializers.SerializerMethodField()
    answer = serializers.CharField()
    answered_on = serializers.DateField()
    decided_by = serializers.CharField(source="decided_by.name", default="")
    rated = serializers.SerializerMethodField()

    def get_state_label(self, item) -> str:
        return item.state_label(self.context.get("labels"))

    def get_deadline(self, item) -> list[dict]:
        return [
            {"due": reading.due, "state": reading.state, "summary": reading.summary}
            for reading in requests.readings(item)
        ]

    def get_rated(self, item) -> bool:
        return item.rating is not None


class RatingSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class PublicRequestViewSet(_Public, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Requests: make one (with the challenge's answer), read its status by tracking number, rate the answer."""

    serializer_class = StatusSerializer
    lookup_field = "number"
    queryset = PublicRequest.objects.select_related("service", "unit", "decided_by")

    def get_object(self):
        return get_object_or_404(self.get_queryset(), number=self.kwargs["number"].upper())

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "labels": catalogue.state_labels()}

    @extend_schema(request=RequestInSerializer, responses={201: StatusSerializer})
    def create(self, request):
        data = RequestInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        problem = challenge.problem(values.pop("challenge"), values.pop("answer"))
        if problem:
            raise serializers.ValidationError({"answer": [problem]})
        service = get_object_or_404(catalogue.published_services(), code=values.pop("service"))
        files = request.FILES.getlist("files") or values.pop("files", [])
        values.pop("files", None)
        made = requests.submit(None, service, files=files, network=client_ip(request) or "", **values)
        return Response(self.get_serializer(made).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RatingSerializer, responses={200: StatusSerializer})
    @route(detail=True, methods=["post"])
    def rating(self, request, number=None):
        item = self.get_object()
        data = RatingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        requests.rate(item, **data.validated_data)
        return Response(self.get_serializer(item).data)


class ChallengeView(_Public, APIView):
    """A small sum to work out before making a request; send its token and the answer with the request."""

    @extend_schema(responses=ChallengeSerializer)
    def get(self, request):
        question, token = challenge.ask()
        return Response({"question": question, "token": token})
