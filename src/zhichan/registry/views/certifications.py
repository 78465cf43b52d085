"""GB/T 29490 certificates (贯标): one certificate's page with its steps (correct, renew, remove), and the step that
adds one on its enterprise's page. Thin: the steps' forms are read here, the actions decide."""

from functools import partial

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import PROGRAMME_USERS, Role
from zhichan.core.views.steps import step_forms, take_step

from ..certification_steps import CERTIFICATION_STEPS, ENTERPRISE_STEPS
from ..models import Certification, Enterprise
from ..models.certifications import warning_days
from ..services.certifications import scans_of
from .enterprises import enterprise_context

# Who may write a certificate at all; the action says which (an enterprise user its own enterprise's).
WRITERS = frozenset({Role.OFFICE, Role.ENTERPRISE})


def _context(request, certification, forms=None) -> dict:
    return {
        "certification": certification,
        "today": timezone.localdate(),
        "state": certification.state_on(timezone.localdate()),
        "warning_days": warning_days(),
        "scans": scans_of([certification])[certification.pk],
        "renewals": certification.renewals.all(),
        "steps": step_forms(CERTIFICATION_STEPS, certification, request.user, forms),
        "history": certification.history.select_related("history_user")[:20],
    }


def _certificates():
    return Certification.objects.select_related("enterprise", "enterprise__region", "renews")


@require_safe
@allow(PROGRAMME_USERS, scope=Certification)
def certification_detail(request, pk):
    certification = get_object_or_404(_certificates().visible_to(request.user), pk=pk)
    return render(request, "registry/certification_detail.html", _context(request, certification))


@form_post("certification-detail", "pk")
@allow(PROGRAMME_USERS, write=WRITERS, scope=Certification)
def certification_step(request, pk):
    certification = get_object_or_404(_certificates().editable_by(request.user), pk=pk)
    context = partial(_context, request, certification)
    return take_step(request, certification, CERTIFICATION_STEPS, "registry/certification_detail.html", context)


@form_post("enterprise-detail", "pk")
@allow(PROGRAMME_USERS, write=WRITERS, scope=Enterprise)
def enterprise_certify(request, pk):
    enterprise = get_object_or_404(Enterprise.objects.editable_by(request.user), pk=pk)
    context = partial(enterprise_context, request, enterprise)
    return take_step(request, enterprise, ENTERPRISE_STEPS, "registry/enterprise_detail.html", context)
