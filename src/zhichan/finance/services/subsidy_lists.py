"""The subsidy applications as the list's filters choose them, the public notice, the budget's execution by scheme
and purpose, and their Excel files: the list, the execution, and the finance bureau's payment list."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.clocks import readings
from zhichan.core.columns import Column, sheet
from zhichan.documents import xlsx

from ..columns import _wan
from ..models import AWARDED, Claim, Purpose, SchemeBudget, Stage, SubsidyApplication, SubsidyScheme
from ..subsidy_forms import ApplicationFilter
from .subsidies import CLOCK

YUAN = Decimal(10_000)


def filtered_applications(user, data):
    found = SubsidyApplication.objects.visible_to(user).select_related("scheme", "applicant__region", "township")
    form = ApplicationFilter(data or None)
    form.fields["scheme"].queryset = SubsidyScheme.objects.visible_to(user)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("stage"):
            found = found.filter(stage=chosen["stage"])
        if chosen.get("scheme"):
            found = found.filter(scheme=chosen["scheme"])
        if chosen.get("q"):
            text = chosen["q"].strip()
            found = found.filter(
                Q(number__icontains=text) | Q(applicant__name__icontains=text) | Q(applicant__uscc=text.upper())
            )
    return form, found


def stage_clocks(applications) -> dict:
    """{application id: the reading of its current stage's clock} for a page of applications."""
    by_rule = defaultdict(list)
    for application in applications:
        if application.stage in CLOCK and application.stage != Stage.NOTICE:  # the notice's end is shown as a date
            by_rule[CLOCK[application.stage]].append(application.pk)
    found = {}
    for rule, ids in by_rule.items():
        found.update(readings(SubsidyApplication, rule, object_ids=ids))
    return found


def with_totals(found):
    totals = found.annotate(eligible_sum=Sum("claims__eligible"), approved_sum=Sum("claims__approved"))
    return totals.order_by("-created", "-pk")


def _items(application) -> str:
    return "；".join(f"{claim.item.name} {claim.subject}" for claim in application.claims.all())


APPLICATION_COLUMNS = (
    Column("number", _("application number"), width=16),
    Column("scheme", _("scheme"), "scheme__name", width=30),
    Column("applicant", _("applicant"), "applicant__name", width=30),
    Column("uscc", _("unified social credit code"), "applicant__uscc", width=20),
    Column("township", _("township"), "applicant__region__name"),
    Column("stage", _("stage"), lambda a: a.get_stage_display()),
    Column("submitted_on", _("submitted on")),
    Column("claims", _("claims"), _items, width=50),
    Column("eligible", _("eligible amount (10,000 yuan)"), lambda a: _wan(a.eligible_total)),
    Column("approved", _("approved amount (10,000 yuan)"), lambda a: _approved(a)),
    Column("paid_on", _("paid on")),
)


def _approved(application):
    """Blank until the office has fixed the amounts."""
    claims = application.claims.all()
    return _wan(application.approved_total) if any(c.approved is not None for c in claims) else None


def application_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_applications(request.user, request.GET)
    rows = found.prefetch_related("claims__item")
    title = gettext("Subsidy applications")
    note = gettext("%(title)s · made %(time)s") % {
        "title": title,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, APPLICATION_COLUMNS, rows, note)], rows=rows.count()
    )


def in_notice(user):
    """The awards in public notice now, of the schemes the user reads: the notice is published to every user of
    the programme, enterprises included (the portal will publish it to the public)."""
    schemes = SubsidyScheme.objects.visible_to(user)
    return (
        SubsidyApplication.objects.in_notice(timezone.localdate())
        .filter(scheme__in=schemes)
        .select_related("scheme", "applicant__region")
        .prefetch_related("claims__item", "objections")
        .order_by("notice_to", "number")
    )


# --- the budget's execution -----------------------------------------------------------------------------------


def execution(user, scheme=None) -> list[dict]:
    """Per scheme the user reads (or the one given), per purpose: budget, approved (through every review), paid,
    under review, and what remains of the budget after what is approved. Amounts in 万元."""
    schemes = SubsidyScheme.objects.visible_to(user).order_by("-year", "key")
    if scheme is not None:
        schemes = schemes.filter(pk=scheme.pk)
    schemes = list(schemes)
    budgets = defaultdict(Decimal)
    for scheme_id, purpose, amount in SchemeBudget.objects.filter(scheme__in=schemes).values_list(
        "scheme", "purpose", "amount"
    ):
        budgets[(scheme_id, purpose)] = amount
    spent = defaultdict(lambda: defaultdict(Decimal))
    claims = Claim.objects.filter(application__scheme__in=schemes).exclude(
        application__stage__in=(Stage.DRAFT, Stage.REFUSED)
    )
    for scheme_id, purpose, stage, approved, eligible in claims.values_list(
        "application__scheme", "item__purpose", "application__stage", "approved", "eligible"
    ):
        row = spent[(scheme_id, purpose)]
        if stage in AWARDED:
            row["approved"] += approved or 0
            if stage == Stage.PAID:
                row["paid"] += approved or 0
        else:
            row["reviewing"] += approved if approved is not None else eligible
    result = []
    for scheme in schemes:
        rows = []
        for purpose, label in Purpose.choices:
            budget, found = budgets.get((scheme.pk, purpose)), spent.get((scheme.pk, purpose), {})
            if budget is None and not found:
                continue
            rows.append(_row(purpose, label, budget or Decimal(0), found))
        total = _row("", gettext("all purposes"), sum((r["budget"] for r in rows), Decimal(0)), _summed(rows))
        result.append({"scheme": scheme, "rows": rows, "total": total})
    return result


