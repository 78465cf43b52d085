"""The dishonesty-record pages: the list (filters, Excel export), a new record, a record with its repair
applications, its steps and its events. Thin: each reads its form and calls the services."""

import datetime
from functools import partial

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step
from zhichan.documents import xlsx

from .columns import RECORD_COLUMNS
from .forms import RecordFilterForm, RecordForm
from .models import DishonestyRecord, RecordState
from .services import records
from .services.repair import RECORD_CONDITIONS
from .services.subjects import shown_id, shown_name
from .steps import RECORD_STEPS
from .todos import ENDING_WITHIN_DAYS

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def filtered_records(user, params):
    form = RecordFilterForm(params or None)
    found = DishonestyRecord.objects.visible_to(user).select_related("kind", "unit")
    if form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            text = data["q"].strip()
            found = found.filter(
                Q(subject_name__icontains=text) | Q(credit_code=text.upper()) | Q(document_number__icontains=text)
            )
        if data.get("kind"):
            found = found.filter(kind=data["kind"])
        if data.get("state"):
            found = found.filter(state=data["state"])
        if data.get("ending"):
            today = timezone.localdate()
            found = found.filter(
                state=RecordState.IN_FORCE,
                published_to__gte=today,
                published_to__lte=today + datetime.timedelta(days=ENDING_WITHIN_DAYS),
            )
    return form, found


class Shown:
    """A record as the reader may read it: a person's name masked for those who may not read the person."""

    def __init__(self, record, user):
        self.record = record
        self.name = shown_name(record, user)
        self.id_number = shown_id(record, user)


@allow(STAFF)
def record_list(request):
    form, found = filtered_records(request.user, request.GET)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": [Shown(record, request.user) for record in page],
        "query": query_without_page(request),
        "today": timezone.localdate(),
        "may_enter": request.user.role in WRITERS,
    }
    return render(request, "credit/record_list.html", context)


# What another page may fill in for a new record (a random inspection's result with problems links here).
PREFILLED = ("subject_kind", "subject_name", "credit_code", "source", "inspection_reference", "found_on", "facts")


@allow(WRITERS)
def record_new(request):
    initial = {name: request.GET[name] for name in PREFILLED if request.GET.get(name)}
    form = RecordForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            records.enter_record,
            request.user,
            unit=data["unit"],
            subject_kind=data["subject_kind"],
            subject_name=data["subject_name"],
            credit_code=data.get("credit_code", ""),
            id_number=data.get("id_number", ""),
            kind=data["kind"],
            source=data["source"],
            case=data.get("case"),
            inspection_reference=data.get("inspection_reference", ""),
            found_on=data["found_on"],
            document_number=data["document_number"],
            facts=data["facts"],
            form=form,
            done=_("The record is entered."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "credit/record_new.html", {"form": form})


def _detail_context(request, record, forms=None):
    repairs = list(record.repairs.order_by("-asked_on", "-pk"))
    return {
        "record": record,
        "shown": Shown(record, request.user),
        "standing": record.standing_label(),
        "repairs": [(r, [RECORD_CONDITIONS.get(key, key) for key in r.conditions]) for r in repairs],
        "steps": step_forms(RECORD_STEPS, record, request.user, forms),
    }


@allow(STAFF, write=WRITERS, scope=DishonestyRecord)
def record_detail(request, pk):
    record = get_object_or_404(DishonestyRecord.objects.visible_to(request.user).select_related("kind", "unit"), pk=pk)
    return render(request, "credit/record_detail.html", _detail_context(request, record))


@form_post("credit-record-detail", "pk")
@allow(STAFF, write=WRITERS, scope=DishonestyRecord)
def record_step(request, pk):
    record = get_object_or_404(DishonestyRecord.objects.editable_by(request.user).select_related("kind", "unit"), pk=pk)
    return take_step(
        request, record, RECORD_STEPS, "credit/record_detail.html", partial(_detail_context, request, record)
    )


@require_safe
@allow(STAFF)
def record_export(request):
    return respond(request, records_workbook)


class _Exported:
    """A record with the subject's name as the reader may read it."""

    def __init__(self, record, user):
        self._record = record
        self.subject_name = shown_name(record, user)

    def __getattr__(self, name):
        return getattr(self._record, name)


def records_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_records(request.user, request.GET)
    found = found.order_by("found_on", "pk")
    now = timezone.localtime()
    title = _("Dishonesty records")
    note = _("%(title)s · %(count)d rows · exported %(time)s by %(user)s") % {
        "title": title,
        "count": found.count(),
        "time": now.strftime("%Y-%m-%d %H:%M"),
        "user": request.user.display_name,
    }
    rows = (_Exported(record, request.user) for record in found.iterator(chunk_size=2000))
    sheet = columns.sheet(title, RECORD_COLUMNS, rows, note=note)
    return xlsx.Workbook(f"{title}-{now:%Y%m%d}.xlsx", [sheet], rows=found.count())
