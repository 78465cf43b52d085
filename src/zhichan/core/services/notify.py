"""Notifications: in the platform always, by e-mail where the operator has configured mail."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django_tasks import task

from ..messages import Message, key_of  # Message: what callers pass as a title or text
from ..models import Notification

log = logging.getLogger(__name__)


def email_enabled() -> bool:
    """The one rule for sending mail: ZHICHAN_NOTIFY_BY_EMAIL, which defaults to on exactly when
    ZHICHAN_EMAIL_BACKEND is set (settings.NOTIFY_BY_EMAIL)."""
    return bool(getattr(settings, "NOTIFY_BY_EMAIL", False))


def notify(users, title, body, url: str, key: str) -> list[Notification]:
    """Send a notification to each user who has not had one with this key; returns the new ones.

    `key` names what it is about (e.g. "report-due:17:2024Q1"), so a reminder sent again is not sent twice.
    `title` and `body` are text, or a Message, which each reader then sees in their own language.
    `url` is a path within the platform. E-mail goes out after the transaction commits, in the background.
    """
    users = [users] if isinstance(users, Model) else [user for user in users if user is not None]
    if not users:
        return []
    if url and not url.startswith("/"):
        raise ValueError("notification links are paths within the platform")
    had = set(Notification.objects.filter(key=key, user__in=users).values_list("user_id", flat=True))
    fresh, seen = [], set(had)
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            fresh.append(
                Notification(
                    user=user,
                    title=str(title)[:200],
                    body=str(body),
                    title_key=key_of(title),
                    body_key=key_of(body),
                    url=url,
                    key=key,
                )
            )
    # ignore_conflicts: a concurrent run that got there first wins, and nothing fails.
    Notification.objects.bulk_create(fresh, ignore_conflicts=True)
    if email_enabled() and any(n.user.email for n in fresh):
        ids = list(
            Notification.objects.filter(key=key, user__in=[n.user for n in fresh if n.user.email]).values_list(
                "pk", flat=True
            )
        )
        transaction.on_commit(lambda: mail_notifications.enqueue(ids))
    return fresh


def mail(ids) -> int:
    """E-mail the given notifications to their recipients; returns how many were sent."""
    if not email_enabled():
        return 0
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    messages = []
    for note in Notification.objects.filter(pk__in=ids).select_related("user"):
        if not note.user.email:
            continue
        text = note.body
        if note.url and base:
            text = f"{text}\n\n{base}{note.url}".strip()
        messages.append(EmailMessage(note.title, text, settings.DEFAULT_FROM_EMAIL, [note.user.email]))
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages) or 0
    except OSError:  # the notification is in the platform already; a mail server outage must not lose it
        log.exception("could not send %d notification e-mails", len(messages))
        return 0


@task()
def mail_notifications(ids: list[int]):
    """`mail` in the background, once the transaction that created the notifications has committed."""
    mail(ids)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, pk=None) -> int:
    """Mark one of the user's notifications read (or all, when pk is None); returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


__all__ = ["Message", "email_enabled", "mail", "mark_read", "notify", "unread_count"]
