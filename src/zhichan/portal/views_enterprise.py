"""Enterprise self-service on the portal: the page for enterprises (what self-service is, and the reader's own
registrations with their state), registering, the enterprise's own page, and the office's pages to verify or refuse
registrations. Thin: each calls services/."""

from functools import partial

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.clientip import client_ip
from zhichan.core.models import Attachment
from zhichan.core.posting import form_post
from zhichan.core.roles import EVERYONE, Role, role_of
from zhichan.core.views.steps import step_forms, take_step
from zhichan.registry.identifiers import parse_uscc
from zhichan.registry.models import Enterprise

from .forms import RegistrationForm
from .models import EnterpriseRegistration, RegistrationState
from .services import challenge, registrations
from .services.enterprise_page import DAYS, days_from, overview
from .steps import REGISTRATION_STEPS
from .views_public import _on_fields, _question

OFFICE = frozenset({Role.OFFICE})
ENTERPRISES = frozenset({Role.ENTERPRISE})
BACKEND = "zhichan.core.authentication.UserBackend"


@never_cache
@require_safe
@allow(EVERYONE)
def start(request):
    """For enterprises: what self-service offers, how to register and sign in, and the reader's registrations."""
    role = role_of(request.user)
    context = {
        "role": role,
        "may_register": role in registrations.APPLICANTS,
        "registrations": registrations.registrations_of(request.user),
    }
    return render(request, "portal/enterprise_start.html", context)


@never_cache
@allow(EVERYONE)
def register(request):
    signed_in = request.user.is_authenticated
    may_register = role_of(request.user) in registrations.APPLICANTS
    form = RegistrationForm(request.POST or None, request.FILES or None, account=not signed_in)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        problem = challenge.problem(data.get("challenge"), data.get("answer"), data.get("website"))
        if problem:
            form.add_error("answer", problem)
        else:
            try:
                made = registrations.register(
                    request.user if signed_in else None, **form.values(), network=client_ip(request) or ""
                )
            except ValidationError as error:
                _on_fields(form, error)
            else:
                if not signed_in:
                    login(request, made.user, backend=BACKEND)
                messages.success(
                    request, _("The registration is received. The office verifies it; its state is shown below.")
                )
                return redirect("portal-enterprise-start")
    context = {"form": form, "question": _question(form), "may_register": may_register, "signed_in": signed_in}
    return render(request, "portal/enterprise_register.html", context, status=400 if form.errors else 200)


def _page(request, enterprise):
    days = days_from(request.GET.get("days"))
    context = {
        "overview": overview(enterprise, request.user, timezone.localdate(), days) if enterprise else None,
        "enterprise": enterprise,
        "others": Enterprise.objects.visible_to(request.user).exclude(pk=getattr(enterprise, "pk", None)),
        "days": days,
        "day_choices": DAYS,
        "registrations": registrations.registrations_of(request.user).filter(
            state__in=(RegistrationState.AWAITING, RegistrationState.REFUSED)
        ),
    }
    return render(request, "portal/enterprise.html", context)


@never_cache
@require_safe
@allow(ENTERPRISES)
def enterprise_home(request):
    """The enterprise user's page: its (first) enterprise, with the others it may switch to."""
    return _page(request, Enterprise.objects.visible_to(request.user).select_related("region").first())


@never_cache
@require_safe
@allow(ENTERPRISES, scope=Enterprise)
def enterprise_page(request, pk):
    enterprise = get_object_or_404(Enterprise.objects.visible_to(request.user).select_related("region"), pk=pk)
    return _page(request, enterprise)


# --- the office's ---------------------------------------------------------------------------------------------


@require_safe
@allow(OFFICE)
def registration_list(request):
    state = request.GET.get("state", RegistrationState.AWAITING)
    found = EnterpriseRegistration.objects.visible_to(request.user).select_related("user", "region", "enterprise")
    if state in RegistrationState.values:
        found = found.filter(state=state)
    rows = list(found[:200])
    known = {
        enterprise.uscc: enterprise
        for enterprise in Enterprise.objects.filter(uscc__in={row.credit_code for row in rows})
    }
    context = {
        "rows": [(row, known.get(row.credit_code)) for row in rows],
        "state": state,
        "states": RegistrationState.choices,
    }
    return render(request, "portal/registration_list.html", context)


def _registration_context(request, registration, forms=None) -> dict:
    return {
        "item": registration,
        "in_register": registrations.in_register(registration),
        "code": parse_uscc(registration.credit_code).details(),
        "same_code": EnterpriseRegistration.objects.visible_to(request.user)
        .filter(credit_code=registration.credit_code)
        .exclude(pk=registration.pk)
        .select_related("user"),
        "documents": Attachment.objects.on(registration),
        "steps": step_forms(REGISTRATION_STEPS, registration, request.user, forms),
    }


def _visible(user):
    return EnterpriseRegistration.objects.visible_to(user).select_related("user", "region", "enterprise", "decided_by")


@require_safe
@allow(OFFICE, scope=EnterpriseRegistration)
def registration_detail(request, pk):
    registration = get_object_or_404(_visible(request.user), pk=pk)
    return render(request, "portal/registration_detail.html", _registration_context(request, registration))


@form_post("portal-registration-detail", "pk")
@allow(OFFICE, scope=EnterpriseRegistration)
def registration_step(request, pk):
    registration = get_object_or_404(_visible(request.user), pk=pk)
    return take_step(
        request,
        registration,
        REGISTRATION_STEPS,
        "portal/registration_detail.html",
        partial(_registration_context, request, registration),
    )
