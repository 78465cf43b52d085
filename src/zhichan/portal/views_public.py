"""The public site: read without an account, on a phone first. Home, the services catalogue, a service with its
form, the tracking page and a request's status, contact and outlets. Nothing here shows a requester's name or
contacts, and nothing the office has not published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from zhichan.core.access import allow
from zhichan.core.clientip import client_ip
from zhichan.core.roles import EVERYONE
from zhichan.core.views.actions import run_action

from .cache import published_page
from .forms import RatingForm, RequestForm, TrackForm
from .models import PublicRequest, RequestState
from .services import catalogue, challenge, news, requests
from .services.datasets import titles as dataset_titles
from .services.headlines import headline_figures
from .services.site import links, programme_facts, published_outlets, running_programme

NEW_REQUEST = "portal-new-request"  # the session remembers the request just made, to say its number once


@published_page
@allow(EVERYONE)
def home(request):
    services = list(catalogue.published_services())
    programme = running_programme()
    context = {
        "facts": programme_facts(programme),
        "figures": headline_figures(programme),
        "news": news.latest(),
        "activities": news.latest_activities(),
        "services": services[:8],
        "links": links(),
        "datasets": dataset_titles(),
    }
    return render(request, "portal/home.html", context)


def _groups(services) -> list:
    groups: dict = {}
    for service in services:
        groups.setdefault(service.worded_group, []).append(service)
    return list(groups.items())


@published_page
@allow(EVERYONE)
def services(request):
    return render(request, "portal/services.html", {"groups": _groups(catalogue.published_services())})


def _on_fields(form, error):
    """A refusal shown beside the fields it names (a service's question by its key, as the landed record names
    it: a complaint's `respondent_credit_code` is the question `q_respondent_credit_code`), the rest above."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for key, errors in error.error_dict.items():
        name = key if key in form.fields else f"q_{key}" if f"q_{key}" in form.fields else None
        for message in ValidationError(errors).messages:
            form.add_error(name, message)


def _question(form):
    """A new question on the form (the old answer is cleared; everything else typed stays)."""
    question, token = challenge.ask()
    data = form.data.copy() if form.is_bound else None
    if data is not None:
        data["challenge"], data["answer"] = token, ""
        form.data = data
    else:
        form.initial["challenge"] = token
    return question


@never_cache
@allow(EVERYONE)
def service(request, code):
    service = get_object_or_404(catalogue.published_services(), code=code)
    posted = request.method == "POST"
    form = RequestForm(request.POST if posted else None, request.FILES if posted else None, service=service)
    if posted:
        valid = form.is_valid()  # checked with the question, so that every mistake shows in one round
        data = form.cleaned_data
        problem = challenge.problem(form.data.get("challenge"), form.data.get("answer"), form.data.get("website"))
        if problem and "answer" not in form.errors:
            form.add_error("answer", problem)
        if valid and not problem:
            try:
                made = requests.submit(
                    request.user if request.user.is_authenticated else None,
                    service,
                    matter=data["matter"],
                    answers=form.answers(),
                    anonymous=data.get("anonymous", False),
                    name=data.get("name", ""),
                    phone=data.get("phone", ""),
                    email=data.get("email", ""),
                    credit_code=data.get("credit_code", ""),
                    files=data.get("files") or [],
                    network=client_ip(request) or "",
                )
            except ValidationError as error:
                _on_fields(form, error)
            else:
                request.session[NEW_REQUEST] = made.number
                return redirect("portal-status", number=made.number)
    question = _question(form)
    status = 400 if form.errors else 200
    return render(
        request,
        "portal/service.html",
        {"service": service, "form": form, "question": question, "files_again": bool(request.FILES) and form.errors},
        status=status,
    )


@never_cache
@allow(EVERYONE)
def track(request):
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        number = form.cleaned_data["number"].strip().upper()
        if PublicRequest.objects.filter(number=number).exists():
            return redirect("portal-status", number=number)
        form.add_error("number", _("No request has this tracking number; check it and try again."))
    return render(request, "portal/track.html", {"form": form}, status=400 if form.errors else 200)


def _nothing_of_the_visitors(request) -> bool:
    """The status page is the same for everyone but the one who just made the request (told its number once)."""
    return NEW_REQUEST not in request.session


# Kept on the server only: the requester comes back for the answer, which must not wait in a browser's cache.
@published_page(shared=_nothing_of_the_visitors, browsers=False)
@allow(EVERYONE)
def status(request, number):
    found = get_object_or_404(
        PublicRequest.objects.select_related("service", "unit", "decided_by"), number=number.upper()
    )
    rating = RatingForm(request.POST or None)
    if request.method == "POST" and rating.is_valid():
        outcome = run_action(request, requests.rate, found, **rating.cleaned_data, form=rating)
        if outcome.ok:
            messages.success(request, _("Thank you for telling us."))
            return redirect("portal-status", number=found.number)
    just_made = request.session.pop(NEW_REQUEST, None) == found.number
    labels = catalogue.state_labels()
    context = {
        "item": found,
        "state": found.state_label(labels),
        "steps": _progress(found, labels),
        "readings": requests.readings(found),
        "rating": rating
        if found.state in (RequestState.ANSWERED, RequestState.CLOSED) and found.rating is None
        else None,
        "just_made": just_made,
        "today": timezone.localdate(),
    }
    return render(request, "portal/status.html", context, status=400 if rating.errors else 200)


def _progress(item, labels) -> list:
    """The state types in order, each marked done, current or to come."""
    order = list(RequestState)
    reached = order.index(item.state)
    return [
        {"label": PublicRequest(state=state).state_label(labels), "done": index < reached, "current": index == reached}
        for index, state in enumerate(order)
    ]


@published_page
@allow(EVERYONE)
def contact(request):
    return render(request, "portal/contact.html", {"outlets": published_outlets(), "links": links()})
