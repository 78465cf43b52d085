"""REST API (/api/v1/) for the foundation: regions, population, units, people, the roster, tasks."""

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from rest_framework.views import APIView

from .filters import BooleanFilter, CharFilter, FilterSet, IdFilter
from .models import Committee, Membership, Person, Population, Region, TaskProgress, Unit, User
from .roles import EVERYONE, LIAISONS, SIGNED_IN, STAFF, Role
from .scoping import save_checked
from .services.interruptions import settle_progress
from .services.tokens import create_token


class ScopedViewSet(viewsets.ModelViewSet):
    """Reads through visible_to(user), writes through editable_by(user) and save_checked."""

    allowed_roles = STAFF
    write_roles = frozenset({Role.OFFICE})
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        queryset = super().get_queryset().visible_to(self.request.user)
        if self.request.method not in SAFE_METHODS:
            queryset = queryset.editable_by(self.request.user)
        return queryset

    # The domain action a POST runs, called as `create_action(user, **validated data)`; None: the serializer saves.
    create_action = None

    def create(self, request, *args, **kwargs):
        if self.create_action is None:
            return super().create(request, *args, **kwargs)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = type(self).create_action(request.user, **serializer.validated_data)
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    def perform_create(self, serializer):
        save_checked(self.request.user, serializer.save)

    def perform_update(self, serializer):
        save_checked(self.request.user, serializer.save)


class MadeElsewhere:
    """A viewset of records its API does not create (an assessment's items, made when the round opens): POST
    goes to their `step` only; on the list it is not allowed."""

    def create(self, request, *args, **kwargs):
        raise MethodNotAllowed(request.method)


def step_endpoint(table, name: str, response, doc: str):
    """The `step` action of a viewset whose records move on by the steps of `table` (core/steps.py): POST `step`
    and that step's fields; the answer is the record as it now is."""

    @extend_schema(
        request=inline_serializer(name, fields={"step": serializers.ChoiceField(table.keys)}), responses=response
    )
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        record = self.get_object()
        chosen = table.get(request.data.get("step"))
        if chosen is None:
            raise ValidationError({"step": [f"one of {', '.join(table.keys)}"]})
        # prefix "": the API's fields are named as they are, whatever prefix a page gives the form
        form = table.form(chosen, record, request.user, request.data, request.FILES, prefix="")
        if not form.is_valid():
            raise ValidationError(form.errors)
        chosen.run(record, request.user, form.cleaned_data, form)
        record.refresh_from_db()
        return Response(self.get_serializer(record).data)

    step.__doc__ = doc
    return step


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()
    statistical_code = serializers.CharField(read_only=True)

    class Meta:
        model = Region
        fields = ["id", "name", "name_en", "code", "statistical_code", "kind", "parent", "depth", "note", "source"]

    def get_parent(self, region) -> int | None:
        # Parents come from one lookup of every path (the view fills it), not a query per row.
        return self.context["pk_by_path"].get(region.path[: -Region.steplen])


class RegionFilter(FilterSet):
    parent = IdFilter(method="filter_parent")
    within = CharFilter(method="filter_within", label="code of an ancestor region")

    class Meta:
        model = Region
        fields = {"kind": ["exact"], "code": ["exact"], "name": ["exact", "icontains"]}

    def filter_parent(self, queryset, name, value):
        parent = Region.objects.filter(pk=value).first()
        if parent is None:
            return queryset.none()
        return queryset.filter(path__startswith=parent.path, depth=parent.depth + 1)

    def filter_within(self, queryset, name, value):
        ancestor = Region.objects.filter(code=value).first()
        return queryset.filter(path__startswith=ancestor.path) if ancestor else queryset.none()


class RegionViewSet(ScopedViewSet):
    queryset = Region.objects.order_by("path")
    serializer_class = RegionSerializer
    filterset_class = RegionFilter

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "pk_by_path": dict(Region.objects.values_list("path", "pk"))}


class PopulationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Population
        fields = ["id", "region", "year", "as_of", "value", "source", "note"]


