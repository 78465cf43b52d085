"""Sessions end after `SESSION_COOKIE_AGE` of inactivity, renewed at most once a `SESSION_REFRESH_SECONDS`.

Django's `SESSION_SAVE_EVERY_REQUEST` renews a session by writing it on every request: an UPDATE and a commit
for each page, API call and health check, most of them moving the expiry by a few seconds. This middleware sits
just inside `SessionMiddleware` and marks a session for saving only when it was last renewed that long ago (or
changed anyway), so a session may end up to `SESSION_REFRESH_SECONDS` sooner than its full idle time after the
last request, and a busy user costs one write a minute instead of one per request.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

RENEWED = "_renewed"  # when the session's expiry was last moved (seconds since the epoch)


class SessionRenewalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.session_key or response.status_code >= 500:
            return response  # no session to renew (anonymous, or a token); nothing is saved on a server error
        now = int(time.time())
        renewed = session.get(RENEWED)  # the user's request has usually loaded the session already
        if session.session_key and (session.modified or renewed is None or now - renewed >= refresh_seconds()):
            session[RENEWED] = now  # modified: SessionMiddleware saves it with a new expiry
        return response


@receiver(user_logged_in)
def renewed_at_login(sender, request, user, **kwargs):
    """Signing in saves the session with a fresh expiry: that is a renewal (also for sessions made in code)."""
    if getattr(request, "session", None) is not None:
        request.session[RENEWED] = int(time.time())


def refresh_seconds() -> int:
    return getattr(settings, "SESSION_REFRESH_SECONDS", 60)
