from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from ..access import allow
from ..models import WorkerHeartbeat
from ..roles import EVERYONE


@never_cache
@allow(EVERYONE)
def healthz(request):
    """Database and task-worker status for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # report, never raise: this is what monitoring reads
        database = {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    worker = {"ok": False, "workers": 0, "last_seen": None}
    if database["ok"]:
        fresh = timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS)
        last = WorkerHeartbeat.objects.order_by("-seen").values_list("seen", flat=True).first()
        worker = {
            "ok": bool(last and last >= fresh),
            "workers": WorkerHeartbeat.objects.filter(seen__gte=fresh).count(),
            "last_seen": last.isoformat() if last else None,
        }
    status = "ok" if database["ok"] and worker["ok"] else ("degraded" if database["ok"] else "down")
    return JsonResponse(
        {"status": status, "database": database, "worker": worker},
        status=200 if database["ok"] else 503,
    )
