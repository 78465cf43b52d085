"""The agency pages: the directory with its filters and search, entering and changing an agency, its page with
qualifications, practitioners, purchased services and supervision history, publishing it, and the directory's
Excel export. Thin: each reads its form and calls services/agencies.py or services/publication.py."""

import datetime

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF, Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services.exports import respond

from .forms_agencies import (
    AgencyForm,
    PractitionerForm,
    PublishForm,
    PurchasedServiceForm,
    QualificationForm,
)
from .models import Agency, PurchasedService
from .services import agencies
from .services.directory import agency_workbook
from .services.lists import filtered_agencies
from .steps import AGENCY_STEPS
from .views_common import AGENCY_WRITERS, OFFICE, paged, post_entry, read_only, run

SOON = datetime.timedelta(days=30)


@allow(STAFF)
def agency_list(request):
    user = request.user
    form, found = filtered_agencies(user, request.GET)
    page, query = paged(request, found)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "may_add": role_of(user) in AGENCY_WRITERS and bool(user.unit_id or role_of(user) == Role.OFFICE),
        "may_import": role_of(user) == Role.OFFICE,
    }
    return render(request, "services/agency_list.html", context)


@allow(AGENCY_WRITERS)
def agency_new(request):
    form = AgencyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = run(request, agencies.create_agency, request.user, form=form, done=_("The agency is saved."))
        if outcome.ok:
            return redirect(outcome.result)
    context = {"form": form, "agency": None}
    return render(request, "services/agency_form.html", context, status=400 if form.errors else 200)


@allow(AGENCY_WRITERS, scope=Agency)
def agency_edit(request, pk):
    agency = get_object_or_404(Agency.objects.visible_to(request.user), pk=pk)
    if not can_edit(request.user, agency):
        return read_only(request, "services/agency_form.html", {"agency": agency})
    form = AgencyForm(request.POST or None, user=request.user, instance=agency)
    if request.method == "POST" and form.is_valid():
        outcome = run(request, agencies.update_agency, agency, request.user, form=form, done=_("The agency is saved."))
        if outcome.ok:
            return redirect(agency)
    context = {"form": form, "agency": agency}
    return render(request, "services/agency_form.html", context, status=400 if form.errors else 200)


def _detail(request, agency, forms=None, status=200):
    user = request.user
    editable = can_edit(user, agency)
    today = timezone.localdate()
    services = list(agency.purchased_services.select_related("purchaser"))
    files = agencies.contract_files(services)
    forms = forms or {}
    context = {
        "agency": agency,
        "today": today,
        "qualifications": [(q, q.expired_on(today)) for q in agency.qualifications.all()],
        "practitioners": agency.practitioners.all(),
        "services": [(service, files.get(service.pk, [])) for service in services],
        "engagements": agency.custody_engagements.visible_to(user).select_related("enterprise")[:20],
        "inspections": agency.inspections.visible_to(user).select_related("plan").order_by("-plan__starts_on")[:20],
        "editable": editable,
        "show_ids": editable,  # ID numbers: only for those who keep the agency
        "may_publish": role_of(user) == Role.OFFICE and editable,
    }
    if editable:
        context["qualification_form"] = forms.get("qualification") or QualificationForm()
        context["practitioner_form"] = forms.get("practitioner") or PractitionerForm()
        context["service_form"] = forms.get("service") or PurchasedServiceForm(user=user)
    if context["may_publish"]:
        context["publish_form"] = forms.get("publish") or PublishForm()
    return render(request, "services/agency_detail.html", context, status=status)


@allow(STAFF, write=AGENCY_WRITERS, scope=Agency)
def agency_detail(request, pk):
    agency = get_object_or_404(Agency.objects.visible_to(request.user).select_related("region", "supervisor"), pk=pk)
    return _detail(request, agency)


def _editable(request, pk):
    return get_object_or_404(Agency.objects.editable_by(request.user), pk=pk)


def _entry(request, pk, key, **options):
    agency = get_object_or_404(Agency.objects.editable_by(request.user), pk=pk)
    return post_entry(request, agency, AGENCY_STEPS, key, _detail, **options)


@form_post("agency-detail", "pk")
@allow(STAFF, write=AGENCY_WRITERS, scope=Agency)
def agency_qualification_add(request, pk):
    return _entry(request, pk, "qualification")


@form_post("agency-detail", "pk")
@allow(STAFF, write=AGENCY_WRITERS, scope=Agency)
def agency_practitioner_add(request, pk):
    return _entry(request, pk, "practitioner")


@form_post("agency-detail", "pk")
@allow(STAFF, write=AGENCY_WRITERS, scope=Agency)
def agency_service_add(request, pk):
    return _entry(request, pk, "service")


@form_post("agency-detail", "pk")
@allow(STAFF, write=OFFICE, scope=Agency)
def agency_publish(request, pk):
    if "withdraw" in request.POST:
        return _entry(request, pk, "withdraw", on_page=False)
    return _entry(request, pk, "publish")


@allow(STAFF)
def agency_export(request):
    return respond(request, agency_workbook)


__all__ = ["PurchasedService"]
