"""Trademark pages: the list with filters and search, its Excel export, and one mark with its term and events."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..columns import TRADEMARKS
from ..filters import TrademarkFilter
from ..labels import describe
from ..models import Trademark
from ..services import trademarks as rules
from ..services.portfolio import term_end, trademarks_with_validity
from .common import READERS, export_note, filtered, legal_history, list_context, with_states, with_today


def _trademarks():
    return Trademark.objects.select_related("region").prefetch_related("holders", "events")


@require_safe
@allow(READERS)
def trademark_list(request):
    context = list_context(request, filtered(request, TrademarkFilter, _trademarks()))
    context["rows"] = trademarks_with_validity(context["page"], timezone.localdate())
    return render(request, "registry/trademark_list.html", context)


@require_safe
@allow(READERS)
def trademark_export(request):
    return respond(request, trademark_workbook)


def trademark_workbook(request) -> xlsx.Workbook:
    today = timezone.localdate()
    trademarks = filtered(request, TrademarkFilter, _trademarks()).qs
    records = (  # lazy: read as the rows are written, in the background when large
        with_today(t, state=str(state["label"]), term_end=term_end(t, today, t.events.all()))
        for t, state in with_states(trademarks_with_validity, trademarks, today)
    )
    sheet = columns.sheet(_("Trademarks"), TRADEMARKS, records, note=export_note(_("Trademarks")))
    return xlsx.Workbook(f"{_('Trademark list')}-{today:%Y%m%d}.xlsx", [sheet], rows=trademarks.count())


@require_safe
@allow(READERS, scope=Trademark)
def trademark_detail(request, pk):
    trademark = get_object_or_404(
        Trademark.objects.visible_to(request.user).select_related("region", "import_batch").prefetch_related("events"),
        pk=pk,
    )
    today = timezone.localdate()
    events = list(trademark.events.all())
    context = {
        "trademark": trademark,
        "state": describe(rules.status_on(trademark, today, events)),
        "events": events,
        **legal_history(request.user, trademark, events),
        "term_end": term_end(trademark, today, events),
        "holders": trademark.holders.visible_to(request.user).select_related("region"),
        "geographical_indications": trademark.geographical_indications.visible_to(request.user),
        "history": trademark.history.select_related("history_user")[:20],
        "today": today,
    }
    return render(request, "registry/trademark_detail.html", context)
