"""REST API for indicators: definitions, computed values (with the records behind one), reported figures."""

from decimal import Decimal

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.models import Unit
from zhichan.core.numbers import format_figure
from zhichan.core.pagination import Pagination
from zhichan.core.params import query, text_field
from zhichan.core.roles import LIAISONS, Role

from .filters import DataValueFilter, IndicatorValueFilter
from .models import DataElement, DataValue, Indicator, IndicatorValue, Reading, ValidationRule
from .services import entry
from .services.drilldown import behind, inputs_of, record_url
from .services.programmes import chosen_programme
from .services.readings import current, reading_key
from .services.wording import formula_of, labels

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class ReadingSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)

    class Meta:
        model = Reading
        fields = [
            "id",
            "programme",
            "indicator",
            "indicator_code",
            "window",
            "since",
            "options",
            "reading",
            "revision",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    readings = ReadingSerializer(many=True, read_only=True, help_text="Each programme's reading of the measure.")
    formula_display = serializers.SerializerMethodField(
        help_text="The formula in words: each name by its display name, ÷ and × for / and *."
    )

    def get_formula_display(self, indicator) -> str:
        if "formula_labels" not in self.context:
            self.context["formula_labels"] = labels()  # one query for a whole list
        return formula_of(indicator, self.context["formula_labels"])

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "unit_of_measure",
            "decimals",
            "numerator",
            "denominator",
            "formula_display",
            "definition",
            "excludes",
            "source",
            "readings",
        ]


class IndicatorViewSet(ScopedViewSet):
    """The measures, each with every programme's reading of it."""

    queryset = Indicator.objects.prefetch_related("readings")
    serializer_class = IndicatorSerializer
    filterset_fields = ["code"]


class ReadingViewSet(ScopedViewSet):
    """How each programme counts each indicator (since when, over which window, with which options, and why)."""

    queryset = Reading.objects.select_related("indicator")
    serializer_class = ReadingSerializer
    filterset_fields = ["programme", "indicator", "indicator__code"]


class IndicatorValueSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    value_display = serializers.SerializerMethodField()
    reason_text = serializers.CharField(read_only=True)
    programme = serializers.CharField(source="reading.programme", read_only=True)
    stale = serializers.BooleanField(
        read_only=True, help_text="Computed under an earlier revision of its reading: it is being recomputed."
    )

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "indicator",
            "indicator_code",
            "reading",
            "programme",
            "revision",
            "stale",
            "region",
            "period",
            "period_end",
            "value",
            "value_display",
            "numerator",
            "denominator",
            "inputs",
            "reason",
            "reason_text",
            "computed_at",
        ]

    def get_value_display(self, value) -> str:
        return format_figure(value.value, value.indicator.decimals)


RECORDS = inline_serializer(
    "IndicatorValueRecords",
    fields={
        "input": serializers.CharField(),
        "label": serializers.CharField(),
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "records": serializers.ListField(
            child=serializers.DictField(), help_text="Each record: pk, url and the source's columns by key."
        ),
    },
)


