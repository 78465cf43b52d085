"""The subsidy pages: the schemes (the office loads one from its file), an application (new, its page with its
claims explained line by line and the steps the reader may take), the list and its Excel, the public notice, and
the budget's execution with its Excel and the finance bureau's payment list. Thin: each reads its form and calls
services/."""

from functools import partial

import yaml
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.clocks import clock
from zhichan.core.models import Attachment
from zhichan.core.posting import form_post
from zhichan.core.roles import PROGRAMME_USERS, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .models import Stage, SubsidyApplication, SubsidyScheme
from .services import schemes, subsidies
from .services.eligibility import worded
from .services.item_terms import described
from .services.subsidy_lists import (
    application_workbook,
    chart_data,
    execution,
    execution_workbook,
    filtered_applications,
    in_notice,
    payment_workbook,
    stage_clocks,
    with_totals,
)
from .subsidy_forms import ApplicationForm, SchemeFileForm
from .subsidy_steps import SUBSIDY_STEPS

# Everyone of the programme reads the schemes and the public notice; an application is read by its applicant, the
# township reviewing it, the paying unit, the office and the leadership (services: the scope). A bank does not.
READERS = PROGRAMME_USERS
APPLICANTS = frozenset({Role.OFFICE, Role.ENTERPRISE})
REVIEWERS = frozenset({Role.OFFICE, Role.TOWNSHIP_LIAISON, Role.UNIT_LIAISON, Role.ENTERPRISE})
OFFICE = frozenset({Role.OFFICE})
PER_PAGE = 50


@allow(READERS, write=OFFICE)
def scheme_list(request):
    form = SchemeFileForm(request.POST or None, request.FILES or None) if role_of(request.user) == Role.OFFICE else None
    if request.method == "POST" and form is not None and form.is_valid():
        outcome = _load(request, form)
        if outcome is not None:
            return redirect(outcome)
    rows = SubsidyScheme.objects.visible_to(request.user).prefetch_related("items", "budgets")
    context = {
        "schemes": rows,
        "form": form,
        "today": timezone.localdate(),
        "may_apply": role_of(request.user) in APPLICANTS,
    }
    return render(request, "finance/scheme_list.html", context, status=400 if form is not None and form.errors else 200)


def _load(request, form):
    uploaded = form.cleaned_data["file"]
    try:
        data = yaml.safe_load(uploaded.read().decode("utf-8"))
    except UnicodeDecodeError:
        form.add_error("file", _("The file is not text in UTF-8."))
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = {"line": mark.line + 1 if mark else 0}
        form.add_error("file", _("The file is not valid YAML (near line %(line)d).") % where)
        return None
    if not isinstance(data, dict):
        form.add_error("file", _("The file is not a scheme: see the data formats guide."))
        return None
    done = _("The scheme is loaded.")
    outcome = run_action(
        request, schemes.load_scheme, request.user, file=uploaded.name, data=data, form=form, done=done
    )
    return outcome.result if outcome.ok else None


@require_safe
@allow(READERS, scope=SubsidyScheme)
def scheme_detail(request, pk):
    scheme = get_object_or_404(SubsidyScheme.objects.visible_to(request.user), pk=pk)
    tables = execution(request.user, scheme)
    context = {
        "scheme": scheme,
        "items": described(scheme.items.select_related("scheme")),
        "execution": tables[0] if tables else None,
        "open": scheme.open_on(timezone.localdate()),
        "may_apply": role_of(request.user) in APPLICANTS,
    }
    return render(request, "finance/scheme_detail.html", context)


