"""Edits made outside the case actions that change what cases keep of their clocks (services/clock_fields.py): a
clock, an extension or a period not counted corrected in the admin, a deadline rule corrected by the office or
reloaded, a kind of case reloaded, a day of the working-day calendar entered or removed. Each refreshes the cases
it may change, in the edit's own transaction. Inside a case action nothing is done here: the action refreshes its
case once at its end."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from zhichan.core.models import CalendarDay, CalendarYear, Clock, DeadlineRule, ExcludedPeriod, Extension

from .models import Case, CaseKind
from .services import clock_fields


def _case_clock(clock) -> bool:
    return clock is not None and clock.content_type_id == ContentType.objects.get_for_model(Case).pk


def clock_changed(sender, instance, **kwargs):
    if not clock_fields.is_deferred() and _case_clock(instance):
        clock_fields.refresh_many([instance.object_id])


def entry_changed(sender, instance, **kwargs):
    if clock_fields.is_deferred():
        return
    clock = Clock.objects.filter(pk=instance.clock_id).first()
    if _case_clock(clock):
        clock_fields.refresh_many([clock.object_id])


def rule_changed(sender, instance, **kwargs):
    clocks = Clock.objects.filter(content_type=ContentType.objects.get_for_model(Case), rule__key=instance.key)
    clock_fields.refresh_many(Case.objects.filter(pk__in=clocks.values("object_id")))


def kind_saving(sender, instance, **kwargs):
    instance._rules_before = CaseKind.objects.filter(pk=instance.pk).values_list("filing_rule", "decision_rule").first()


def kind_changed(sender, instance, **kwargs):
    """A kind whose rules change (the file reloaded every start saves every kind: the others change nothing)."""
    if getattr(instance, "_rules_before", None) != (instance.filing_rule, instance.decision_rule):
        clock_fields.refresh_many(Case.objects.filter(kind_id=instance.pk))


def _from(day: datetime.date):
    """The cases whose kept dates a change of the calendar on or after `day` may move: a clock reads the calendar
    from its start to its due date, so those due on or after the day, and the paused ones (read when shown)."""
    return Case.objects.filter(Q(clock_due__gte=day) | Q(decision_due__gte=day) | Q(clock_paused=True))


def day_changed(sender, instance, **kwargs):
    clock_fields.refresh_many(_from(instance.date))


def year_changed(sender, instance, **kwargs):
    clock_fields.refresh_many(_from(datetime.date(instance.year, 1, 1)))


for model, receiver in (
    (Clock, clock_changed),
    (Extension, entry_changed),
    (ExcludedPeriod, entry_changed),
    (DeadlineRule, rule_changed),
    (CaseKind, kind_changed),
    (CalendarDay, day_changed),
    (CalendarYear, year_changed),
):
    uid = f"protection-clock-fields-{model._meta.label_lower}"
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
pre_save.connect(kind_saving, sender=CaseKind, dispatch_uid="protection-clock-fields-casekind-before")
