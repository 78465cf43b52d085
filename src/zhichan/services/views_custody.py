"""The custody pages: the ledger with filters, search and counts by township and industry, entering and changing
an engagement, its page with the services rendered, the visits and the enterprise's satisfaction, and the
ledger's Excel export; the applications for custody, each accepted by entering its engagement (the engagement's
form filled from the application) or declined. Thin: each reads its form and calls services/custody.py or
services/custody_applications.py."""

import datetime

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.models import Attachment
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF, Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services.exports import respond

from .forms_custody import ApplicationForm, EngagementForm, RatingForm, ServiceRecordForm, VisitForm
from .models import ApplicationState, CustodyApplication, CustodyEngagement, EngagementState
from .services import custody, custody_applications
from .services.directory import custody_workbook
from .services.lists import filtered_applications, filtered_engagements
from .steps import APPLICATION_STEPS, CUSTODY_STEPS
from .views_common import WRITERS, paged, post_entry, read_only, run

SOON = datetime.timedelta(days=30)


@allow(STAFF)
def custody_list(request):
    user = request.user
    form, found = filtered_engagements(user, request.GET)
    page, query = paged(request, found)
    today = timezone.localdate()
    context = {
        "form": form,
        "page": page,
        "rows": [(row, row.state_on(today)) for row in page],
        "states": dict(EngagementState.choices),
        "query": query,
        "by_township": custody.counts_by(found, "enterprise__region__name"),
        "by_industry": custody.counts_by(found, "enterprise__industry_code"),
        "total": found.count(),
        "may_add": role_of(user) == Role.OFFICE or (role_of(user) in WRITERS and bool(user.unit_id)),
        "waiting": CustodyApplication.objects.visible_to(user).filter(state=ApplicationState.RECEIVED).count(),
    }
    return render(request, "services/custody_list.html", context)


def _save(request, function, *args, form):
    done = _("The custody engagement is saved.")
    return run(request, function, *args, form=form, done=done, enterprise=form.cleaned_data["enterprise"])


@allow(WRITERS)
def custody_new(request):
    form = EngagementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = _save(request, custody.create_engagement, request.user, form=form)
        if outcome.ok:
            return redirect(outcome.result)
    context = {"form": form, "engagement": None}
    return render(request, "services/custody_form.html", context, status=400 if form.errors else 200)


@allow(WRITERS, scope=CustodyEngagement)
def custody_edit(request, pk):
    engagement = get_object_or_404(CustodyEngagement.objects.visible_to(request.user), pk=pk)
    if not can_edit(request.user, engagement):
        return read_only(request, "services/custody_form.html", {"engagement": engagement})
    form = EngagementForm(request.POST or None, user=request.user, instance=engagement)
    if request.method == "POST" and form.is_valid():
        outcome = _save(request, custody.update_engagement, engagement, request.user, form=form)
        if outcome.ok:
            return redirect(engagement)
    context = {"form": form, "engagement": engagement}
    return render(request, "services/custody_form.html", context, status=400 if form.errors else 200)


def _detail(request, engagement, forms=None, status=200):
    editable = can_edit(request.user, engagement)
    forms = forms or {}
    context = {
        "engagement": engagement,
        "state": dict(EngagementState.choices)[engagement.state_on(timezone.localdate())],
        "services": engagement.service_records.all(),
        "visits": engagement.visits.all(),
        "patents": engagement.patents.all(),
        "trademarks": engagement.trademarks.all(),
        "editable": editable,
    }
    if editable:
        context["service_form"] = forms.get("service") or ServiceRecordForm()
        context["visit_form"] = forms.get("visit") or VisitForm(user=request.user)
        context["rating_form"] = forms.get("rating") or RatingForm()
    return render(request, "services/custody_detail.html", context, status=status)


@allow(STAFF, write=WRITERS, scope=CustodyEngagement)
def custody_detail(request, pk):
    found = CustodyEngagement.objects.visible_to(request.user).select_related("enterprise__region", "agency", "unit")
    return _detail(request, get_object_or_404(found, pk=pk))


def _entry(request, pk, key):
    engagement = get_object_or_404(CustodyEngagement.objects.editable_by(request.user), pk=pk)
    return post_entry(request, engagement, CUSTODY_STEPS, key, _detail)


