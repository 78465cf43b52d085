"""The published datasets through the public API (/api/v1/public/datasets/): the list of datasets, and one with all
its rows, read-only and without an account — the same reading as the JSON download (services/datasets.py)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from .api import _Public
from .services import datasets


class LicenceSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class DatasetLinksSerializer(serializers.Serializer):
    page = serializers.CharField()
    api = serializers.CharField()
    dcat = serializers.CharField()
    csv = serializers.CharField()
    xlsx = serializers.CharField()
    json = serializers.CharField()


class DatasetSerializer(serializers.Serializer):
    key = serializers.SlugField()
    title = serializers.CharField()
    description = serializers.CharField()
    rule = serializers.CharField(help_text="What 'published' means for this dataset.")
    publisher = serializers.CharField()
    licence = LicenceSerializer()
    frequency = serializers.CharField()
    region = serializers.CharField()
    region_code = serializers.CharField()
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    modified = serializers.DateTimeField(allow_null=True)
    count = serializers.IntegerField(help_text="How many rows are published.")
    links = DatasetLinksSerializer()


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class DatasetRowsSerializer(DatasetSerializer):
    links = None
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(
        child=serializers.DictField(), help_text="Each published row: {column key: text, number, date or null}."
    )


class PublicDatasetViewSet(_Public, viewsets.ViewSet):
    """The published lists and data: what each holds, and its rows."""

    lookup_field = "key"
    lookup_value_regex = "[a-z0-9-]+"

    @extend_schema(responses=DatasetSerializer(many=True))
    def list(self, request):
        return Response([DatasetSerializer(datasets.summary(found)).data for found in datasets.datasets()])

    @extend_schema(responses=DatasetRowsSerializer)
    def retrieve(self, request, key=None):
        found = datasets.dataset(key)
        return Response(datasets.document(found))
