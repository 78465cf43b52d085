"""A programme's readings of the indicators: which a page reads, and changing one (its values become stale and are
recomputed)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, own_office_or_system
from zhichan.core.events import record
from zhichan.core.models import TaskProgress
from zhichan.core.services.progress import start
from zhichan.programme.models import Programme

from ..events import READING_CHANGED, READING_PUBLISHED, READING_WITHDRAWN
from ..metrics import RULES
from ..models import IndicatorValue, Reading
from ..periods import WindowKind
from ..tasks import compute_task


def reading_key(programme) -> str | None:
    """The programme key whose readings a page reads: the programme's; without one loaded, the first key that has
    readings (an indicators file may be loaded before its programme)."""
    if programme is not None:
        return programme.key
    return Reading.objects.order_by("programme").values_list("programme", flat=True).first()


def readings_of(key) -> list[Reading]:
    """The programme's readings with their indicators, in the indicators' order (one query)."""
    if key is None:
        return []
    found = Reading.objects.filter(programme=key).select_related("indicator")
    return list(found.order_by("indicator__order", "indicator__code"))


def current(values):
    """The values computed under their reading's present revision: a stale value is never read."""
    return values.filter(revision=F("reading__revision"))


def values_of(key):
    """The programme's current values (a queryset to filter further)."""
    return current(IndicatorValue.objects.filter(reading__programme=key))


def problem(window: str, since, options: dict) -> tuple[str, str] | None:
    """(field, message) of what is wrong with a reading, or None."""
    if window not in WindowKind.CHOICES:
        return "window", f"expected one of {', '.join(WindowKind.CHOICES)}, not {window!r}"
    if since is not None and not isinstance(since, date):
        return "since", f"expected a date like 2022-01-01, got {since!r}"
    if window == WindowKind.CUMULATIVE and not since:
        return "since", "a cumulative indicator needs the date it counts from"
    if not isinstance(options, dict):
        return "options", f"expected a mapping, got {options!r}"
    if "population_year" in options and options["population_year"] not in RULES:
        return "options.population_year", f"expected one of {', '.join(RULES)}, not {options['population_year']!r}"
    return None


def revise(reading: Reading, *, window, since, options, text, **more) -> bool:
    """Set the reading (saved only when something differs); True when what it counts changed: its revision moves,
    so the values computed under the earlier one are stale from this moment."""
    counted = (reading.window, reading.since, reading.options) != (window, since, options)
    wanted = {"window": window, "since": since, "options": options, "reading": text, **more}
    if not counted and all(getattr(reading, name) == value for name, value in wanted.items()):
        return False
    for name, value in wanted.items():
        setattr(reading, name, value)
    if counted:
        reading.revision += 1
    reading.save()
    return counted


def recompute(readings, user) -> list:
    """Start the recompute task (with its progress) for the readings, one per programme, unless one of the user's
    for that programme is still queued: that one then computes these codes too (`coalesced`), so approving twenty
    figures in a row queues one recompute, not twenty. Returns the progress records."""
    by_programme = {}
    for reading in readings:
        by_programme.setdefault(reading.programme, set()).add(reading.indicator.code)
    return [
        coalesced(key, codes, user)
        or start(compute_task, _("Compute the indicators"), user, codes=sorted(codes), programme=key)
        for key, codes in sorted(by_programme.items())
    ]


def coalesced(key: str, codes, user) -> TaskProgress | None:
    """The user's recompute of the programme `key` that is still queued (not yet running), now covering `codes`
    too, or None when there is none to join. The task reads its codes from its progress record once it runs, so
    widening them here is enough; the update is made only while the record is still queued and unchanged since it
    was read, so codes are never added to a recompute that has already started (a new one is started instead).
    Joining only the user's own keeps the progress the user is shown one the user may open."""
    waiting = TaskProgress.objects.filter(
        task_path=compute_task.module_path,
        state=TaskProgress.State.QUEUED,
        user=user,
        arguments__kwargs__programme=key,
    )
    for progress in waiting.order_by("pk"):
        arguments = progress.arguments or {}
        held = arguments.get("kwargs", {}).get("codes")
        if held:  # no codes: it recomputes every indicator of the programme, and covers these already
            arguments = {**arguments, "kwargs": {**arguments["kwargs"], "codes": sorted(set(held) | set(codes))}}
        # Written even when it covers the codes already: the row stays locked until the caller's transaction (the
        # approval) commits, so a worker taking the task meanwhile waits and then reads the approved figure.
        stamp = timezone.now()
        unchanged = TaskProgress.objects.filter(pk=progress.pk, state=progress.state, updated=progress.updated)
        if unchanged.update(arguments=arguments, updated=stamp):
            progress.arguments, progress.updated = arguments, stamp
            return progress
    return None


def programme_region(reading: Reading):
    """The region of the programme whose reading this is (None while its programme is not loaded)."""
    found = Programme.objects.filter(key=reading.programme).select_related("region").first()
    return found.region if found else None


@action(allow=own_office_or_system(lambda arguments: programme_region(arguments["reading"])))
def change_reading(reading: Reading, user, *, window, since, options, text):
    """The office changes how its own programme counts an indicator: the values computed under the former reading
    are stale at once, and recomputed in the background. Returns the recompute's progress (None when nothing
    changed)."""
    found = problem(window, since, options)
    if found:
        raise ValueError(f"{found[0]}: {found[1]}")
    before = reading.basis()
    if revise(reading, window=window, since=since, options=options, text=text):
        record(user, READING_CHANGED, reading, before=before, after=reading.basis())
        return recompute([reading], user)[0]
    return None


may_publish = own_office_or_system(lambda arguments: programme_region(arguments["reading"]))


@action(
    READING_PUBLISHED,
    on="reading",
    allow=may_publish,
    data=lambda arguments, found: {"day": found.published_on.isoformat()},
)
def publish_reading(reading: Reading, user, *, day: date | None = None) -> Reading:
    """The office publishes its programme's indicator on the public portal from the day given (today by default):
    its definition in words and its latest value for the programme's region (the portal's open data)."""
    if reading.published_on is not None:
        raise ValidationError(_("It is already published."))
    reading.published_on = day or timezone.localdate()
    reading.save(update_fields=["published_on"])
    return reading


@action(READING_WITHDRAWN, on="reading", allow=may_publish)
def withdraw_reading(reading: Reading, user) -> Reading:
    """The office takes its programme's indicator off the public portal."""
    if reading.published_on is None:
        raise ValidationError(_("It is not published."))
    reading.published_on = None
    reading.save(update_fields=["published_on"])
    return reading
