"""Data quality: the share of the rows a unit's staff imported that the platform accepted (core import batches).
A unit that imported nothing in the period has nothing to judge and earns the item in full."""

from collections import defaultdict
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhichan.core.models import ImportBatch
from zhichan.core.models.imports import ImportState

from .base import Evidence, Measure, Source


class ImportedRowsAccepted(Source):
    key = "data_quality"
    label = gettext_lazy("Imported rows accepted (data quality)")
    wording = gettext_lazy("%(done)s of %(due)s imported rows accepted")

    def measure(self, units, start, end, params):
        batches = ImportBatch.objects.filter(
            user__unit_id__in=[unit.pk for unit in units],
            dry_run=False,
            state=ImportState.DONE,
            finished__date__gte=start,
            finished__date__lte=end,
        ).select_related("user")
        found = defaultdict(lambda: Measure(due=Decimal(0)))
        for batch in batches.order_by("finished"):
            measure = found[batch.user.unit_id]
            measure.due += batch.rows
            measure.done += batch.rows - batch.rejected_count
            note = _("%(rows)s rows, %(rejected)s rejected") % {"rows": batch.rows, "rejected": batch.rejected_count}
            label = f"{batch.file_name or batch.kind} · {timezone.localdate(batch.finished)}"
            measure.records.append(
                Evidence(label, reverse("import-batch", args=[batch.pk]), not batch.rejected_count, note)
            )
        return dict(found)