@allow(APPLICANTS)
def application_new(request):
    today = timezone.localdate()
    open_schemes = SubsidyScheme.objects.visible_to(request.user).filter(opens_on__lte=today, closes_on__gte=today)
    own_one = role_of(request.user) == Role.ENTERPRISE and request.user.enterprises.count() == 1
    initial = {"scheme": request.GET.get("scheme")} if request.method == "GET" else None
    form = ApplicationForm(request.POST or None, schemes=open_schemes, own_enterprise=own_one, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = _("The application is opened: add its claims and documents, then submit it.")
        outcome = run_action(request, subsidies.open_application, request.user, **form.values(), form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    context = {"form": form, "open_schemes": open_schemes}
    return render(request, "finance/application_new.html", context, status=400 if form.errors else 200)


@allow(READERS)
def application_list(request):
    form, found = filtered_applications(request.user, request.GET)
    page = Paginator(with_totals(found), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "rows": _with_clocks(page.object_list),
        "may_apply": role_of(request.user) in APPLICANTS,
    }
    return render(request, "finance/application_list.html", context)


def _with_clocks(applications) -> list:
    applications = list(applications)
    found = stage_clocks(applications)
    return [(application, found.get(application.pk)) for application in applications]


@require_safe
@allow(READERS)
def application_export(request):
    return respond(request, application_workbook)


def _application_context(request, application, forms=None) -> dict:
    claims = list(application.claims.select_related("item", "patent", "trademark", "loan__pledge"))
    for claim in claims:
        claim.lines = worded(claim.reasons)
    reading = None
    if application.stage in subsidies.CLOCK:
        reading = clock(application, rule=subsidies.CLOCK[application.stage])
    return {
        "application": application,
        "claims": claims,
        "eligible": sum((claim.eligible for claim in claims), 0),
        "approved": sum((claim.approved for claim in claims if claim.approved is not None), 0),
        "any_approved": any(claim.approved is not None for claim in claims),
        "files": Attachment.objects.on(application),
        "reviews": list(application.reviews.select_related("by", "unit")),
        "objections": application.objections.all(),
        "reading": reading,
        "payable_from": subsidies.payable_from(application),
        "steps": step_forms(SUBSIDY_STEPS, application, request.user, forms),
        "register_readable": role_of(request.user) in PROGRAMME_USERS,
        "applicant_reads": role_of(request.user) == Role.ENTERPRISE,
        "stages": [Stage.TOWNSHIP, Stage.OFFICE, Stage.FINANCE, Stage.NOTICE, Stage.PAID],
    }


def _applications(request):
    return SubsidyApplication.objects.visible_to(request.user).select_related(
        "scheme__payer", "applicant__region", "township"
    )


@allow(READERS, write=REVIEWERS, scope=SubsidyApplication)
def application_detail(request, pk):
    application = get_object_or_404(_applications(request), pk=pk)
    return render(request, "finance/application_detail.html", _application_context(request, application))


@form_post("finance-application-detail", "pk")
@allow(READERS, write=REVIEWERS, scope=SubsidyApplication)
def application_step(request, pk):
    application = get_object_or_404(_applications(request), pk=pk)
    return take_step(
        request,
        application,
        SUBSIDY_STEPS,
        "finance/application_detail.html",
        partial(_application_context, request, application),
    )


@require_safe
@allow(READERS)
def notice_list(request):
    return render(request, "finance/notice_list.html", {"applications": in_notice(request.user)})


@require_safe
@allow(READERS)
def budget_page(request):
    tables = execution(request.user)
    pays = {table["scheme"].pk for table in tables if may_read_payments(request.user, table["scheme"])}
    context = {"tables": tables, "charts": chart_data(tables), "pays": pays}
    return render(request, "finance/budget.html", context)


@require_safe
@allow(READERS)
def budget_export(request):
    return respond(request, execution_workbook)


@require_safe
@allow(OFFICE, Role.LEADER, Role.UNIT_LIAISON, scope=SubsidyScheme)
def payment_list_export(request, pk):
    get_object_or_404(SubsidyScheme.objects.visible_to(request.user), pk=pk)
    return respond(request, payment_workbook, scheme_id=pk)  # its rows as the reader's scope gives them


def may_read_payments(user, scheme) -> bool:
    """Whom the budget page offers the payment list: the office, the leadership, the paying unit's liaison (another
    unit's would find it empty: the applications are not in its scope)."""
    return role_of(user) in (Role.OFFICE, Role.LEADER) or subsidies.pays(user, scheme)
