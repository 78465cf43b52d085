"""Enterprise pages: the list with filters, its export, and an enterprise's IP portfolio."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.services.exports import respond
from zhichan.core.views.steps import step_forms
from zhichan.documents import xlsx

from ..certification_steps import ENTERPRISE_STEPS
from ..columns import ENTERPRISES, joined
from ..filters import EnterpriseFilter
from ..models import Enterprise
from ..services.enterprises import former_names, meets_institution_requirement
from ..services.portfolio import portfolio
from .common import READERS, export_note, filtered, list_context, rows_of, with_today


def _enterprises():
    return Enterprise.objects.select_related("region", "merged_into").prefetch_related("designations")


def held_today(enterprise, day):
    return [d for d in enterprise.designations.all() if d.holds_on(day)]


@require_safe
@allow(READERS)
def enterprise_list(request):
    context = list_context(request, filtered(request, EnterpriseFilter, _enterprises()))
    today = timezone.localdate()
    context["rows"] = [(e, held_today(e, today)) for e in context["page"]]
    return render(request, "registry/enterprise_list.html", context)


@require_safe
@allow(READERS)
def enterprise_export(request):
    return respond(request, enterprise_workbook)


def enterprise_workbook(request) -> xlsx.Workbook:
    enterprises = filtered(request, EnterpriseFilter, _enterprises()).qs
    today = timezone.localdate()
    records = (  # lazy: read as the rows are written, in the background when large
        with_today(
            e, designations=joined(f"{d.get_level_display()}{d.get_kind_display()}" for d in held_today(e, today))
        )
        for e in rows_of(enterprises)
    )
    title = _("Enterprises")
    sheet = columns.sheet(title, ENTERPRISES, records, note=export_note(title))
    return xlsx.Workbook(f"{_('Enterprise list')}-{today:%Y%m%d}.xlsx", [sheet], rows=enterprises.count())


def enterprise_context(request, enterprise, forms=None) -> dict:
    """The portfolio page's context; `forms`: a certificate step just refused, shown again with its errors."""
    today = timezone.localdate()
    certificates = list(enterprise.certifications.visible_to(request.user))
    return {
        "enterprise": enterprise,
        "portfolio": portfolio(enterprise, request.user, today),
        "meets_requirement": meets_institution_requirement(enterprise),
        "former_names": former_names(enterprise),
        "merged_from": enterprise.merged_from.visible_to(request.user),
        "today": today,
        "history": enterprise.history.select_related("history_user")[:20],
        "certificates": [(c, c.state_on(today)) for c in certificates],
        "certificate_steps": step_forms(ENTERPRISE_STEPS, enterprise, request.user, forms),
    }


@require_safe
@allow(READERS, scope=Enterprise)
def enterprise_detail(request, pk):
    """The enterprise's IP portfolio (an enterprise user's own page)."""
    enterprise = get_object_or_404(
        Enterprise.objects.visible_to(request.user).select_related("region", "merged_into"), pk=pk
    )
    return render(request, "registry/enterprise_detail.html", enterprise_context(request, enterprise))
