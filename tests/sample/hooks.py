"""The sample module's hooks: each answers only where notes exist, so the rest of the suite never sees them."""

import datetime

from django.conf import settings

from zhichan.core.extensions import Todo

from .models import Note


def panel(request):
    notes = Note.objects.visible_to(request.user).count() if request.user.is_authenticated else 0
    return ("sample/panel.html", {"notes": notes}) if notes else None


def todos(user):
    notes = Note.objects.visible_to(user).count() if user.is_authenticated else 0
    return [Todo("Sample note to read", "/notes/", count=notes, due=datetime.date(2024, 1, 1), kind="sample")][:notes]


def alerts(day):
    # Asked on every dashboard view, so it must cost nothing: it speaks only when its test turns it on.
    return [("sample/alert.html", {"notes": Note.objects.count()})] if getattr(settings, "SAMPLE_ALERTS", False) else []


def first_start(stdout, demo=False):
    stdout.write(f"Sample notes: first start (demo={demo})")


def daily(stdout, today):
    stdout.write(f"Sample notes: daily job for {today}")
