"""The registry home: counts per register and one search box over all of them."""

from functools import cache

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import scope_key
from zhichan.core.versions import audited, imported, latest, marked, remember

from ..models import (
    Copyright,
    Enterprise,
    GeographicalIndication,
    Patent,
    PatentEvent,
    PatentType,
    Trademark,
    TrademarkEvent,
)
from ..services.search import clean, search
from .common import READERS

RESULTS_PER_REGISTER = 10
FEW = 1000  # matches sorted by id once found; beyond this they are counted and the first ten read in order
# (key, model, list URL name) in the order the page shows them
REGISTERS = [
    ("patents", Patent, "patent-list"),
    ("trademarks", Trademark, "trademark-list"),
    ("copyrights", Copyright, "copyright-list"),
    ("gis", GeographicalIndication, "gi-list"),
    ("enterprises", Enterprise, "enterprise-list"),
]


def register_version() -> str:
    """Changes whenever a record of a register, a legal-status event or an enterprise is saved or deleted, an import
    writes, or the synthetic register is loaded or removed (one query)."""
    return latest(*_register_columns())


@cache
def _register_columns() -> list[tuple]:
    return [
        *audited(Patent, PatentEvent, Trademark, TrademarkEvent, Copyright, GeographicalIndication, Enterprise),
        *imported(),
        *marked(),
    ]


def counts(user, day):
    """The figures on the home page, each over the rows the user may see: cached per register version, day and
    reader's scope (the valid counts read every legal-status event: a fifth of a second at 200,000 patents)."""
    return remember("registry:counts", [register_version(), day, scope_key(user)], lambda: _counts(user, day))


def _counts(user, day):
    patents = Patent.objects.visible_to(user)
    return {
        "invention_patents": patents.filter(patent_type=PatentType.INVENTION).valid_on(day).count(),
        "patents": patents.count(),
        "trademarks": Trademark.objects.visible_to(user).valid_on(day).count(),
        "copyrights": Copyright.objects.visible_to(user).count(),
        "gis": GeographicalIndication.objects.visible_to(user).count(),
        "enterprises": Enterprise.objects.visible_to(user).count(),
    }


def first_and_count(found, first: int = RESULTS_PER_REGISTER, few: int = FEW) -> tuple[list, int]:
    """The first records of a search in the register's order, and how many it finds.

    The matches' ids are read first, unordered, so the database finds them by the text's index (or one scan);
    when there are few, they are the count, and the first records are sorted from them alone. Asked in order
    straight away, the first ten of a rare term would be looked for in number order through the whole register
    (the planner cannot tell how rare the term is). When there are many, the first ten are found soon in that
    order, and the matches are counted."""
    ids = list(found.order_by().values_list("pk", flat=True)[: few + 1])
    if len(ids) <= few:
        records = found.model._default_manager.filter(pk__in=ids)[:first] if ids else []
        return list(records), len(ids)
    return list(found[:first]), found.count()


def search_all(user, text):
    """[(key, list URL name, first results, how many)] for every register."""
    results = []
    for key, model, url_name in REGISTERS:
        records, total = first_and_count(search(model.objects.visible_to(user), text))
        results.append((key, url_name, records, total))
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
