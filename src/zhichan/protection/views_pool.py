"""The shared pool's pages (共享案件库): the list, one pooled case, the party search, one party's record and the
office's list of repeat infringers. Thin: every row comes from services/pool.py, which the API reads too."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import STAFF, Role, role_of

from .forms_pool import PartyForm, PartySearchForm, PoolFilter
from .models import PooledCase
from .services import pool as pooling

OFFICE = frozenset({Role.OFFICE})
PER_PAGE = 50


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
@allow(STAFF)
def pool_list(request):
    filterset = PoolFilter(request.GET or None, queryset=pooling.pool(request.user), request=request)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page": page,
        "rows": pooling.pooled_cases(request.user, page),
        "search": PartySearchForm(),
        "query": _query_without_page(request),
        "office": role_of(request.user) == Role.OFFICE,
    }
    return render(request, "protection/pool_list.html", context)


@require_safe
@allow(STAFF, scope=PooledCase)
def pool_detail(request, pk):
    found = pooling.pooled_cases(request.user, pooling.pool(request.user).filter(pk=pk))
    if not found:
        raise Http404
    return render(request, "protection/pool_detail.html", {"row": found[0]})


@require_safe
@allow(STAFF)
def party_search(request):
    form = PartySearchForm(request.GET or None)
    hits = pooling.find_parties(request.user, form.cleaned_data["q"]) if form.is_valid() else None
    context = {"form": form, "hits": hits, "limit": pooling.SEARCH_LIMIT}
    return render(request, "protection/pool_parties.html", context)


@require_safe
@allow(STAFF)
def party_record(request):
    form = PartyForm(request.GET or None)
    record = None
    if form.is_valid():
        record = pooling.party_record(request.user, code=form.cleaned_data["code"], name=form.cleaned_data["name"])
    return render(request, "protection/pool_party.html", {"form": form, "record": record})


@require_safe
@allow(OFFICE)
def repeat_infringers(request):
    page = Paginator(pooling.repeat_infringers(request.user), PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "rows": pooling.infringer_rows(page), "query": ""}
    return render(request, "protection/pool_repeat.html", context)
