"""A keyed digest of what a visitor gives that must be compared but never kept as given (a respondent's key, a
network address): the same text gives the same digest under this installation's secret, and nothing leads back."""

import hashlib
import hmac

from django.conf import settings


def keyed_digest(text: str | None) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), (text or "").encode(), hashlib.sha256).hexdigest()
