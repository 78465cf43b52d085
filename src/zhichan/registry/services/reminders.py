"""Reminders to holders: a patent annuity falling due, a trademark term coming to its end.

Run daily through `manage.py send_reminders` (core.extensions.register_daily). Each enterprise user of a
holder gets one notification per patent and due date, and per trademark and term end (notify's key), in the
platform's default language. The candidates are found with a few set-based queries, not one per record.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop as _noop

from zhichan.core.messages import Message
from zhichan.core.models import Notification
from zhichan.core.roles import Role
from zhichan.core.services.notify import notify

from ..models import Enterprise, Patent, Trademark
from ..terms import grace_end, last_day_of_term
from .patents import next_annuity_due
from .trademarks import status_on

CHUNK = 500
GRACE_DAYS = 184  # six months at most (Trademark Law art. 40)
DETAIL = {Patent: "patent-detail", Trademark: "trademark-detail"}


def _members_by(model, ids) -> dict[int, set[int]]:
    """{record pk: user pks} of the active enterprise users of each record's holders (one query per chunk)."""
    through = model.holders.through
    own = f"{model._meta.model_name}_id"
    users = defaultdict(set)
    for start in range(0, len(ids), CHUNK):
        rows = through.objects.filter(
            **{f"{own}__in": ids[start : start + CHUNK]},
            enterprise__members__is_active=True,
            enterprise__members__role=Role.ENTERPRISE,
        ).values_list(own, "enterprise__members")
        for record, user in rows:
            users[record].add(user)
    return users


def _held_by_users(model):
    """The records held by at least one enterprise that has an active enterprise user."""
    members = Enterprise.members.through.objects.filter(user__is_active=True, user__role=Role.ENTERPRISE)
    return model.objects.filter(holders__in=members.values("enterprise_id")).distinct()


def _send(due: list[tuple]) -> int:
    """Notify each (record, users, key, title, body) once per user and key; returns notifications sent."""
    keys = [key for _record, _users, key, _title, _body in due]
    sent_before = set()
    for start in range(0, len(keys), CHUNK):
        sent_before |= set(
            Notification.objects.filter(key__in=keys[start : start + CHUNK]).values_list("key", "user_id")
        )
    user_model = Notification._meta.get_field("user").related_model
    wanted = {user for _record, users, *_rest in due for user in users}
    by_pk = user_model.objects.in_bulk(list(wanted))
    sent = 0
    for record, users, key, title, body in due:
        fresh = [by_pk[user] for user in sorted(users) if (key, user) not in sent_before and user in by_pk]
        if fresh:
            url = reverse(DETAIL[type(record)], args=[record.pk])
            sent += len(notify(fresh, title, body, url, key))
    return sent


def annuity_reminders(today: datetime.date | None = None, days: int | None = None) -> int:
    """Remind holders' users of annuities due within `days` (ANNUITY_REMINDER_DAYS) of patents valid today."""
    today = today or timezone.localdate()
    days = settings.ANNUITY_REMINDER_DAYS if days is None else days
    patents = list(_held_by_users(Patent).valid_on(today).prefetch_related("events"))
    horizon = today + datetime.timedelta(days=days)
    due = []
    with translation.override(settings.LANGUAGE_CODE):
        upcoming = []
        for patent in patents:
            date = next_annuity_due(patent, today, list(patent.events.all()))
            if date is not None and date <= horizon:
                upcoming.append((patent, date))
        users = _members_by(Patent, [patent.pk for patent, _date in upcoming])
        for patent, date in upcoming:
            names = {"number": patent.application_number, "title": patent.title, "date": date}
            due.append(
                (
                    patent,
                    users[patent.pk],
                    f"patent-annuity:{patent.pk}:{date}",
                    Message(_noop("Annuity due on %(date)s: patent %(number)s"), names),
                    Message(
                        _noop(
                            "The annuity of patent %(number)s (%(title)s) is due on %(date)s. It can still be paid "
                            "within six months after that day with a surcharge; unpaid, the patent lapses."
                        ),
                        names,
                    ),
                )
            )
        return _send(due)


def term_end(trademark, day: datetime.date, events) -> datetime.date:
    """The last day of the term a valid trademark is in on `day` (renewals up to that day counted)."""
    renewals = sum(1 for event in events if event.kind == "renewal" and event.date <= day)
    last = last_day_of_term(trademark.registration_date, 1 + renewals)
    return max(last, trademark.expiry_date) if trademark.expiry_date else last


def renewal_reminders(today: datetime.date | None = None, days: int | None = None) -> int:
    """Remind holders' users of trademarks valid today whose term ends within `days` (RENEWAL_REMINDER_DAYS),
    and of those whose term has ended and that are in their grace period, not renewed yet."""
    today = today or timezone.localdate()
    days = settings.RENEWAL_REMINDER_DAYS if days is None else days
    held = _held_by_users(Trademark)
    valid = held.valid_on(today)
    horizon = today + datetime.timedelta(days=days)
    upcoming, lapsing = [], []
    for mark in valid.prefetch_related("events"):
        end = term_end(mark, today, list(mark.events.all()))
        if end <= horizon:
            upcoming.append((mark, end))
    # A mark in its grace period (at most six months) was valid half a year ago and is not today.
    recent = held.valid_on(today - datetime.timedelta(days=GRACE_DAYS)).exclude(pk__in=valid.values("pk"))
    for mark in recent.prefetch_related("events"):
        state = status_on(mark, today, list(mark.events.all()))
        if state.state == "grace":
            lapsing.append((mark, state.since - datetime.timedelta(days=1)))
    users = _members_by(Trademark, [mark.pk for mark, _end in upcoming + lapsing])
    due = []
    with translation.override(settings.LANGUAGE_CODE):
        for mark, end in upcoming:
            names = {"number": mark.registration_number, "mark": mark.mark, "date": end}
            due.append(
                (
                    mark,
                    users[mark.pk],
                    f"trademark-renewal:{mark.pk}:{end}",
                    Message(_noop("Trademark term ends on %(date)s: %(mark)s (No. %(number)s)"), names),
                    Message(
                        _noop(
                            "The exclusive right to trademark %(mark)s (No. %(number)s) ends on %(date)s. "
                            "Renewal can be filed in the twelve months before that day, or in the six-month grace "
                            "period after it."
                        ),
                        names,
                    ),
                )
            )
        for mark, end in lapsing:
            names = {"number": mark.registration_number, "mark": mark.mark, "date": end, "until": grace_end(end)}
            due.append(
                (
                    mark,
                    users[mark.pk],
                    f"trademark-grace:{mark.pk}:{end}",
                    Message(
                        _noop("Trademark not renewed: %(mark)s (No. %(number)s), grace period until %(until)s"), names
                    ),
                    Message(
                        _noop(
                            "The term of trademark %(mark)s (No. %(number)s) ended on %(date)s and no renewal is "
                            "recorded. It can still be renewed in the grace period until %(until)s; after that the "
                            "registration is cancelled."
                        ),
                        names,
                    ),
                )
            )
        return _send(due)


def daily_reminders(stdout, today: datetime.date):
    """The registry's part of `manage.py send_reminders`."""
    stdout.write(f"Patent annuities: {annuity_reminders(today)} notifications")
    stdout.write(f"Trademark renewals: {renewal_reminders(today)} notifications")
