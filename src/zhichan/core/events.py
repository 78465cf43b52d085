"""The event log's API: apps declare kinds of events and record them; core names no app.

An app declares its kinds in its own `events.py` (discovered at start-up, like `admin.py`)::

    RETURNED = EventKind("report.returned", _("returned with a reason"))

and a domain function records one when it has done the thing::

    record(user, RETURNED, report, reason=note, period="2024Q1")

`record` is one INSERT: the record's unit and region are read from its model's `scope` by foreign-key ids on
the objects already loaded, and its label as it reads now.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from .event_kinds import EventKind, _kinds, kind_label, kinds  # noqa: F401  (the kinds' API, here for apps)
from .models import CalendarDay, CalendarYear, Event


def record(user, kind: EventKind, obj: Model, /, *, reason: str = "", unit=None, region=None, **data) -> Event:
    """Log that `user` (None: the system) did `kind` to `obj`, with the reason given and any data (JSON values).

    `unit` and `region` default to those the record belongs to by its model's scope; pass them for a record
    whose scope does not say (a shared task reported on by a unit). Any other name is data ("kind" too)."""
    if kind.key not in _kinds:
        raise ValueError(f"undeclared event kind {kind.key!r}")
    return Event.objects.create(
        user=user if getattr(user, "pk", None) else None,
        kind=kind.key,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        label=str(obj)[:300],
        data=data,
        reason=(reason or "").strip(),
        unit_id=_id(unit) if unit is not None else _scope_id(obj, "unit"),
        region_id=_id(region) if region is not None else _scope_id(obj, "region"),
    )


def events_of(obj: Model):
    """The events on one record, newest first, with their users (the caller has checked it may see the record)."""
    return Event.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).select_related("user", "user__unit")


def events_on(model, user):
    """The events on the records of a model that the user may see (through the model's `visible_to`), newest
    first: a list page's recent events."""
    return Event.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=model._default_manager.visible_to(user).values("pk"),
    ).select_related("user", "user__unit")


def _id(value):
    return value.pk if isinstance(value, Model) else value


def _scope_id(obj: Model, part: str):
    """The id of the unit (or region) the record belongs to, following its scope's lookup ("report__unit").

    The last step reads the foreign key's id, so only relations not yet loaded cost a query; a lookup across a
    many-to-many relation (a patent's holders) gives nothing."""
    scope = getattr(type(obj), "scope", None)
    lookup = getattr(scope, part, None) if scope is not None else None
    if lookup is None:
        return None
    if lookup == "":
        return obj.pk
    *path, last = lookup.split("__")
    target = obj
    for name in path:
        target = getattr(target, name, None)
        if not isinstance(target, Model):
            return None
    field = getattr(type(target), last, None)
    attname = getattr(getattr(field, "field", None), "attname", None)
    value = getattr(target, attname, None) if attname else None
    return value if isinstance(value, int) else None


# The foundation's own kinds of events.
SEAT_CHANGED = EventKind("membership.seat_changed", _("seat handed over"))
PERSON_ADDED = EventKind("person.added", _("person added"))
PERSON_CHANGED = EventKind("person.changed", _("person's details changed"))
PASSWORD_SET = EventKind("user.password_set", _("temporary password set"))
TOKEN_CREATED = EventKind("token.created", _("API token created"))
TOKEN_REVOKED = EventKind("token.revoked", _("API token revoked"))
DAY_SAVED = EventKind(
    "calendar.day_saved",
    _("calendar day saved"),
    shown={"kind": lambda kind: dict(CalendarDay.Kind.choices).get(kind, kind)},
)
DAY_REMOVED = EventKind("calendar.day_removed", _("calendar day removed"))
YEAR_SET = EventKind(
    "calendar.year_set",
    _("calendar year's state saved"),
    shown={"complete": lambda complete: CalendarYear._meta.get_field("complete").verbose_name if complete else ""},
)
REGIONS_RELOADED = EventKind(
    "task.regions_reloaded",
    _("regions reloaded from a file"),
    shown={"skipped": lambda codes: _("skipped %(codes)s") % {"codes": ", ".join(codes)} if codes else ""},
)
ORGANISATION_RELOADED = EventKind("task.organisation_reloaded", _("units and committees reloaded from a file"))
IMPORT_RESTARTED = EventKind("import.restarted", _("import started again"))
EXPORT_ASKED_AGAIN = EventKind("task.export_asked_again", _("export asked for again"))
