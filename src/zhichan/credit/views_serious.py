"""The serious-dishonesty list pages: the list (filters, Excel export), a new listing, a listing with its term,
its early-removal applications, its steps and its events."""

from functools import partial

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.clocks import clock
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step
from zhichan.documents import xlsx

from .columns import LISTING_COLUMNS
from .forms import ListingFilterForm, ListingForm
from .models import SeriousListEntry
from .services import serious
from .services.repair import LISTING_CONDITIONS, listing_removal_from
from .services.settings import SERIOUS_TERM_RULE, serious_term_ends
from .steps import ENTRY_STEPS
from .views import PER_PAGE, WRITERS, Shown, _Exported, query_without_page


def filtered_listings(user, params):
    form = ListingFilterForm(params or None)
    found = SeriousListEntry.objects.visible_to(user).select_related("unit")
    if form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            text = data["q"].strip()
            found = found.filter(
                Q(subject_name__icontains=text) | Q(credit_code=text.upper()) | Q(decision_number__icontains=text)
            )
        if data.get("state"):
            found = found.filter(state=data["state"])
    return form, found


@allow(STAFF)
def listing_list(request):
    form, found = filtered_listings(request.user, request.GET)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": [(Shown(entry, request.user), serious_term_ends(entry.listed_on)) for entry in page],
        "query": query_without_page(request),
        "may_enter": request.user.role in WRITERS,
    }
    return render(request, "credit/serious_list.html", context)


@allow(WRITERS)
def listing_new(request):
    form = ListingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            serious.list_subject,
            request.user,
            unit=data["unit"],
            subject_kind=data["subject_kind"],
            subject_name=data["subject_name"],
            credit_code=data.get("credit_code", ""),
            id_number=data.get("id_number", ""),
            case=data.get("case"),
            decision_number=data["decision_number"],
            listed_on=data["listed_on"],
            reasons=data["reasons"],
            form=form,
            done=_("The party is put on the list."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "credit/serious_new.html", {"form": form})


def _detail_context(request, entry, forms=None):
    repairs = list(entry.repairs.order_by("-asked_on", "-pk"))
    try:
        reading = clock(entry, rule=SERIOUS_TERM_RULE)
    except Exception:  # a listing entered before its rule was loaded has no clock
        reading = None
    return {
        "entry": entry,
        "shown": Shown(entry, request.user),
        "reading": reading,
        "term_ends": serious_term_ends(entry.listed_on),
        "removal_from": listing_removal_from(entry),
        "on_list": serious.on_list(entry),
        "repairs": [(r, [LISTING_CONDITIONS.get(key, key) for key in r.conditions]) for r in repairs],
        "steps": step_forms(ENTRY_STEPS, entry, request.user, forms),
    }


@allow(STAFF, write=WRITERS, scope=SeriousListEntry)
def listing_detail(request, pk):
    entry = get_object_or_404(SeriousListEntry.objects.visible_to(request.user).select_related("unit"), pk=pk)
    return render(request, "credit/serious_detail.html", _detail_context(request, entry))


@form_post("credit-serious-detail", "pk")
@allow(STAFF, write=WRITERS, scope=SeriousListEntry)
def listing_step(request, pk):
    entry = get_object_or_404(SeriousListEntry.objects.editable_by(request.user).select_related("unit"), pk=pk)
    return take_step(
        request, entry, ENTRY_STEPS, "credit/serious_detail.html", partial(_detail_context, request, entry)
    )


@require_safe
@allow(STAFF)
def listing_export(request):
    return respond(request, listings_workbook)


def listings_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_listings(request.user, request.GET)
    found = found.order_by("listed_on", "pk")
    now = timezone.localtime()
    title = _("Serious-dishonesty list")
    note = _("%(title)s · %(count)d rows · exported %(time)s by %(user)s") % {
        "title": title,
        "count": found.count(),
        "time": now.strftime("%Y-%m-%d %H:%M"),
        "user": request.user.display_name,
    }
    rows = (_Exported(entry, request.user) for entry in found.iterator(chunk_size=2000))
    sheet = columns.sheet(title, LISTING_COLUMNS, rows, note=note)
    return xlsx.Workbook(f"{title}-{now:%Y%m%d}.xlsx", [sheet], rows=found.count())
