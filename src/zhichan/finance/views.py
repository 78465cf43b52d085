"""The finance pages: pledges (list, new, one pledge with its rights, loans, release), its Excel export, and the
banks with their loan products. Thin: each reads its form and calls services/."""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import PROGRAMME_USERS, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .apps import BANK_READERS, READERS, TRANSACTION_READERS
from .forms import BankForm, PledgeForm, TransactionForm
from .models import Bank, Pledge, RightTransaction, TransactionKind
from .services import banks, pledges, transactions
from .services.figures import figures_workbook, period_of, pledge_figures
from .services.lists import filtered_pledges, pledge_workbook, totals
from .steps import BANK_STEPS, PLEDGE_STEPS

WRITERS = frozenset({Role.OFFICE, Role.BANK})
OFFICE = frozenset({Role.OFFICE})
PER_PAGE = 50


def _page(request, rows):
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


@allow(READERS)
def pledge_list(request):
    form, found = filtered_pledges(request.user, request.GET)
    page, query = _page(request, found.prefetch_related("rights"))
    context = {
        "form": form,
        "page": page,
        "query": query,
        "totals": totals(found),
        "may_add": Bank.objects.editable_by(request.user).exists(),
    }
    return render(request, "finance/pledge_list.html", context)


@require_safe
@allow(READERS)
def pledge_export(request):
    return respond(request, pledge_workbook)


@require_safe
@allow(READERS)
def pledge_figures_page(request):
    start, end = period_of(request.user, request.GET)
    context = {
        **pledge_figures(request.user, start, end),
        "year": request.GET.get("year", ""),
        "query": request.GET.urlencode(),
    }
    return render(request, "finance/pledge_figures.html", context)


@require_safe
@allow(READERS)
def pledge_figures_export(request):
    return respond(request, figures_workbook)


@allow(WRITERS)
def pledge_new(request):
    kept = Bank.objects.editable_by(request.user).filter(active=True)
    form = PledgeForm(request.POST or None, banks=kept)
    if request.method == "POST" and form.is_valid():
        done = _("The pledge is entered.")
        outcome = run_action(request, pledges.register_pledge, request.user, **form.values(), form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "finance/pledge_new.html", {"form": form}, status=400 if form.errors else 200)


def _pledge_context(request, pledge, forms=None) -> dict:
    loans = list(pledge.loans.all())
    return {
        "pledge": pledge,
        "rights": pledge.rights.select_related("patent", "trademark", "copyright"),
        "loans": loans,
        "lent": sum(loan.amount for loan in loans),
        "steps": step_forms(PLEDGE_STEPS, pledge, request.user, forms),
        "bank_readable": role_of(request.user) in BANK_READERS,
        "register_readable": role_of(request.user) in PROGRAMME_USERS,
    }


@allow(READERS, write=WRITERS, scope=Pledge)
def pledge_detail(request, pk):
    pledge = get_object_or_404(
        Pledge.objects.visible_to(request.user).select_related("pledgor", "bank", "product"), pk=pk
    )
    return render(request, "finance/pledge_detail.html", _pledge_context(request, pledge))


@form_post("finance-pledge-detail", "pk")
@allow(READERS, write=WRITERS, scope=Pledge)
def pledge_step(request, pk):
    pledge = get_object_or_404(Pledge.objects.editable_by(request.user).select_related("pledgor", "bank"), pk=pk)
    return take_step(
        request, pledge, PLEDGE_STEPS, "finance/pledge_detail.html", partial(_pledge_context, request, pledge)
    )


@allow(BANK_READERS, write=OFFICE)
def bank_list(request):
    form = BankForm(request.POST or None) if role_of(request.user) == Role.OFFICE else None
    if request.method == "POST" and form is not None and form.is_valid():
        outcome = run_action(
            request, banks.add_bank, request.user, **form.cleaned_data, form=form, done=_("The bank is entered.")
        )
        if outcome.ok:
            return redirect(outcome.result)
    rows = Bank.objects.visible_to(request.user).prefetch_related("products")
    context = {"banks": rows, "form": form}
    return render(request, "finance/bank_list.html", context, status=400 if form is not None and form.errors else 200)


def _bank_context(request, bank, forms=None) -> dict:
    return {
        "bank": bank,
        "products": bank.products.all(),
        "totals": totals(bank.pledges.visible_to(request.user)),
        "steps": step_forms(BANK_STEPS, bank, request.user, forms),
    }


@allow(BANK_READERS, write=WRITERS, scope=Bank)
def bank_detail(request, pk):
    bank = get_object_or_404(Bank.objects.visible_to(request.user), pk=pk)
    return render(request, "finance/bank_detail.html", _bank_context(request, bank))


@form_post("finance-bank-detail", "pk")
@allow(BANK_READERS, write=WRITERS, scope=Bank)
def bank_step(request, pk):
    bank = get_object_or_404(Bank.objects.editable_by(request.user), pk=pk)
    return take_step(request, bank, BANK_STEPS, "finance/bank_detail.html", partial(_bank_context, request, bank))


@allow(TRANSACTION_READERS)
def transaction_list(request):
    found = RightTransaction.objects.visible_to(request.user).prefetch_related("rights")
    kind = request.GET.get("kind") or ""
    if kind in TransactionKind.values:
        found = found.filter(kind=kind)
    page, query = _page(request, found)
    context = {
        "page": page,
        "query": query,
        "kinds": TransactionKind.choices,
        "kind": kind,
        "may_add": role_of(request.user) == Role.OFFICE,
    }
    return render(request, "finance/transaction_list.html", context)


@allow(OFFICE)
def transaction_new(request):
    form = TransactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _("The transaction is entered.")
        outcome = run_action(
            request, transactions.record_transaction, request.user, **form.values(), form=form, done=done
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "finance/transaction_new.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
@allow(TRANSACTION_READERS, scope=RightTransaction)
def transaction_detail(request, pk):
    deal = get_object_or_404(RightTransaction.objects.visible_to(request.user), pk=pk)
    context = {
        "deal": deal,
        "rights": deal.rights.select_related("patent", "trademark", "copyright"),
        "register_readable": role_of(request.user) in PROGRAMME_USERS,
    }
    return render(request, "finance/transaction_detail.html", context)
