"""/api/v1/exports/: the files exported in the background for the caller (and no one else), to download."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from zhichan.documents.files import response

from .api import ScopedViewSet
from .models import ExportFile
from .params import id_field, query
from .roles import SIGNED_IN


class ExportFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExportFile
        fields = ["id", "task", "name", "created"]


class ExportFileViewSet(ScopedViewSet):
    """A large export started on a page (or a task's `id` from /api/v1/tasks/) ends here; `?task=` narrows."""

    queryset = ExportFile.objects.all()
    serializer_class = ExportFileSerializer
    allowed_roles = SIGNED_IN

    def get_queryset(self):
        queryset = super().get_queryset()
        task = query(self.request, task=id_field())["task"]
        return queryset.filter(task_id=task) if task else queryset

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def file(self, request, pk=None):
        export = self.get_object()
        with export.file.open("rb") as handle:
            return response(handle.read(), export.name)
