"""The day the status pages show: "as of" a date the reader picks (`?as_of=YYYY-MM-DD`), else today.

Resolved once per request (`as_of(request)`), kept on the request, and passed on to the status and target
services as a parameter: they never read today themselves when a page asks about another day. A programme's pages
default to its last day once it has ended (`as_of(request, end=programme.end)`), so a finished programme is read as
it stood at its deadline, not as years overdue.
"""

import datetime

from django.utils import timezone

PARAM = "as_of"


def chosen(request) -> datetime.date | None:
    """The valid day the reader asked for, or None (an unreadable value is ignored, as if absent)."""
    if not hasattr(request, "_as_of"):
        try:
            request._as_of = datetime.date.fromisoformat(request.GET.get(PARAM, ""))
        except ValueError:
            request._as_of = None
    return request._as_of


def as_of(request, end: datetime.date | None = None) -> datetime.date:
    """The day to show: the reader's choice, else today — or `end` when it has passed (a finished programme)."""
    day = chosen(request)
    if day is not None:
        return day
    today = timezone.localdate()
    return min(today, end) if end else today


def context(request):
    """`as_of` (the chosen day or None) and `as_of_query` ("as_of=…" or "") for links that keep the choice."""
    day = chosen(request)
    return {"as_of": day, "as_of_query": f"{PARAM}={day.isoformat()}" if day else ""}
