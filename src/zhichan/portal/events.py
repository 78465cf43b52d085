"""The portal's kinds of events."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

REQUEST_SUBMITTED = EventKind("portal.submitted", _("request submitted on the portal"))
REQUEST_ACCEPTED = EventKind("portal.accepted", _("request accepted"))
REQUEST_ANSWERED = EventKind("portal.answered", _("request answered"))
REQUEST_CLOSED = EventKind("portal.closed", _("request closed"))
REQUEST_FOLLOWED = EventKind("portal.followed", _("request followed its record"))
REQUEST_RATED = EventKind("portal.rated", _("satisfaction given"))
SERVICE_CHANGED = EventKind("portal.service_changed", _("public service changed"))
STATE_REWORDED = EventKind("portal.state_reworded", _("state label reworded"))
# Enterprise self-service (services/enterprises.py): the registration is the record.
REGISTRATION_SUBMITTED = EventKind("portal.registration_submitted", _("enterprise registered on the portal"))
REGISTRATION_VERIFIED = EventKind("portal.registration_verified", _("enterprise registration verified"))
REGISTRATION_REFUSED = EventKind("portal.registration_refused", _("enterprise registration refused"))


def _notice_kind(value) -> str:
    from .models import NoticeKind

    return str(dict(NoticeKind.choices).get(value, value))


# News and notices (services/news.py): the item is the record.
NOTICE_WRITTEN = EventKind(
    "portal.notice_written",
    _("news item written"),
    shown={"new": lambda new: _("new item") if new else "", "kind": _notice_kind},
    order=("new", "kind"),
)
NOTICE_PUBLISHED = EventKind("portal.notice_published", _("news item published"))
NOTICE_UNPUBLISHED = EventKind("portal.notice_unpublished", _("news item taken off the portal"))
NOTICE_REMOVED = EventKind("portal.notice_removed", _("news item removed"))
