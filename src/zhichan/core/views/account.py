"""The signed-in user's account: who they are, their password, and their API tokens (made, shown, revoked)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..access import allow
from ..forms import ApiTokenForm
from ..models import ApiToken
from ..posting import form_post
from ..roles import SIGNED_IN
from ..services.tokens import create_token, lifetime, revoke_token


@allow(SIGNED_IN)
def account(request):
    """GET shows the account and its tokens; POST makes a token, whose key this answer shows, once."""
    form, new = ApiTokenForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        new = create_token(request.user, form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = ApiToken.objects.visible_to(request.user)
    return render(
        request,
        "core/account.html",
        {"form": form, "tokens": tokens, "new": new, "days": lifetime().days},
    )


@form_post()
@allow(SIGNED_IN, scope=ApiToken)
def account_token_revoke(request, pk):
    token = get_object_or_404(ApiToken.objects.editable_by(request.user), pk=pk)
    revoke_token(request.user, token)
    messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name or token.prefix + "…"})
    return redirect("account")
