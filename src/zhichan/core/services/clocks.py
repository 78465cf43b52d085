"""The writes on a record's clocks: start, stop, extend, and periods that do not count.

Each takes the acting user, who must be allowed to edit the record itself (its model's `editable_by` when it
has a scope, else only the office; None is the system: demo data, a command), and runs in a transaction. The
reading is `core/clocks.py`.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import Clock, DeadlineRule, ExcludedPeriod, Extension
from ..roles import Role, role_of


def may_act_on(user, record) -> bool:
    if user is None:
        return True
    manager = type(record)._default_manager
    if hasattr(manager, "editable_by"):
        return manager.editable_by(user).filter(pk=record.pk).exists()
    return role_of(user) == Role.OFFICE


def _check(user, record):
    if not may_act_on(user, record):
        raise PermissionDenied


def _stamped(row, user):
    row._history_user = user  # the history names who acted, in a task or command too
    return row


def _clock(record, rule_key: str) -> Clock:
    return (
        Clock.objects.select_for_update()
        .select_related("rule")
        .get(content_type=ContentType.objects.get_for_model(record), object_id=record.pk, rule__key=rule_key)
    )


@transaction.atomic
def start_clock(user, record, rule_key: str, started_on: datetime.date) -> Clock:
    """Start the rule's clock for the record on the day of its start event (again: move the start)."""
    _check(user, record)
    rule = DeadlineRule.objects.get(key=rule_key)
    found = Clock.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk, rule=rule
    ).first()
    clock = found or Clock(rule=rule, record=record)
    if found and found.started_on == started_on:
        return found
    clock.started_on = started_on
    _stamped(clock, user).save()
    return clock


@transaction.atomic
def stop_clock(user, record, rule_key: str, stopped_on: datetime.date | None) -> Clock:
    """Stop the clock on the day its act was done (None: running again)."""
    _check(user, record)
    clock = _clock(record, rule_key)
    if stopped_on and stopped_on < clock.started_on:
        raise ValidationError(_("A clock cannot stop before it started."))
    clock.stopped_on = stopped_on
    _stamped(clock, user).save()
    return clock


@transaction.atomic
def extend(user, record, rule_key: str, *, length: int, approver: str, approved_on, reason: str) -> Extension:
    """Record an approved extension; the rule must allow it, and its limits hold."""
    _check(user, record)
    clock = _clock(record, rule_key)
    rule = clock.rule
    approver, reason = (approver or "").strip(), (reason or "").strip()
    if not rule.extensions_allowed:
        raise ValidationError(_("The rule “%(rule)s” allows no extension.") % {"rule": rule})
    if length < 1 or not approver or not reason:
        raise ValidationError(_("An extension needs its length, who approved it and why."))
    if approved_on < clock.started_on:
        raise ValidationError(_("An extension cannot be approved before the clock started."))
    granted = clock.extensions.count()
    if rule.max_extensions is not None and granted >= rule.max_extensions:
        raise ValidationError(
            _("The rule “%(rule)s” allows at most %(count)d extension(s).")
            % {"rule": rule, "count": rule.max_extensions}
        )
    total = (clock.extensions.aggregate(total=Sum("length"))["total"] or 0) + length
    if rule.max_extension_total is not None and total > rule.max_extension_total:
        raise ValidationError(
            _("The rule “%(rule)s” allows extensions of at most %(most)d in all.")
            % {"rule": rule, "most": rule.max_extension_total}
        )
    row = Extension(
        clock=clock, length=length, approver=approver, approved_on=approved_on, reason=reason, recorded_by=user
    )
    _stamped(row, user).save()
    return row


@transaction.atomic
def exclude(user, record, rule_key: str, *, start, end=None, reason: str) -> ExcludedPeriod:
    """Record days that do not count towards the clock (an open end: still running)."""
    _check(user, record)
    clock = _clock(record, rule_key)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the period does not count."))
    if end is not None and end < start:
        raise ValidationError(_("A period cannot end before it starts."))
    row = ExcludedPeriod(clock=clock, start=start, end=end, reason=reason, recorded_by=user)
    _stamped(row, user).save()
    return row


@transaction.atomic
def end_excluded(user, period: ExcludedPeriod, end) -> ExcludedPeriod:
    """Close a period that was still running."""
    _check(user, period.clock.record)
    if end < period.start:
        raise ValidationError(_("A period cannot end before it starts."))
    period.end = end
    _stamped(period, user).save()
    return period