class PopulationViewSet(ScopedViewSet):
    queryset = Population.objects.select_related("region")
    serializer_class = PopulationSerializer
    filterset_fields = ["region", "year"]
    http_method_names = ["get", "head", "options", "post", "put", "patch"]


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = [
            "id",
            "organisation",
            "key",
            "name",
            "short_name",
            "name_en",
            "kind",
            "region",
            "parent",
            "order",
            "active",
        ]


class UnitViewSet(ScopedViewSet):
    queryset = Unit.objects.all()
    serializer_class = UnitSerializer
    filterset_fields = {
        "organisation": ["exact"],
        "key": ["exact"],
        "kind": ["exact"],
        "region": ["exact"],
        "name": ["icontains"],
        "active": ["exact"],
    }


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "unit", "title", "phone", "email", "is_ip_staff", "active"]


class PersonViewSet(ScopedViewSet):
    """People of units. A liaison adds and edits the people of its own unit only."""

    queryset = Person.objects.select_related("unit")
    serializer_class = PersonSerializer
    filterset_fields = {"unit": ["exact"], "name": ["exact", "icontains"], "is_ip_staff": ["exact"]}
    write_roles = frozenset({Role.OFFICE, *LIAISONS})
    http_method_names = ["get", "head", "options", "post", "put", "patch"]


class CommitteeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Committee
        fields = ["id", "organisation", "key", "name", "name_en", "parent", "host_unit", "established", "source"]


class CommitteeViewSet(ScopedViewSet):
    queryset = Committee.objects.all()
    serializer_class = CommitteeSerializer
    filterset_fields = {"organisation": ["exact"], "key": ["exact"]}


class MembershipSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "committee", "person", "person_name", "seat", "post", "unit", "start", "end", "order"]


class MembershipFilter(FilterSet):
    current = BooleanFilter(field_name="end", lookup_expr="isnull")

    class Meta:
        model = Membership
        fields = ["committee", "seat", "unit", "person"]


class MembershipViewSet(ScopedViewSet):
    queryset = Membership.objects.select_related("person")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter


class TaskProgressSerializer(serializers.ModelSerializer):
    percent = serializers.IntegerField(read_only=True)

    class Meta:
        model = TaskProgress
        fields = ["id", "label", "state", "done", "total", "percent", "message", "created", "updated"]


class TaskProgressViewSet(ScopedViewSet):
    """Background tasks the caller started (the office and leadership see all), with their progress."""

    queryset = TaskProgress.objects.all()
    serializer_class = TaskProgressSerializer
    allowed_roles = SIGNED_IN

    def get_object(self):
        return settle_progress(super().get_object())  # a vanished worker's task is failed before it is shown


class MeSerializer(serializers.ModelSerializer):
    enterprises = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "role", "unit", "enterprises"]


class MeView(APIView):
    allowed_roles = SIGNED_IN

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)


@extend_schema(
    request=inline_serializer(
        "TokenRequest", {"username": serializers.CharField(), "password": serializers.CharField()}
    ),
    responses={
        200: inline_serializer(
            "TokenResponse",
            {
                "id": serializers.IntegerField(),
                "token": serializers.CharField(),
                "expires": serializers.DateTimeField(),
            },
        )
    },
)
@api_view(["POST"])
@permission_classes([])
def obtain_token(request):
    """Exchange a username and password for a new API token (`Authorization: Token …`), valid for
    ZHICHAN_API_TOKEN_DAYS days; the key is shown only in this answer."""
    username, password = request.data.get("username"), request.data.get("password")
    user = authenticate(request._request, username=username, password=password) if username and password else None
    if user is None or not user.is_active:
        return Response({"detail": _("Invalid username or password.")}, status=status.HTTP_400_BAD_REQUEST)
    token, key = create_token(user, name=str(request.data.get("name") or "")[:100])
    return Response({"id": token.pk, "token": key, "expires": token.expires})


obtain_token.cls.allowed_roles = EVERYONE