@form_post("custody-detail", "pk")
@allow(STAFF, write=WRITERS, scope=CustodyEngagement)
def custody_service_add(request, pk):
    return _entry(request, pk, "service")


@form_post("custody-detail", "pk")
@allow(STAFF, write=WRITERS, scope=CustodyEngagement)
def custody_visit_add(request, pk):
    return _entry(request, pk, "visit")


@form_post("custody-detail", "pk")
@allow(STAFF, write=WRITERS, scope=CustodyEngagement)
def custody_rate(request, pk):
    return _entry(request, pk, "rating")


@allow(STAFF)
def custody_export(request):
    return respond(request, custody_workbook)


# --- applications for custody ------------------------------------------------------------------------------


@allow(STAFF)
def application_list(request):
    form, found = filtered_applications(request.user, request.GET)
    page, query = paged(request, found)
    user = request.user
    may_add = role_of(user) == Role.OFFICE or (role_of(user) in WRITERS and bool(user.unit_id))
    context = {"form": form, "page": page, "query": query, "total": found.count(), "may_add": may_add}
    return render(request, "services/custody_application_list.html", context)


@allow(WRITERS)
def application_new(request):
    """An application taken in at the counter or by phone, for the liaison's own unit (the office names one)."""
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        done = _("The custody application is received.")
        outcome = run(request, custody_applications.receive_application, request.user, form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    status = 400 if form.errors else 200
    return render(request, "services/custody_application_new.html", {"form": form}, status=status)


def _application_detail(request, application, forms=None, status=200):
    user = request.user
    forms = forms or {}
    steps = []
    for step in APPLICATION_STEPS.offered(application, user):
        form = forms.get(step.key) or APPLICATION_STEPS.form(step, application, user)
        if step.key == "accept" and step.key not in forms and not form.fields["engagement"].queryset.exists():
            continue  # no engagement of the enterprise to accept it with: the engagement is entered from it
        steps.append((step, form))
    context = {
        "application": application,
        "contact": custody_applications.contact(application, user),
        "sees_contact": custody_applications.sees_contact(user, application),
        "enterprise": custody_applications.registered_enterprise(application),
        "files": Attachment.objects.on(application),
        "may_engage": application.is_open
        and custody_applications.accept_application.allowed(user, {"application": application}),
        "steps": steps,
        "open_step": next(iter(forms), ""),
    }
    return render(request, "services/custody_application_detail.html", context, status=status)


def _applications(user):
    return CustodyApplication.objects.visible_to(user).select_related("unit", "enterprise", "engagement__agency")


@allow(STAFF, write=WRITERS, scope=CustodyApplication)
def application_detail(request, pk):
    return _application_detail(request, get_object_or_404(_applications(request.user), pk=pk))


@form_post("custody-application-detail", "pk")
@allow(STAFF, write=WRITERS, scope=CustodyApplication)
def application_step(request, pk):
    application = get_object_or_404(CustodyApplication.objects.editable_by(request.user), pk=pk)
    key = request.POST.get("step")
    if key not in APPLICATION_STEPS:
        return redirect(application)
    return post_entry(request, application, APPLICATION_STEPS, key, _application_detail)


@allow(WRITERS, scope=CustodyApplication)
def application_engage(request, pk):
    """The engagement's form filled from the application; saved, the application is accepted with it."""
    application = get_object_or_404(_applications(request.user), pk=pk)
    context = {
        "engagement": None,
        "application": application,
        "enterprise": custody_applications.registered_enterprise(application),
    }
    if not custody_applications.accept_application.allowed(request.user, {"application": application}):
        return read_only(request, "services/custody_form.html", context)
    if not application.is_open:
        return render(request, "services/custody_form.html", {**context, "form": None}, status=200)
    form = EngagementForm(request.POST or None, user=request.user, application=application)
    if request.method == "POST" and form.is_valid():
        done = _("The application is accepted and its custody engagement is saved.")
        enterprise = form.cleaned_data["enterprise"]
        outcome = run(
            request,
            custody_applications.accept_application,
            application,
            request.user,
            form=form,
            done=done,
            enterprise=enterprise,
        )
        if outcome.ok:
            return redirect(outcome.result.engagement)
    context["form"] = form
    return render(request, "services/custody_form.html", context, status=400 if form.errors else 200)
