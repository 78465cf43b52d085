"""A simple challenge on the forms anyone may submit without an account (no third-party service): a small sum to
work out, its answer signed into the form with the time it was asked, and a field people never see that robots
fill in. A wrong or stale answer asks a new question; nothing typed is lost."""

import secrets

from django.core import signing
from django.utils.translation import gettext as _

SALT = "zhichan.portal.challenge"
MAX_AGE = 2 * 3600  # seconds: a form left open all morning still submits


def ask() -> tuple[str, str]:
    """(the question in words, the signed token the form carries)."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    question = _("What is %(first)d plus %(second)d?") % {"first": first, "second": second}
    return question, signing.dumps(first + second, salt=SALT)


def problem(token: str, answer: str, trap: str = "") -> str | None:
    """Why the challenge is not met (None: met)."""
    if trap:
        return _("This form was filled in by a program.")
    try:
        expected = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return _("The question has expired; answer the new one.")
    except signing.BadSignature:
        return _("Answer the question below.")
    if (answer or "").strip() != str(expected):
        return _("That is not the answer; try the new question.")
    return None
