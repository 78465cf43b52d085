"""Domain operations as actions: each runs in one transaction, as its user, checks who may do it, and leaves an
event in the log.

    @action(RETURNED, on="report", reason="note", allow=office_only)
    def send_back(report, user, note): ...

The decorated function takes the acting user as an argument named `user` (or the name given as `who=`); None is
the system (a command, demo data). Inside, the field history names that user (`acting_as`), `allow(user,
arguments)` must hold or PermissionDenied is raised, and when the function returns, the event is recorded on
the record: the one it returned, or the argument named by `on` (or what `on(arguments, result)` returns, for a
function that deletes its record). A function that decides itself whether anything happened (saving unchanged
text writes nothing) takes no kind and calls `record` where it acts.
"""

import functools
import inspect

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _

from .events import EventKind, record
from .history import acting_as
from .roles import LIAISONS, Role, role_of


def refuse(message=None):
    """Raise PermissionDenied with a message in the user's language."""
    raise PermissionDenied(message or _("You may not do this."))


def office_only(user, arguments=None) -> bool:
    """The office, on records of its own organisation (several regions' programmes may share the platform)."""
    return role_of(user) == Role.OFFICE and own_organisation_records(user, arguments)


def office_or_system(user, arguments=None) -> bool:
    """The office, or the system itself (demo data, a command run by the operator)."""
    return user is None or office_only(user, arguments)


def office_or_liaison(user, arguments=None) -> bool:
    """The office, the system, or a member unit's liaison: who enters a unit's records (a liaison, its own unit's)."""
    return office_or_system(user) or (role_of(user) in LIAISONS and user.unit_id is not None)


def office_or_unit_liaison(user, record, name: str) -> bool:
    """The office (of the record's organisation, the record passed as argument `name`), the system, or the liaison
    of the member unit the record belongs to (`record.unit`)."""
    if user is None:
        return True
    if role_of(user) == Role.OFFICE:
        return office_only(user, {name: record})
    return role_of(user) in LIAISONS and user.unit_id is not None and user.unit_id == record.unit_id


def within_own_region(user, region, field: str = "region"):
    """A liaison places a record only in its unit's region or below (a township liaison, in its own township)."""
    from django.core.exceptions import ValidationError

    if region is None or user is None or role_of(user) not in LIAISONS or not user.unit_id:
        return
    if not region.path.startswith(user.unit.region.path):
        raise ValidationError({field: _("Choose a place within your own region.")})


def own_organisation_records(user, arguments) -> bool:
    """Every saved record among the arguments that belongs to an organisation belongs to the user's own."""
    if not user.unit_id:
        return True
    for value in (arguments or {}).values():
        scope = getattr(type(value), "scope", None)
        if not isinstance(value, models.Model) or value.pk is None or getattr(scope, "organisation", None) is None:
            continue
        rows = type(value)._default_manager.filter(pk=value.pk)
        if not rows.filter(scope.of_organisation(user, below=False)).exists():
            return False
    return True


def own_office_or_system(region_of):
    """The office of the organisation whose region `region_of(arguments)` gives, or the system: where several
    regions' programmes share the platform, an office runs its own organisation's, not another's. An office
    account without a unit (the operator's own) may act for any; a region of None (not loaded yet) for any office."""

    def allow(user, arguments=None) -> bool:
        if not office_or_system(user):
            return False
        if user is None or not user.unit_id:
            return True
        region = region_of(arguments or {})
        return region is None or user.unit.organisation_id == region.pk

    return allow


def action(kind: EventKind | None = None, *, on=None, reason: str | None = None, data=None, allow=None, who="user"):
    def decorate(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def run(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            arguments = bound.arguments
            user = arguments[who]
            with transaction.atomic(), acting_as(user):
                if allow is not None and not allow(user, arguments):
                    refuse()
                result = function(*args, **kwargs)
                if kind is not None:
                    target = _target(on, arguments, result)
                    extra = data(arguments, result) if data is not None else {}
                    record(user, kind, target, reason=arguments.get(reason, "") if reason else "", **extra)
            return result

        run.event_kind = kind
        # Whether the user may run it with these arguments: pages offer a form only where its action would run.
        run.allowed = lambda user, arguments=None: allow is None or allow(user, arguments or {})
        return run

    return decorate


def _target(on, arguments, result):
    if on is None:
        return result[0] if isinstance(result, tuple) else result
    if callable(on):
        return on(arguments, result)
    return arguments[on]
