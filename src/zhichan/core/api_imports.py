"""/api/v1/imports/: the caller's import batches (the office's: all of its organisation); upload a file (a preview
by default), then import the preview ("confirm") without sending the file again. A liaison imports the kinds open
to its role (`ImportKind.roles`). The same operations as the import pages (imports/)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from .api import ScopedViewSet
from .imports.confirming import confirm_preview
from .imports.errors import FileRejected
from .imports.forms import ImportForm
from .imports.kinds import IMPORTERS
from .imports.starting import start_import
from .models import ImportBatch, ImportRejection
from .services.interruptions import settle_batch


class ImportBatchSerializer(serializers.ModelSerializer):
    """A batch; its outcome in the reader's language (as the batch page gives it)."""

    message = serializers.CharField(source="shown_message", read_only=True)

    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "kind",
            "file_name",
            "profile",
            "source",
            "dry_run",
            "state",
            "message",
            "rows",
            "created_count",
            "updated_count",
            "unchanged_count",
            "rejected_count",
            "preview",
            "task",
            "created",
            "finished",
        ]
        read_only_fields = fields


class ImportRejectionSerializer(serializers.ModelSerializer):
    """A rejected row; the reason in the reader's language (as the batch page and its workbook give it)."""

    field = serializers.CharField(source="shown_field", read_only=True)
    reason = serializers.CharField(source="shown_reason", read_only=True)

    class Meta:
        model = ImportRejection
        fields = ["row", "field", "value", "reason"]
        read_only_fields = fields


class ImportBatchViewSet(ScopedViewSet):
    """POST a multipart `kind`, `file` (and optional `profile`, `source`, `dry_run`, true unless "false") to
    preview a file; POST /imports/{id}/confirm/ to import a finished preview; GET /imports/{id}/rejections/ lists
    the rejected rows."""

    queryset = ImportBatch.objects.select_related("user", "task")
    serializer_class = ImportBatchSerializer

    def get_object(self):
        return settle_batch(super().get_object())  # a vanished worker's batch is failed before it is shown

    def get_queryset(self):
        if self.action == "confirm":
            # A preview is imported by whoever previewed it or the office (confirm_preview checks may_confirm): a
            # liaison reads its own batches but edits none.
            return ImportBatch.objects.visible_to(self.request.user).select_related("user", "task")
        return super().get_queryset()

    allowed_roles = IMPORTERS
    write_roles = IMPORTERS
    http_method_names = ["get", "post", "head", "options"]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def create(self, request, *args, **kwargs):
        data = request.data.copy() if hasattr(request.data, "copy") else dict(request.data)
        data["dry_run"] = str(request.data.get("dry_run", "true")).lower() not in ("false", "0", "no", "")
        form = ImportForm(data, request.FILES, user=request.user)
        if not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        cleaned = form.cleaned_data
        try:
            batch = start_import(
                request.user,
                cleaned["kind"],
                cleaned["file"],
                profile=cleaned["profile"],
                dry_run=cleaned["dry_run"],
                source=cleaned["source"],
            )
        except FileRejected as error:
            raise ValidationError({"file": [error.message]}) from None
        return Response(self.get_serializer(batch).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Import now: the preview's stored file becomes an import (once); answers the new batch."""
        preview = self.get_object()
        try:
            batch = confirm_preview(request.user, preview)
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from None
        return Response(self.get_serializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=ImportRejectionSerializer(many=True))
    @action(detail=True, methods=["get"], serializer_class=ImportRejectionSerializer)
    def rejections(self, request, pk=None):
        """The batch's rejected rows, a page at a time, by row: row number, column, value and reason."""
        batch = self.get_object()
        page = self.paginate_queryset(batch.rejections.order_by("row", "pk"))
        return self.get_paginated_response(ImportRejectionSerializer(page, many=True).data)
