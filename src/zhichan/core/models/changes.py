from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeMark(models.Model):
    """When a table was last written by a path that leaves no history row (a synthetic register loaded or removed
    in bulk): cached figures read from the table key on it beside its history (core/versions.py: `mark`)."""

    table = models.CharField(_("table"), max_length=100, unique=True)
    changed = models.DateTimeField(_("changed"), db_index=True)

    class Meta:
        verbose_name = _("change mark")
        verbose_name_plural = _("change marks")

    def __str__(self):
        return f"{self.table} {self.changed:%Y-%m-%d %H:%M:%S}"
