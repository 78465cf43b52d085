"""Who the field history names for changes made outside a request.

django-simple-history takes the acting user from the request its middleware keeps; a background task or a
management command has none, so its changes were the system's. `acting_as(user)` stands in for that request
while a block runs: the task runner uses it with the task's user, commands with their `--user` (or none, the
system), and every domain action with the user it acts for. Blocks nest; the previous request comes back after.
"""

from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from simple_history.models import HistoricalRecords

_MISSING = object()


class _Acting:
    """What the history reads from a request: only its user."""

    def __init__(self, user):
        self.user = user if user is not None else AnonymousUser()


@contextmanager
def acting_as(user):
    context = HistoricalRecords.context
    previous = getattr(context, "request", _MISSING)
    context.request = _Acting(user)
    try:
        yield
    finally:
        if previous is _MISSING:
            try:
                del context.request
            except AttributeError:
                pass
        else:
            context.request = previous


def acting_user():
    """The user a change is being made for now (the request's, or the one `acting_as` names), or None."""
    user = getattr(getattr(HistoricalRecords.context, "request", None), "user", None)
    return user if getattr(user, "is_authenticated", False) else None