def _summed(rows) -> dict:
    return {key: sum((row[key] for row in rows), Decimal(0)) for key in ("approved", "paid", "reviewing")}


def _row(purpose, label, budget, found) -> dict:
    approved, paid = found.get("approved", Decimal(0)), found.get("paid", Decimal(0))
    return {
        "purpose": purpose,
        "label": str(label),
        "budget": budget,
        "approved": approved,
        "paid": paid,
        "reviewing": found.get("reviewing", Decimal(0)),
        "left": budget - approved,
        "percent": (paid * 100 / budget) if budget else None,
    }


def chart_data(tables) -> list[dict]:
    """What the budget page's charts draw, one per scheme: by purpose, budget, approved and paid."""
    return [
        {
            "id": f"budget-{table['scheme'].pk}",
            "purposes": [row["label"] for row in table["rows"]],
            "series": [
                {"name": gettext("budget"), "values": [float(row["budget"]) for row in table["rows"]]},
                {"name": pgettext("subsidy", "approved"), "values": [float(row["approved"]) for row in table["rows"]]},
                {"name": gettext("paid"), "values": [float(row["paid"]) for row in table["rows"]]},
                {"name": gettext("under review"), "values": [float(row["reviewing"]) for row in table["rows"]]},
            ],
        }
        for table in tables
    ]


def execution_workbook(request) -> xlsx.Workbook:
    tables = execution(request.user)
    headers = [
        gettext("purpose"),
        gettext("budget (10,000 yuan)"),
        gettext("approved (10,000 yuan)"),
        gettext("paid (10,000 yuan)"),
        gettext("under review (10,000 yuan)"),
        gettext("budget left after approvals (10,000 yuan)"),
        gettext("paid of the budget (%)"),
    ]
    sheets = []
    for table in tables:
        rows = [
            [r["label"], r["budget"], r["approved"], r["paid"], r["reviewing"], r["left"], _percent(r["percent"])]
            for r in [*table["rows"], table["total"]]
        ]
        title = f"{table['scheme'].year} {table['scheme'].name}"[:31]
        sheets.append(xlsx.Sheet(title, headers, rows, str(table["scheme"])))
    if not sheets:
        sheets = [xlsx.Sheet(gettext("Budget execution"), headers, [], "")]
    return xlsx.Workbook(
        filename=f"{gettext('Budget execution')}.xlsx", sheets=sheets, rows=sum(len(s.rows) for s in sheets)
    )


def _percent(value):
    return None if value is None else round(float(value), 1)


# --- the finance bureau's payment list ------------------------------------------------------------------------

PAYMENT_HEADERS = (
    _("No."),
    _("payee"),
    _("unified social credit code"),
    _("bank of the account"),
    _("account number"),
    _("items subsidised"),
    _("purpose"),
    _("amount (yuan)"),
    _("application number"),
    _("public notice"),
    _("paid on"),
    _("payment voucher number"),
)


def payable(user, scheme):
    """The applications of the scheme to pay or paid: through their public notice, as the user reads them."""
    found = SubsidyApplication.objects.visible_to(user).filter(scheme=scheme)
    return (
        (found.notice_over(timezone.localdate()) | found.filter(stage=Stage.PAID))
        .select_related("applicant")
        .prefetch_related("claims__item")
        .order_by("number")
    )


def payment_workbook(request, scheme_id: int) -> xlsx.Workbook:
    """One row per application with the payee's account and the amount in yuan, the purposes it is charged to;
    the last row the total. Its layout: docs/data-formats.md."""
    scheme = SubsidyScheme.objects.visible_to(request.user).get(pk=scheme_id)
    rows, total = [], Decimal(0)
    for n, application in enumerate(payable(request.user, scheme), start=1):
        claims = [claim for claim in application.claims.all() if claim.approved]
        amount = sum((claim.approved for claim in claims), Decimal(0))
        total += amount
        purposes = sorted({claim.item.get_purpose_display() for claim in claims})
        rows.append(
            [
                n,
                application.account_name or application.applicant.name,
                application.applicant.uscc,
                application.account_bank,
                application.account_number,
                "；".join(f"{claim.item.name} {claim.subject}" for claim in claims),
                "、".join(str(p) for p in purposes),
                (amount * YUAN).quantize(Decimal("0.01")),
                application.number,
                f"{application.notice_from:%Y-%m-%d} — {application.notice_to:%Y-%m-%d}"
                if application.notice_to
                else "",
                application.paid_on,
                application.voucher,
            ]
        )
    rows.append(
        ["", pgettext("sum", "total"), "", "", "", "", "", (total * YUAN).quantize(Decimal("0.01")), "", "", None, ""]
    )
    title = gettext("Payment list")
    note = gettext("%(scheme)s · payment list · made %(time)s") % {
        "scheme": scheme,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }
    headers = [str(header) for header in PAYMENT_HEADERS]
    return xlsx.Workbook(
        filename=f"{scheme.name}{title}.xlsx", sheets=[xlsx.Sheet(title, headers, rows, note)], rows=len(rows)
    )
