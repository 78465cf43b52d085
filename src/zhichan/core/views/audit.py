import heapq

from django.apps import apps
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.dateparse import parse_date
from simple_history.models import registered_models

from ..access import allow
from ..changes import changes
from ..events import kinds
from ..models import AuthEvent, Event
from ..roles import Role

PER_PAGE = 50


def audited_models():
    """Every model with history, as (label, model), sorted by its name."""
    models = [m for m in registered_models.values() if apps.is_installed(m._meta.app_config.name)]
    return sorted(((m._meta.label_lower, m) for m in models), key=lambda pair: str(pair[1]._meta.verbose_name))


def _filtered(rows, user_lookup: str, time_field: str, user, since, until):
    """The rows of this username (if given) and between these days (each if given)."""
    if user:
        rows = rows.filter(**{user_lookup: user})
    if since:
        rows = rows.filter(**{f"{time_field}__date__gte": since})
    if until:
        rows = rows.filter(**{f"{time_field}__date__lte": until})
    return rows


def _history(model, user, since, until):
    rows = model.history.select_related("history_user").order_by("-history_date")
    return _filtered(rows, "history_user__username", "history_date", user, since, until)


def _events(kind, user, since, until):
    events = Event.objects.select_related("user", "user__unit", "content_type")
    if kind:
        events = events.filter(kind=kind)
    return _filtered(events, "user__username", "at", user, since, until)


@allow(Role.OFFICE)
def audit(request):
    """Who changed what and when, with before and after; what was done (the event log); and every sign-in,
    sign-out and failed sign-in."""
    tab = request.GET.get("tab", "changes")
    user = request.GET.get("user", "").strip()
    since, until = parse_date(request.GET.get("since", "") or ""), parse_date(request.GET.get("until", "") or "")
    # "username", not "user": the base template reads `user` as the signed-in account (its menu and notifications).
    context = {"tab": tab, "username": user, "since": since, "until": until, "models": audited_models()}
    if tab == "events":
        context["kinds"], context["kind"] = kinds(), request.GET.get("kind", "")
        context["page"] = Paginator(_events(context["kind"], user, since, until), PER_PAGE).get_page(
            request.GET.get("page")
        )
    elif tab == "logins":
        events = _filtered(AuthEvent.objects.select_related("user"), "username", "at", user, since, until)
        context["page"] = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    else:
        label = request.GET.get("model", "")
        chosen = dict(context["models"]).get(label)
        context["model"] = label
        if chosen is not None:
            records = Paginator(_history(chosen, user, since, until), PER_PAGE).get_page(request.GET.get("page"))
            context["page"] = records
            rows = list(records)
        else:
            # All models: the newest PER_PAGE changes across every history table.
            streams = [_history(m, user, since, until)[:PER_PAGE] for _, m in context["models"]]
            rows = list(heapq.merge(*streams, key=lambda r: r.history_date, reverse=True))[:PER_PAGE]
        context["rows"] = changes(rows)
    return render(request, "core/audit.html", context)
