"""The credit grades: the latest run (subjects by grade, those below the best grade with why, each grade's
inspection proportion), starting a new run (the office; a background task with progress), and one subject's page:
its grade today and why, with every record and listing behind it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF, Role
from zhichan.core.services.progress import start

from .forms import GradeRunForm
from .models import DishonestyRecord, SeriousListEntry, SubjectGrade
from .services.grades import explained, graded_subjects, latest_run
from .services.settings import grade_rules
from .tasks import grade_task
from .views import PER_PAGE, Shown, query_without_page


@allow(STAFF)
def grade_list(request):
    run = latest_run()
    rules = grade_rules()
    grade = request.GET.get("grade") or ""
    found = SubjectGrade.objects.none()
    if run is not None:
        found = SubjectGrade.objects.visible_to(request.user).filter(run=run).select_related("region")
        found = found.filter(grade=grade) if grade else found.exclude(grade=rules.default)
        found = found.order_by("-grade", "name")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "run": run,
        "grades": [(g, (run.counts or {}).get(g.key, 0) if run else 0) for g in rules.grades],
        "chosen": grade,
        "page": page,
        "rows": [(row, [explained(reason, rules) for reason in row.reasons]) for row in page],
        "query": query_without_page(request),
        "form": GradeRunForm(),
        "may_run": request.user.role == Role.OFFICE,
        "rules": rules,
    }
    return render(request, "credit/grade_list.html", context)


@form_post("credit-grade-list")
@allow(Role.OFFICE)
def grade_run(request):
    form = GradeRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day the grades are computed as of."))
        return redirect("credit-grade-list")
    as_of = form.cleaned_data["as_of"]
    progress = start(grade_task, _("Compute the credit grades"), request.user, as_of.isoformat())
    messages.info(request, _("The credit grades are being computed."))
    return redirect("task-detail", pk=progress.pk)


@allow(STAFF)
def subject_detail(request, code):
    code = (code or "").strip().upper()
    found_records = (
        DishonestyRecord.objects.visible_to(request.user).filter(credit_code=code).select_related("kind", "unit")
    )
    found_listings = SeriousListEntry.objects.visible_to(request.user).filter(credit_code=code).select_related("unit")
    stored = SubjectGrade.objects.visible_to(request.user).filter(credit_code=code).order_by("-run__created").first()
    if not found_records.exists() and not found_listings.exists() and stored is None:
        raise Http404
    today = timezone.localdate()
    rules = grade_rules()
    graded = graded_subjects([code], today)[code]
    name = stored.name if stored else (found_records.first() or found_listings.first()).subject_name
    context = {
        "code": code,
        "name": name,
        "grade": rules.grade(graded.grade),
        "reasons": [explained(reason, rules) for reason in graded.reasons],
        "records": [Shown(r, request.user) for r in found_records],
        "listings": [Shown(e, request.user) for e in found_listings],
        "stored": stored,
        "today": today,
    }
    return render(request, "credit/subject_detail.html", context)
