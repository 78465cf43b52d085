"""News and notices on the public portal: the programme office writes an item, publishes it from a day, takes it
off again, and removes a draft. Each is an action: the office only (as it edits the services catalogue), in one
transaction, with its event — and every event renews the published pages kept in the cache (signals.py), so the
public reads the change on its next visit."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.events import record
from zhichan.core.inputs import stripped

from ..events import NOTICE_PUBLISHED, NOTICE_REMOVED, NOTICE_UNPUBLISHED, NOTICE_WRITTEN
from ..models import Notice, NoticeKind

WRITTEN = ("kind", "title", "title_en", "body", "body_en")
HOME_ITEMS = 4  # the latest items the home page lists
ACTIVITIES = 3  # the latest published trainings and activities beside them


def _kept(notice: Notice) -> Notice:
    notice.full_clean()
    notice.save()
    return notice


@action(
    NOTICE_WRITTEN,
    allow=office_or_system,
    data=lambda arguments, found: {"new": arguments["notice"] is None, "kind": found.kind},
)
def write(
    user,
    notice: Notice | None = None,
    *,
    kind=NoticeKind.NEWS,
    title="",
    title_en="",
    body="",
    body_en="",
    synthetic=False,
):
    """Write a new item (a draft until published) or rewrite one; a published item changes on the portal at once.
    `synthetic` marks a new demo item (演示数据（虚构）)."""
    notice = notice or Notice(created_by=user if getattr(user, "pk", None) else None, synthetic=synthetic)
    notice.kind = kind
    notice.title, notice.title_en = stripped(title), stripped(title_en)
    notice.body, notice.body_en = _text(body), _text(body_en)
    missing = {}
    if not notice.title:
        missing["title"] = _("Give the item's title.")
    if not notice.body:
        missing["body"] = _("Write the text.")
    if missing:
        raise ValidationError(missing)
    return _kept(notice)


def _text(value) -> str:
    """The text as typed, with Windows line ends made plain and the blank lines around it dropped."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


@action(
    NOTICE_PUBLISHED,
    on="notice",
    allow=office_or_system,
    data=lambda arguments, found: {"day": found.published_on.isoformat()},
)
def publish(notice: Notice, user, *, day: datetime.date | None = None) -> Notice:
    """Publish the item from the day given (today by default; a day ahead publishes it that morning)."""
    if notice.published_on is not None:
        raise ValidationError(_("It is already published."))
    notice.published_on = day or timezone.localdate()
    return _kept(notice)


@action(NOTICE_UNPUBLISHED, on="notice", allow=office_or_system)
def unpublish(notice: Notice, user) -> Notice:
    """Take the item off the portal: it is a draft again, read by the staff only."""
    if notice.published_on is None:
        raise ValidationError(_("It is not published."))
    notice.published_on = None
    return _kept(notice)


@action(allow=office_or_system)
def remove(notice: Notice, user) -> None:
    """Remove a draft (its text stays in the change history). A published item is taken off the portal first, so
    nothing the public may have read disappears by a slip."""
    if notice.published_on is not None:
        raise ValidationError(_("Take it off the portal before removing it."))
    record(user, NOTICE_REMOVED, notice, title=notice.title)
    notice.delete()


def latest(limit: int = HOME_ITEMS, day: datetime.date | None = None) -> list[Notice]:
    return list(Notice.objects.published(day)[:limit])


def latest_activities(limit: int = ACTIVITIES, day: datetime.date | None = None) -> list:
    """The trainings and publicity activities the office put on the public calendar, the latest held first: the
    public fields the calendar's open data gives, nothing more."""
    from zhichan.outreach.models import Activity

    day = day or timezone.localdate()
    found = (
        Activity.objects.filter(published_on__isnull=False, published_on__lte=day)
        .select_related("unit", "region")
        .order_by("-starts_on", "-pk")[:limit]
    )
    return [
        {
            "title": activity.title,
            "kind": activity.get_kind_display(),
            "starts_on": activity.starts_on,
            "ends_on": activity.ends_on,
            "organiser": activity.unit.display_name,
            "region": activity.region.display_name,
        }
        for activity in found
    ]
