"""REST API of patent navigation: the patent sets (the office POSTs a set of the register; an analysis set is
imported through the imports API as kind `patent-set`), each analysis of a set with its chart, table and the query
of the patents behind each figure, those patents, and the office's merge table."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL, Role

from . import tasks
from .models import ApplicantAlias, PatentSet, SetPatent
from .services import merging
from .services.analyses import CATALOGUE, analyse
from .services.drilling import READERS, patents_behind
from .services.reading import listed


class PatentSetSerializer(serializers.ModelSerializer):
    class Meta:
        model = PatentSet
        fields = [
            "id",
            "name",
            "kind",
            "description",
            "search_strategy",
            "query",
            "batch",
            "project",
            "enterprise",
            "date_basis",
            "state",
            "patent_count",
            "read_at",
            "synthetic",
        ]
        read_only_fields = ["kind", "batch", "enterprise", "state", "patent_count", "read_at", "synthetic"]


class SetPatentSerializer(serializers.ModelSerializer):
    applicants = serializers.SerializerMethodField()
    inventors = serializers.SerializerMethodField()
    ipc_codes = serializers.SerializerMethodField()

    class Meta:
        model = SetPatent
        fields = [
            "id",
            "patent_set",
            "application_number",
            "title",
            "patent_type",
            "filing_date",
            "publication_date",
            "grant_date",
            "applicants",
            "inventors",
            "ipc_codes",
            "unread_classes",
            "status",
            "status_text",
            "province",
            "city",
            "township",
            "register_patent",
        ]

    def get_applicants(self, row) -> list[str]:
        return listed(row.applicants)

    def get_inventors(self, row) -> list[str]:
        return listed(row.inventors)

    def get_ipc_codes(self, row) -> list[str]:
        return listed(row.ipc_codes)


ANALYSIS = inline_serializer(
    "PatentSetAnalysis",
    fields={
        "key": serializers.CharField(),
        "title": serializers.CharField(),
        "note": serializers.CharField(),
        "cannot": serializers.CharField(help_text="Why the set cannot feed this analysis; empty when it can."),
        "chart": serializers.DictField(help_text="The ECharts option the page draws."),
        "headers": serializers.ListField(child=serializers.CharField()),
        "rows": serializers.ListField(
            child=serializers.ListField(child=serializers.DictField()),
            help_text="Cells of {value, drill}: `drill` is the query of `/api/v1/patent-sets/patents/?set=<id>&…` "
            "giving the patents behind the figure.",
        ),
    },
)
FILTERS = [OpenApiParameter(name, str, many=True, required=False) for name in READERS]


class PatentSetViewSet(ScopedViewSet):
    """Patent sets, newest first: the county's register as a search chooses it, or an imported analysis set."""

    queryset = PatentSet.objects.defer("aggregates")  # read by the analyses only
    serializer_class = PatentSetSerializer
    allowed_roles = PROGRAMME_USERS
    write_roles = frozenset({Role.OFFICE, Role.ENTERPRISE})
    http_method_names = ["get", "head", "options", "post"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = {
            name: serializer.validated_data[name]
            for name in ("name", "query", "description", "search_strategy", "project", "date_basis")
            if name in serializer.validated_data
        }
        made = tasks.create_register_set(request.user, **values)
        return Response(self.get_serializer(made).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=PatentSetSerializer)
    @action(detail=False, methods=["post"])
    def mine(self, request):
        """An enterprise's set of its own patents in the register, read again in the background."""
        return Response(self.get_serializer(tasks.own_set(request.user)).data)

    @extend_schema(
        responses=ANALYSIS,
        parameters=[
            OpenApiParameter("key", str, enum=list(CATALOGUE), description="The analysis; trend when not given."),
            OpenApiParameter("level", str, enum=["section", "class", "subclass", "group"], required=False),
            OpenApiParameter("against", int, required=False, description="A set to compare with (position)."),
        ],
    )
    @action(detail=True, methods=["get"])
    def analysis(self, request, pk=None):
        """One analysis of the set (`key`): its chart, its table and the query of the patents behind each figure."""
        patent_set = self.get_object()
        key = request.query_params.get("key", "trend")
        if key not in CATALOGUE:
            raise NotFound()
        against = None
        other = request.query_params.get("against", "")
        if other.isdigit():
            against = PatentSet.objects.visible_to(request.user).exclude(pk=patent_set.pk).filter(pk=other).first()
        found = analyse(patent_set, key, level=request.query_params.get("level", "subclass"), against=against)
        return Response(found.as_json())


class SetPatentViewSet(ScopedViewSet):
    """The patents of the sets one may read, by application number; `set` and a figure's `drill` query (`year`,
    `ipc`, `applicant`, …) choose the patents behind that figure."""

    queryset = SetPatent.objects.all()
    serializer_class = SetPatentSerializer
    allowed_roles = PROGRAMME_USERS
    write_roles = frozenset()

    @extend_schema(parameters=[OpenApiParameter("set", int, required=False), *FILTERS])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        rows = super().get_queryset()
        chosen = self.request.query_params.get("set", "")
        if self.action != "list" or not chosen:
            return rows.order_by("patent_set_id", "application_number")
        patent_set = PatentSet.objects.visible_to(self.request.user).defer("aggregates").filter(pk=chosen).first()
        if not chosen.isdigit() or patent_set is None:
            raise NotFound()
        behind, _described = patents_behind(patent_set, self.request.query_params)
        return behind


class ApplicantAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicantAlias
        fields = ["id", "alias", "name", "note"]


class ApplicantAliasViewSet(ScopedViewSet):
    """The office's merge table: each name as written, counted as another in every set's figures."""

    queryset = ApplicantAlias.objects.all()
    serializer_class = ApplicantAliasSerializer
    allowed_roles = SEE_ALL
    http_method_names = ["get", "head", "options", "post", "delete"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        merged = merging.merge(request.user, **serializer.validated_data)
        tasks.refresh_all_in_background(request.user)
        return Response(self.get_serializer(merged).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        merging.unmerge(self.request.user, alias=instance)
        tasks.refresh_all_in_background(self.request.user)
