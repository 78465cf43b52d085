"""The pledges in figures, as the reader may read them, for a period: by bank, product, township, industry and
kind of right; first IP-backed loans; the share of small and medium-sized enterprises. Amounts in 万元: the
registered secured amount (each pledge once) and the amount lent (the loans drawn on those pledges)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.documents import xlsx
from zhichan.registry.models import EnterpriseSize

from ..models import Loan, Pledge, RightType

SMALL_AND_MEDIUM = (EnterpriseSize.MEDIUM, EnterpriseSize.SMALL, EnterpriseSize.MICRO)


@dataclass
class Row:
    label: str
    count: int = 0
    registered: Decimal = Decimal(0)
    lent: Decimal = Decimal(0)


@dataclass
class Table:
    key: str
    title: str
    rows: list = field(default_factory=list)


def _grouped(key, title, pledges, lent, label_of) -> Table:
    rows: dict = defaultdict(lambda: Row(""))
    for pledge in pledges:
        for label in label_of(pledge):
            row = rows[label]
            row.label = label
            row.count += 1
            row.registered += pledge.secured_amount
            row.lent += lent.get(pledge.pk, 0)
    return Table(key, title, sorted(rows.values(), key=lambda row: (-row.registered, row.label)))


def pledge_figures(user, start: datetime.date, end: datetime.date) -> dict:
    found = (
        Pledge.objects.visible_to(user)
        .filter(registered_on__gte=start, registered_on__lte=end)
        .select_related("bank", "product", "pledgor__region")
        .prefetch_related("rights")
    )
    pledges = list(found)
    lent = dict(
        Loan.objects.filter(pledge__in=[p.pk for p in pledges]).values_list("pledge").annotate(total=Sum("amount"))
    )
    none = gettext("not given")
    kinds = dict(RightType.choices)
    tables = [
        _grouped("bank", _("by bank"), pledges, lent, lambda p: [p.bank.name]),
        _grouped("product", _("by product"), pledges, lent, lambda p: [p.product.name if p.product else none]),
        _grouped(
            "township", _("by township"), pledges, lent, lambda p: [p.pledgor.region.name if p.pledgor.region else none]
        ),
        _grouped(
            "industry",
            _("by industry (section of GB/T 4754)"),
            pledges,
            lent,
            lambda p: [(p.pledgor.industry_code or "")[:1] or none],
        ),
        _grouped(
            "right",
            _("by kind of right pledged (a pledge of several kinds counts in each)"),
            pledges,
            lent,
            lambda p: sorted({str(kinds[r.right_type]) for r in p.rights.all()}),
        ),
        _grouped(
            "first",
            _("first IP-backed loans"),
            pledges,
            lent,
            lambda p: [gettext("first loan") if p.first_loan else gettext("not a first loan")],
        ),
    ]
    total = Row(
        gettext("all"),
        len(pledges),
        sum((p.secured_amount for p in pledges), Decimal(0)),
        sum(lent.values(), Decimal(0)),
    )
    sized = [p for p in pledges if p.pledgor.size]
    smes = [p for p in sized if p.pledgor.size in SMALL_AND_MEDIUM]
    sized_amount = sum((p.secured_amount for p in sized), Decimal(0))
    share = {
        "count": len(smes),
        "sized": len(sized),
        "amount": sum((p.secured_amount for p in smes), Decimal(0)),
        "percent": (sum((p.secured_amount for p in smes), Decimal(0)) * 100 / sized_amount) if sized_amount else None,
        "borrowers": len({p.pledgor_id for p in pledges}),
        "first_borrowers": len({p.pledgor_id for p in pledges if p.first_loan}),
    }
    return {"tables": tables, "total": total, "sme": share, "start": start, "end": end}


def programme_start(user) -> datetime.date:
    """The start of the earliest programme the user reads; without one, of the earliest pledge; else this year."""
    from zhichan.programme.models import Programme

    first = Programme.objects.visible_to(user).order_by("start").values_list("start", flat=True).first()
    first = (
        first
        or Pledge.objects.visible_to(user).order_by("registered_on").values_list("registered_on", flat=True).first()
    )
    return first or timezone.localdate().replace(month=1, day=1)


def period_of(user, data) -> tuple[datetime.date, datetime.date]:
    """The year asked for (?year=2023), else the programme so far."""
    today = timezone.localdate()
    try:
        year = int(data.get("year") or 0)
    except ValueError:
        year = 0
    if 1990 <= year <= today.year:
        return datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), today)
    return programme_start(user), today


def figures_workbook(request) -> xlsx.Workbook:
    start, end = period_of(request.user, request.GET)
    figures = pledge_figures(request.user, start, end)
    headers = [
        gettext("group"),
        gettext("pledges"),
        gettext("registered secured amount (10,000 yuan)"),
        gettext("amount lent (10,000 yuan)"),
    ]
    note = gettext("IP pledges registered from %(start)s to %(end)s") % {"start": start, "end": end}
    sheets = [
        xlsx.Sheet(str(table.title)[:31], headers, [[r.label, r.count, r.registered, r.lent] for r in table.rows], note)
        for table in figures["tables"]
    ]
    return xlsx.Workbook(
        filename=f"{gettext('IP pledges in figures')}.xlsx", sheets=sheets, rows=sum(len(s.rows) for s in sheets)
    )
