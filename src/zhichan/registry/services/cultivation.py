"""The cultivation pipeline (企业培育): the enterprises the county cultivates towards an IP demonstration or advantage
title (T9) — those on the lead-goose (领头雁) and little-giant (小巨人) lists today, and any with a GB/T 29490
certificate — each with its titles, its certificate's state, its valid invention patents and whether it already
holds a title T9 counts. The page, its filters and its Excel export read `pipeline` alone."""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column, sheet
from zhichan.core.forms import BootstrapMixin
from zhichan.documents import xlsx

from ..filters import township_regions
from ..metrics import DESIGNATED
from ..models import (
    Certification,
    CertificationState,
    DesignationKind,
    Enterprise,
    EnterpriseDesignation,
    Patent,
    PatentType,
)
from ..models.certifications import RANK
from .enterprises import held_on

CULTIVATED = (DesignationKind.LEAD_GOOSE, DesignationKind.LITTLE_GIANT)
NO_CERTIFICATE = "none"
LISTS = [
    (DesignationKind.LEAD_GOOSE, _("lead goose enterprises (领头雁)")),
    (DesignationKind.LITTLE_GIANT, _("little giants (小巨人)")),
    ("certified", _("with a GB/T 29490 certificate")),
]
STATES = [*CertificationState.choices, (NO_CERTIFICATE, _("no certificate"))]
YES_NO = [("true", _("yes")), ("false", _("no"))]


class CultivationFilter(BootstrapMixin, forms.Form):
    list = forms.ChoiceField(
        label=pgettext_lazy("cultivation", "list"), choices=[("", _("all lists")), *LISTS], required=False
    )
    state = forms.ChoiceField(
        label=pgettext_lazy("GB/T 29490", "certificate"), choices=[("", _("any")), *STATES], required=False
    )
    region = forms.ModelChoiceField(
        township_regions(), label=_("township"), empty_label=_("all townships"), required=False
    )
    titled = forms.ChoiceField(
        label=_("holds an IP demonstration or advantage title"), choices=[("", _("any")), *YES_NO], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = township_regions()  # read per form: regions are loaded after start-up


@dataclass
class PipelineRow:
    enterprise: Enterprise
    titles: list = field(default_factory=list)  # the designations held on the day
    certificate: Certification | None = None  # the best of its certificates on the day
    state: str = NO_CERTIFICATE
    inventions: int = 0  # valid invention patents on the day
    titled: bool = False  # holds an IP demonstration or advantage title (T9) on the day

    @property
    def state_label(self) -> str:
        return str(dict(STATES)[self.state])


def _candidates(user, day: date):
    cultivated = EnterpriseDesignation.objects.filter(held_on(day), enterprise=OuterRef("pk"), kind__in=CULTIVATED)
    certified = Certification.objects.filter(enterprise=OuterRef("pk"))
    return Enterprise.objects.visible_to(user).filter(Q(Exists(cultivated)) | Q(Exists(certified)))


def _best(certificates, day) -> tuple[Certification | None, str]:
    """The certificate that says most for the enterprise on the day: valid first, then the latest to end."""
    if not certificates:
        return None, NO_CERTIFICATE
    ranked = sorted(certificates, key=lambda c: (RANK[c.state_on(day)], -c.last_valid_day.toordinal()))
    return ranked[0], ranked[0].state_on(day)


def _inventions(user, enterprise_ids, day) -> dict[int, int]:
    valid = Patent.objects.visible_to(user).valid_on(day).filter(patent_type=PatentType.INVENTION)
    rows = valid.filter(holders__in=enterprise_ids).order_by().values("holders").annotate(n=Count("pk", distinct=True))
    return {row["holders"]: row["n"] for row in rows}


def pipeline(user, data, day: date | None = None) -> tuple[CultivationFilter, list[PipelineRow]]:
    """The filter form bound to `data` and the rows of the enterprises the user may see, by name."""
    day = day or timezone.localdate()
    form = CultivationFilter(data or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    found = _candidates(user, day)
    if chosen.get("region"):
        found = found.filter(region__path__startswith=chosen["region"].path)
    listed = chosen.get("list")
    if listed == "certified":
        found = found.filter(Exists(Certification.objects.filter(enterprise=OuterRef("pk"))))
    elif listed:
        held = EnterpriseDesignation.objects.filter(held_on(day), enterprise=OuterRef("pk"), kind=listed)
        found = found.filter(Exists(held))
    enterprises = list(
        found.select_related("region").prefetch_related("designations", "certifications").order_by("name", "pk")
    )
    counts = _inventions(user, [e.pk for e in enterprises], day)
    rows = []
    for enterprise in enterprises:
        titles = [d for d in enterprise.designations.all() if d.holds_on(day)]
        certificate, state = _best(list(enterprise.certifications.all()), day)
        titled = any(d.kind in DESIGNATED for d in titles)
        rows.append(PipelineRow(enterprise, titles, certificate, state, counts.get(enterprise.pk, 0), titled))
    if chosen.get("state"):
        rows = [row for row in rows if row.state == chosen["state"]]
    if chosen.get("titled"):
        rows = [row for row in rows if row.titled == (chosen["titled"] == "true")]
    return form, rows


def _titles(row) -> str:
    return "、".join(f"{d.get_level_display()}{d.get_kind_display()}" for d in row.titles)


def _certificate(part: str):
    def read(row):
        certificate = row.certificate
        if certificate is None:
            return ""
        return {
            "version": certificate.get_standard_version_display,
            "body": lambda: certificate.body,
            "number": lambda: certificate.number,
            "expires_on": lambda: certificate.expires_on,
        }[part]()

    return read


COLUMNS = (
    Column("name", _("name"), "enterprise__name"),
    Column("uscc", _("unified social credit code"), "enterprise__uscc"),
    Column("region", _("region"), "enterprise__region__name"),
    Column("titles", _("designations held today"), _titles),
    Column("state", _("GB/T 29490 certificate"), lambda row: row.state_label),
    Column("version", _("standard version"), _certificate("version")),
    Column("body", _("certification body"), _certificate("body")),
    Column("number", _("certificate number"), _certificate("number")),
    Column("expires_on", _("valid until"), _certificate("expires_on")),
    Column("inventions", _("valid invention patents"), "inventions"),
    Column(
        "titled", _("holds an IP demonstration or advantage title"), lambda row: gettext("yes") if row.titled else ""
    ),
    Column(
        "synthetic", _("demo data"), lambda row: gettext("synthetic demo record") if row.enterprise.synthetic else ""
    ),
)


def cultivation_workbook(request) -> xlsx.Workbook:
    """The pipeline as filtered, every row (the export of the page, core.services.exports.respond)."""
    day = timezone.localdate()
    _form, rows = pipeline(request.user, request.GET, day)
    title = gettext("Enterprise cultivation")
    note = gettext("%(title)s · exported %(time)s") % {
        "title": title,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }
    return xlsx.Workbook(f"{title}-{day:%Y%m%d}.xlsx", [sheet(title, COLUMNS, rows, note)], rows=len(rows))