class IndicatorValueViewSet(ScopedViewSet):
    """Computed values under one programme's readings (`?programme=key`; default: the programme the reader chose, else
    the first); filter by indicator, region and period. The list holds current values only; a stale value read by
    its id says so. `records/?input=name` lists what one is made of."""

    queryset = IndicatorValue.objects.select_related("indicator", "reading")
    serializer_class = IndicatorValueSerializer
    filterset_class = IndicatorValueFilter

    @extend_schema(
        parameters=[OpenApiParameter("programme", str, description="A programme key (default: the chosen one).")]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "list":
            return queryset
        key = query(self.request, programme=text_field(60))["programme"]
        return current(queryset.filter(reading__programme=key or reading_key(chosen_programme(self.request))))

    @extend_schema(
        parameters=[
            OpenApiParameter("input", str, description="One of the value's inputs (default: the numerator's first)."),
            OpenApiParameter("page", {"type": "integer", "minimum": 1}),
            OpenApiParameter("page_size", {"type": "integer", "minimum": 1, "maximum": Pagination.max_page_size}),
        ],
        responses={200: RECORDS},
    )
    @action(detail=True, methods=["get"])
    def records(self, request, pk=None):
        value = self.get_object()
        names = inputs_of(value)  # the numerator's first, as on the page
        name = query(request, input=text_field(100))["input"] or (names[0] if names else "")
        found = behind(value, name, request.user)
        if found is None:
            raise NotFound("unknown input")
        paginator = Pagination()
        page = paginator.paginate_queryset(found.records, request, view=self)
        columns = found.source.columns
        rows = [
            {
                "pk": record.pk,
                "url": record_url(found.source, record),
                **{column.key: _json(column.of(record)) for column in columns},
            }
            for record in page
        ]
        # "records", not "results": these are rows of another model than the endpoint's.
        return Response(
            {
                "input": found.name,
                "label": str(found.source.label),
                "count": paginator.page.paginator.count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "records": rows,
            }
        )


def _json(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "_meta"):
        return str(value)
    return value


class DataElementSerializer(serializers.ModelSerializer):
    shown_decimals = serializers.IntegerField(read_only=True)

    class Meta:
        model = DataElement
        fields = [
            "id",
            "code",
            "name",
            "description",
            "unit_of_measure",
            "value_type",
            "aggregation",
            "period_type",
            "min_value",
            "max_value",
            "decimals",
            "shown_decimals",
            "units",
            "is_population",
        ]


class DataElementViewSet(ScopedViewSet):
    queryset = DataElement.objects.prefetch_related("units")
    serializer_class = DataElementSerializer


class DataValueSerializer(serializers.ModelSerializer):
    submit = serializers.BooleanField(write_only=True, required=False, default=False)
    value_display = serializers.CharField(source="shown", read_only=True)

    class Meta:
        model = DataValue
        fields = [
            "id",
            "element",
            "region",
            "period",
            "value",
            "value_display",
            "unit",
            "comment",
            "state",
            "return_reason",
            "submitted_at",
            "approved_at",
            "submit",
        ]
        read_only_fields = ["state", "return_reason", "submitted_at", "approved_at"]
        # The unit's region unless given: a sub-region a target names for the figure (the office: any region).
        extra_kwargs = {"region": {"required": False}}
        validators = []  # the domain operation decides about an existing value


class DataValueViewSet(ScopedViewSet):
    """Reported figures. POST (element, unit, period, value[, comment, submit, region]) creates or changes a unit's
    value for its region, or for `region` when a target of the unit's programme names that sub-region for the
    figure (as the entry page does; the office: any region); a liaison writes only its own unit's, and an approved
    value only the office."""

    queryset = DataValue.objects.select_related("element", "region", "unit")
    serializer_class = DataValueSerializer
    filterset_class = DataValueFilter
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        unit = get_object_or_404(Unit, pk=data["unit"].pk)
        row = entry.save_value(
            data["element"],
            unit,
            data["period"],
            data["value"],
            request.user,
            comment=data.get("comment", ""),
            submit=data.get("submit", False),
            region=data.get("region"),
        )
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)


class ValidationRuleSerializer(serializers.ModelSerializer):
    text = serializers.CharField(read_only=True)
    readable = serializers.SerializerMethodField()

    class Meta:
        model = ValidationRule
        fields = ["id", "code", "name", "left", "operator", "right", "readable", "message", "message_en", "text"]

    def get_readable(self, rule) -> str:
        """The rule with the data elements' names, e.g. 其中按期结案数 ≤ 知识产权行政执法案件结案数."""
        if "elements" not in self.context:
            self.context["elements"] = {e.variable: e for e in DataElement.objects.all()}
        return rule.readable(self.context["elements"])


class ValidationRuleViewSet(ScopedViewSet):
    """Checks between reported figures of one region and period; `text` is the message in the reader's language."""

    queryset = ValidationRule.objects.all()
    serializer_class = ValidationRuleSerializer
    filterset_fields = ["code"]
