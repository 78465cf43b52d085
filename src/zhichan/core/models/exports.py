"""A file exported in the background: kept for the user who asked, and for no one else."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..scoping import Scope, ScopedQuerySet
from .tasks import TaskProgress


class ExportFile(models.Model):
    task = models.OneToOneField(TaskProgress, models.CASCADE, related_name="export", verbose_name=_("background task"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="exports", verbose_name=_("asked by")
    )
    name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to="exports/%Y/%m/", max_length=300)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    # Built from what this user may see: the office and leaders do not read other users' files.
    scope = Scope(owner="user", private=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("exported file")
        verbose_name_plural = _("exported files")
        ordering = ["-created"]

    def __str__(self):
        return self.name
