"""The transfer pages: the list with each transfer's running clocks (the least time left first), and a transfer with
its clocks explained, the hours from approval to transfer, the steps the reader's side may take and the event log.
Thin: each reads its form and calls the transfer's actions (services/transfers.py)."""

import datetime
from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.views.steps import step_forms, take_step

from .forms_transfers import TransferFilterForm
from .models import Case, Transfer
from .services import transfers
from .transfer_steps import STEPS
from .views import _query_without_page

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50
RELATED = ("case", "unit", "police", "procuratorate")
WAITS_FOR_UNIT = _("the reporting unit's step")
WAITS_FOR_POLICE = _("the police's step")


@allow(STAFF)
def transfer_list(request):
    form = TransferFilterForm(request.GET or None)
    found = Transfer.objects.visible_to(request.user).select_related(*RELATED)
    if form.is_valid() and form.cleaned_data.get("state"):
        found = found.filter(state=form.cleaned_data["state"])
    rows = list(found)
    readings = transfers.open_readings(rows)
    # The running clock's due date first (the least time left), then the rest, newest report first (their order).
    rows.sort(key=lambda row: readings[row.pk][0].due if row.pk in readings else datetime.date.max)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": [(row, readings.get(row.pk, [])) for row in page],
        "query": _query_without_page(request),
    }
    return render(request, "protection/transfer_list.html", context)


@allow(STAFF, write=WRITERS, scope=Transfer)
def transfer_detail(request, pk):
    transfer = get_object_or_404(Transfer.objects.visible_to(request.user).select_related(*RELATED), pk=pk)
    return render(request, "protection/transfer_detail.html", _detail_context(request, transfer))


def _detail_context(request, transfer, forms=None):
    return {
        "transfer": transfer,
        # Each clock with the side whose step it waits for.
        "readings": [
            (reading, WAITS_FOR_POLICE if reading.rule.key in transfers.POLICE_RULES else WAITS_FOR_UNIT)
            for reading in transfers.transfer_readings(transfer)
        ],
        "steps": step_forms(STEPS, transfer, request.user, forms),
        # The police and the procuratorate read the transfer, not the case's own record (its parties' identities).
        "sees_case": Case.objects.visible_to(request.user).filter(pk=transfer.case_id).exists(),
    }


@form_post("transfer-detail", "pk")
@allow(STAFF, write=WRITERS, scope=Transfer)
def transfer_step(request, pk):
    transfer = get_object_or_404(Transfer.objects.editable_by(request.user).select_related(*RELATED), pk=pk)
    context = partial(_detail_context, request, transfer)
    return take_step(request, transfer, STEPS, "protection/transfer_detail.html", context)
