"""Choosing the programme the pages show."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF

from ..services.choice import choose


@form_post("workbench")
@allow(STAFF)
def choose_programme(request):
    """Keep the chosen programme in the session (a view preference: no action, no event) and go back."""
    if not choose(request, request.POST.get("programme", "")):
        raise Http404
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("programme-list")
