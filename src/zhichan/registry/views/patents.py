"""Patent pages: the list with filters and search, its Excel export, and one patent with its legal status."""

import datetime

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..columns import PATENTS
from ..filters import PatentFilter
from ..labels import describe
from ..models import Patent
from ..services import patents as rules
from ..services.portfolio import patents_with_validity
from ..terms import anniversary
from .common import READERS, export_note, filtered, legal_history, list_context, with_states, with_today


def _patents():
    return Patent.objects.select_related("region").prefetch_related("holders", "events")


@require_safe
@allow(READERS)
def patent_list(request):
    context = list_context(request, filtered(request, PatentFilter, _patents()))
    today = timezone.localdate()
    context["rows"] = patents_with_validity(context["page"], today)
    context["today"] = today
    return render(request, "registry/patent_list.html", context)


@require_safe
@allow(READERS)
def patent_export(request):
    return respond(request, patent_workbook)


def patent_workbook(request) -> xlsx.Workbook:
    today = timezone.localdate()
    patents = filtered(request, PatentFilter, _patents()).qs
    records = (  # lazy: read as the rows are written, in the background when large
        with_today(p, state=str(state["label"]), since=state["since"])
        for p, state in with_states(patents_with_validity, patents, today)
    )
    sheet = columns.sheet(_("Patents"), PATENTS, records, note=export_note(_("Patents")))
    return xlsx.Workbook(f"{_('Patent list')}-{today:%Y%m%d}.xlsx", [sheet], rows=patents.count())


@require_safe
@allow(READERS, scope=Patent)
def patent_detail(request, pk):
    patent = get_object_or_404(
        Patent.objects.visible_to(request.user).select_related("region", "import_batch").prefetch_related("events"),
        pk=pk,
    )
    today = timezone.localdate()
    events = list(patent.events.all())
    expires = rules.expiry_date(patent)
    context = {
        "patent": patent,
        "state": describe(rules.status_on(patent, today, events)),
        "events": events,
        **legal_history(request.user, patent, events),
        "term_end": expires - datetime.timedelta(days=1),
        "expiry": expires,
        "next_annuity": rules.next_annuity_due(patent, today, events),
        "high_value": rules.is_high_value(patent, today, events),
        "high_value_facts": patent.high_value_facts(),
        "ten_years": anniversary(patent.filing_date, rules.HIGH_VALUE_YEARS),
        "holders": patent.holders.visible_to(request.user).select_related("region"),
        "ipc_codes": [code.strip() for code in patent.ipc_codes.split(";") if code.strip()],
        "history": patent.history.select_related("history_user")[:20],
        "today": today,
    }
    return render(request, "registry/patent_detail.html", context)
