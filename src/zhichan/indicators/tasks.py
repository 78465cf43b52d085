"""Background recomputation: started by the office from the indicator list, or after records change."""

from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.core.events import record
from zhichan.core.services.progress import finish, tracking

from .events import COMPUTED
from .services.compute import compute


@task()
def compute_task(progress_id: int, codes: list[str] | None = None, programme: str | None = None):
    """Recompute the values of the readings (all, those of the codes, those of one programme key). The codes are
    read from the progress record as the task starts: recomputes asked for while it was queued widen them there
    (services/readings.py `coalesced`)."""
    with tracking(progress_id) as report:
        codes = ((report.run.arguments or {}).get("kwargs") or {}).get("codes", codes)
        count = compute(codes=codes or None, progress=report, programme=programme)
        extra = {"programme": programme} if programme else {}
        record(report.run.user, COMPUTED, report.run, codes=codes or [], values=count, **extra)
    finish(progress_id, _("%(count)d indicator values computed.") % {"count": count})


@task()
def recompute_after_change():
    """Run by the debounced signal handler: recompute everything once the burst of changes is over."""
    compute()
