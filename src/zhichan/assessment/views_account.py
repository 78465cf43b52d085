"""The programme's yearly account and acceptance package, with their Word, PDF and Excel downloads, and the
versions of CNIPA's evaluation index the office enters. The office and the leadership read them; the office
enters and edits the index. Thin: each reads the question and calls services/."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import SEE_ALL, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.services.organisation import organisation_of
from zhichan.programme.models import Programme
from zhichan.programme.services.choice import chosen_programme, programmes_for

from .forms import IndexForm
from .models import EvaluationIndex, Round
from .services import account_exports, evaluation
from .services.account import IndexLine, acceptance, account, index_lines, programme_years, targets, year_end
from .services.account_exports import asked_index, asked_programme, asked_year, indexes_for
from .views import save_file

OFFICE = frozenset({Role.OFFICE})


def _no_programme(request):
    """Before any programme is loaded there is nothing to account for: the page says so."""
    return render(request, "assessment/account_none.html")


@require_safe
@allow(SEE_ALL)
def account_page(request):
    if not request.GET.get("programme") and chosen_programme(request) is None:
        return _no_programme(request)
    programme = asked_programme(request)
    found = account(programme, asked_year(request, programme), request.user)
    context = {
        "account": found,
        "programme": programme,
        "programmes": programmes_for(request.user),
        "years": programme_years(programme),
        "query": urlencode({"programme": programme.pk, "year": found.year}),
        "places_word": account_exports.places_word(found),
        "office_parts": account_exports.year_office_parts(),
    }
    return render(request, "assessment/account.html", context)


@require_safe
@allow(SEE_ALL)
def account_docx(request):
    return respond(request, account_exports.account_file, kind="docx")


@require_safe
@allow(SEE_ALL)
def account_pdf(request):
    return respond(request, account_exports.account_file, kind="pdf")


@require_safe
@allow(SEE_ALL)
def account_xlsx(request):
    return respond(request, account_exports.account_file, kind="xlsx")


@require_safe
@allow(SEE_ALL)
def acceptance_page(request):
    if not request.GET.get("programme") and chosen_programme(request) is None:
        return _no_programme(request)
    programme = asked_programme(request)
    index = asked_index(request, programme)
    found = acceptance(programme, request.user, index)
    query = {"programme": programme.pk, **({"index": index.pk} if index else {})}
    context = {
        "package": found,
        "programme": programme,
        "programmes": programmes_for(request.user),
        "indexes": indexes_for(request.user, programme),
        "query": urlencode(query),
        "results": [result for one in found.accounts for result in one.results],
        "by_year": found.by_year(),
        "published_label": Round._meta.get_field("published_on").verbose_name,
        "places_word": account_exports.places_word(found),
        "office_parts": account_exports.acceptance_office_parts(),
    }
    return render(request, "assessment/acceptance.html", context)


@require_safe
@allow(SEE_ALL)
def acceptance_docx(request):
    return respond(request, account_exports.acceptance_file, kind="docx")


@require_safe
@allow(SEE_ALL)
def acceptance_pdf(request):
    return respond(request, account_exports.acceptance_file, kind="pdf")


@require_safe
@allow(SEE_ALL)
def acceptance_xlsx(request):
    return respond(request, account_exports.acceptance_file, kind="xlsx")


def _may_enter(user) -> bool:
    organisation = organisation_of(user)
    return role_of(user) == Role.OFFICE and evaluation.save_index.allowed(user, {"organisation": organisation})


@require_safe
@allow(SEE_ALL)
def evaluation_list(request):
    context = {
        "indexes": EvaluationIndex.objects.visible_to(request.user).select_related("organisation"),
        "may_enter": _may_enter(request.user),
    }
    return render(request, "assessment/evaluation_list.html", context)


@allow(OFFICE)
def evaluation_new(request):
    form = IndexForm(request.POST or None)
    done, organisation = _("The evaluation index is saved."), organisation_of(request.user)
    saved = save_file(request, form, evaluation.save_index, done, organisation=organisation)
    if saved:
        return saved
    status = 400 if form.errors else 200
    return render(request, "assessment/evaluation_new.html", {"form": form}, status=status)


def _programme_of(request, index):
    """The programme whose figures fill the index in: `?programme=`, else the reader's, among the index's
    organisation's programmes."""
    found = Programme.objects.visible_to(request.user).filter(region=index.organisation).select_related("region")
    wanted = request.GET.get("programme", "")
    if wanted.isdigit():
        return get_object_or_404(found, pk=wanted)
    chosen = chosen_programme(request)
    if chosen is not None and chosen.region_id == index.organisation_id:
        return chosen
    return found.order_by("start").first()


@allow(SEE_ALL, write=OFFICE, scope=EvaluationIndex)
def evaluation_detail(request, pk):
    index = get_object_or_404(EvaluationIndex.objects.visible_to(request.user).select_related("organisation"), pk=pk)
    form = IndexForm(request.POST or None, initial={"text": index.text})
    if request.method == "POST":
        if not EvaluationIndex.objects.editable_by(request.user).filter(pk=pk).exists():
            raise PermissionDenied
        done = _("The evaluation index is saved.")
        saved = save_file(request, form, evaluation.save_index, done, organisation=index.organisation)
        if saved:
            return saved
    programme = _programme_of(request, index)
    day = year_end(programme, programme_years(programme)[-1]) if programme is not None else None
    if programme is not None:
        lines = index_lines(index, programme, day, targets(programme, day))
    else:
        lines = [IndexLine(item) for item in index.indicators]
    may_edit = role_of(request.user) == Role.OFFICE and evaluation.save_index.allowed(
        request.user, {"organisation": index.organisation}
    )
    context = {
        "index": index,
        "programme": programme,
        "day": day,
        "lines": lines,
        "form": form,
        "may_edit": may_edit,
        "versions": EvaluationIndex.objects.visible_to(request.user).filter(
            organisation=index.organisation, key=index.key
        ),
    }
    return render(request, "assessment/evaluation_detail.html", context, status=400 if form.errors else 200)
