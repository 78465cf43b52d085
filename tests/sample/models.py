from django.db import models
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet


class Note(models.Model):
    """A unit's note: a record scoped like any unit's work."""

    unit = models.ForeignKey("core.Unit", on_delete=models.PROTECT)
    title = models.CharField(max_length=100)
    history = HistoricalRecords()

    scope = Scope(unit="unit", owners_write=True)
    objects = ScopedQuerySet.as_manager()

    def __str__(self):
        return self.title
