"""The page of a set's navigation report: the office ticks the analyses the set can feed, writes its text for each
and starts the build (a background task, whose progress the page shows); whoever reads the set downloads the last
report's Word and PDF files. Thin: the form, then services/report.py."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from zhichan.core.access import allow
from zhichan.core.actions import refuse
from zhichan.core.models import TaskProgress
from zhichan.core.roles import STAFF, Role
from zhichan.core.views.actions import run_action

from .models import PatentSet
from .report_forms import ReportForm, text_field
from .report_tasks import report_in_background
from .services import report

OFFICE = frozenset({Role.OFFICE})
NEEDS_ANOTHER_SET = {"position"}  # fed once a set to compare with is chosen on the form


@allow(STAFF, write=OFFICE, scope=PatentSet)
def set_report(request, pk):
    patent_set = get_object_or_404(PatentSet.objects.visible_to(request.user), pk=pk)
    may_build = report.build_report.allowed(request.user, {"patent_set": patent_set})
    if request.method == "POST" and not may_build:
        refuse()
    comparable = PatentSet.objects.visible_to(request.user).exclude(pk=patent_set.pk).filter(patent_count__gt=0)
    offered = report.offered(patent_set)
    feedable = [found for found in offered if not found.cannot or _fed_later(found, comparable)]
    built = report.latest(patent_set, request.user)
    initial = _initial(request, offered, comparable, built)
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        patent_set=patent_set,
        user=request.user,
        feedable=feedable,
    )
    if request.method == "POST" and form.is_valid():
        choice = {key: form.cleaned_data[key] for key in ("sections", "level", "against")}
        outcome = run_action(request, report.check, patent_set, request.user, **choice, form=form)
        if outcome.ok:
            progress = report_in_background(request.user, patent_set, texts=form.texts(), **choice)
            return redirect(f"{reverse('patent-set-report', args=[patent_set.pk])}?task={progress.pk}")
    chosen = set(form["sections"].value() or [])
    sections = [
        {
            "found": found,
            "enabled": found in feedable,
            "checked": found.key in chosen and found in feedable,
            "text": form[text_field(found.key)],
        }
        for found in offered
    ]
    context = {
        "set": patent_set,
        "form": form,
        "sections": sections,
        "may_build": may_build,
        "progress": _progress(request),
        "built": built,
    }
    return render(request, "navigation/report.html", context, status=400 if form.errors else 200)


def _initial(request, offered, comparable, built) -> dict:
    """The last report's choices and texts, to start the next from; the first time, every analysis the set can
    feed, and the options of the landscape the office came from."""
    if built is not None:
        initial = {text_field(key): text for key, text in built.texts.items()}
        return {
            **initial,
            "sections": built.sections,
            "level": built.level,
            "against": comparable.filter(pk=built.against or 0).first(),
        }
    return {
        "sections": [found.key for found in offered if not found.cannot],
        "level": request.GET.get("level", "subclass"),
        "against": comparable.filter(pk=request.GET.get("against") or 0).first(),
    }


def _fed_later(found, comparable) -> bool:
    return found.key in NEEDS_ANOTHER_SET and comparable.exists()


def _progress(request):
    """The build the page was sent to watch (`?task=`), when it is the user's own."""
    pk = request.GET.get("task", "")
    if not pk.isdigit():
        return None
    return TaskProgress.objects.visible_to(request.user).filter(pk=pk).first()
