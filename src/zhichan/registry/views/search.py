"""The registry home: counts per register and one search box over all of them."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import Role, role_of

from ..models import Copyright, Enterprise, GeographicalIndication, Patent, PatentType, Trademark
from ..services.search import clean, search
from .common import READERS

RESULTS_PER_REGISTER = 10
# (key, model, list URL name) in the order the page shows them
REGISTERS = [
    ("patents", Patent, "patent-list"),
    ("trademarks", Trademark, "trademark-list"),
    ("copyrights", Copyright, "copyright-list"),
    ("gis", GeographicalIndication, "gi-list"),
    ("enterprises", Enterprise, "enterprise-list"),
]


def counts(user, day):
    """The figures on the home page, each over the rows the user may see."""
    patents = Patent.objects.visible_to(user)
    return {
        "invention_patents": patents.filter(patent_type=PatentType.INVENTION).valid_on(day).count(),
        "patents": patents.count(),
        "trademarks": Trademark.objects.visible_to(user).valid_on(day).count(),
        "copyrights": Copyright.objects.visible_to(user).count(),
        "gis": GeographicalIndication.objects.visible_to(user).count(),
        "enterprises": Enterprise.objects.visible_to(user).count(),
    }


def search_all(user, text):
    """[(key, list URL name, first results, how many)] for every register."""
    results = []
    for key, model, url_name in REGISTERS:
        found = search(model.objects.visible_to(user), text)
        results.append((key, url_name, list(found[:RESULTS_PER_REGISTER]), found.count()))
    return results


@require_safe
@allow(READERS)
def registry_home(request):
    today = timezone.localdate()
    text = clean(request.GET.get("q", ""))
    context = {"today": today, "q": text, "counts": counts(request.user, today)}
    if text:
        context["results"] = search_all(request.user, text)
        context["nothing_found"] = not any(total for *_rest, total in context["results"])
    if role_of(request.user) == Role.ENTERPRISE:
        context["my_enterprises"] = request.user.enterprises.all()
    return render(request, "registry/home.html", context)
