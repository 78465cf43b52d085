"""A file attached to any record (a report's evidence, later a case's documents): one model, scoped by its record."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scoping import NOTHING


def attachment_path(attachment, filename):
    kind = ContentType.objects.get_for_id(attachment.record_type_id)
    return f"attachments/{kind.app_label}.{kind.model}/{attachment.record_id}/{filename}"


class AttachmentQuerySet(models.QuerySet):
    """Scoped like the records: a file is read (written) by whoever reads (writes) the record it belongs to, as the
    record model's own `visible_to` / `editable_by` say. A record model without them shows its files to no one."""

    def visible_to(self, user):
        return self._through_records("visible_to", user)

    def editable_by(self, user):
        return self._through_records("editable_by", user)

    def on(self, record):
        """The files attached to one record."""
        return self.filter(record_type=ContentType.objects.get_for_model(record), record_id=record.pk)

    def _through_records(self, rule, user):
        condition = NOTHING
        kinds = self.model._default_manager.order_by().values_list("record_type", flat=True).distinct()
        for kind_id in list(kinds):
            model = ContentType.objects.get_for_id(kind_id).model_class()
            scoped = getattr(model._default_manager, rule, None) if model is not None else None
            if scoped is not None:
                condition |= Q(record_type_id=kind_id, record_id__in=scoped(user).values("pk"))
        return self.filter(condition)


class Attachment(models.Model):
    """A file on a record. Its type is found from its content, never from the browser; the file is served only
    through the download view, to those who may read the record."""

    record_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+", verbose_name=_("record type"))
    record_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("record_type", "record_id")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=50, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["record_type", "record_id"], name="attachment_record")]

    def __str__(self):
        return self.name
