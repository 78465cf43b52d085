"""Records as they stood at the end of a past day, rebuilt from their audit history (django-simple-history).

For each record: its latest history entry saved before the day ended, unless that entry is its deletion. One
query per model; the rows are model instances with the field values of that moment (not saved, not to be saved).

The plan itself (tasks, milestones, assignments) held from the programme's start even when it was loaded into the
platform later: with `plan=True`, a record first saved after the day counts in its first saved form.
"""

import datetime

from django.utils import timezone


def end_of(day: datetime.date) -> datetime.datetime:
    """The first instant after `day` in the platform's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def as_it_stood(model, day: datetime.date, plan: bool = False, **filters) -> list:
    """The records of `model` matching `filters` (on the history table) as they were at the end of `day`."""
    entries = model.history.model.objects.filter(**filters).order_by("id", "history_date", "history_id")
    if not plan:
        entries = entries.filter(history_date__lt=end_of(day))
    cutoff, found = end_of(day), {}
    for entry in entries:
        if entry.history_date < cutoff or entry.id not in found:
            found[entry.id] = entry
    return [entry.instance for entry in found.values() if entry.history_type != "-"]
