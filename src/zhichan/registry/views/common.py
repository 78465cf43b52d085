"""Shared parts of the register pages: filtering, pagination, the export of the filtered rows."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import RightLine, right_lines
from zhichan.core.roles import PROGRAMME_USERS

# Everyone signed in but a bank's liaison may read the registers; scoping decides which rows (an enterprise user
# sees its own).
READERS = PROGRAMME_USERS
PER_PAGE = 50
# Exports read the rows in chunks, each with its own prefetch: memory stays flat and no IN list grows past what
# SQLite accepts.
EXPORT_CHUNK = 2000


def filtered(request, filterset_class, queryset):
    """The filterset bound to the query string, over the rows the user may see."""
    return filterset_class(request.GET or None, queryset=queryset.visible_to(request.user), request=request)


def page_of(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def list_context(request, filterset):
    rows = filterset.qs
    page = page_of(request, rows)
    return {"filter": filterset, "page": page, "query": query_without_page(request)}


def export_note(title) -> str:
    return _("%(title)s · exported %(time)s") % {
        "title": title,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }


def chunked(queryset, size: int = EXPORT_CHUNK):
    """The rows of `queryset` in its order, fetched a chunk at a time by primary key. No cursor stays open
    between chunks, so a background export can record its progress as it goes (SQLite cannot write from a
    connection whose read is older than another connection's write)."""
    keys = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(keys), size):
        part = keys[start : start + size]
        by_key = {row.pk: row for row in queryset.filter(pk__in=part).order_by()}
        yield [by_key[key] for key in part if key in by_key]


def rows_of(queryset):
    """Every row of `queryset`, chunk by chunk (see chunked)."""
    for chunk in chunked(queryset):
        yield from chunk


def with_today(record, **facts):
    """The record with the facts of the export's day (its state, the end of its term …), which the columns of the
    day read (registry/columns.py)."""
    record.today = facts
    return record


def with_states(with_validity, queryset, day):
    """(record, state) for every row, a chunk at a time: an export's progress moves from the start."""
    for chunk in chunked(queryset):
        yield from with_validity(chunk, day)


def legal_history(user, right, events=()) -> dict:
    """A right's legal-status history: the register's own events and the lines other apps add (a pledge), by day;
    and the badges of the lines that hold now."""
    lines = [RightLine(e.date, e.get_kind_display(), e.text) for e in events]
    added = right_lines(user, right)
    return {
        "legal_lines": sorted([*lines, *added], key=lambda line: line.date),
        "right_badges": sorted({line.badge for line in added if line.badge}),
    }
