"""Enterprises: designations held on a day, the 四(一)3 institution requirement, former names and mergers.

The rules are described in docs/registry.md (Enterprises).
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Copyright, Enterprise, EnterpriseDesignation, Patent, Trademark

CHANGE_REASON_LENGTH = 100  # simple-history's history_change_reason column


def held_on(day: date) -> Q:
    """Designations in force on a day: granted on or before it, and not yet at their end."""
    return Q(granted_on__lte=day) & (Q(expires_on__isnull=True) | Q(expires_on__gt=day))


def designations_on(queryset, day: date, kinds: str | Iterable[str], levels: Iterable[str] | None = None):
    """The enterprises of a queryset holding any of these designations on a day, as one query (EXISTS)."""
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    held = EnterpriseDesignation.objects.filter(held_on(day), enterprise=OuterRef("pk"), kind__in=kinds)
    if levels is not None:
        held = held.filter(level__in=[levels] if isinstance(levels, str) else list(levels))
    return queryset.filter(Exists(held))


def meets_institution_requirement(enterprise: Enterprise) -> bool:
    """四(一)3: an IP management institution with at least one full-time staff member."""
    return enterprise.ip_institution and enterprise.ip_staff_full_time >= 1


def designations_of(enterprise: Enterprise):
    """An enterprise's designations and those of the enterprises merged into it.

    Titles are given to a legal person, so they stay with the original after a merger; the successor lists them.
    """
    return EnterpriseDesignation.objects.filter(
        Q(enterprise=enterprise) | Q(enterprise__merged_into=enterprise)
    ).select_related("enterprise")


def former_names(enterprise: Enterprise) -> list[tuple[str, date]]:
    """The names the enterprise had before, each with the day it stopped being used, oldest first (one query)."""
    rows = enterprise.history.order_by("history_date", "history_id").values_list("name", "history_date")
    names, previous = [], None
    for name, when in rows:
        if previous is not None and name != previous:
            names.append((previous, timezone.localdate(when)))
        previous = name
    return names


def merge(enterprise: Enterprise, into: Enterprise, user=None) -> dict[str, int]:
    """Record that `enterprise` was merged into `into`; returns how many records the successor gained, by register.

    The merged enterprise stays in the register and points at its successor. The successor is added as a holder
    (owner) of every patent, trademark and copyright the merged one holds; the old link stays, so the record of
    who held what is kept. Enterprises merged earlier into `enterprise` are pointed at the new successor, so
    there are never chains to follow.
    """
    if enterprise.pk == into.pk:
        raise ValidationError(_("An enterprise cannot be merged into itself."))
    if enterprise.merged_into_id is not None:
        raise ValidationError(_("This enterprise has already been merged."))
    if into.merged_into_id is not None:
        raise ValidationError(_("The successor has itself been merged; merge into its successor."))
    reason = _("merged into %(name)s") % {"name": into.name}
    gained = {}
    with transaction.atomic():
        for register, model, relation in (
            ("patents", Patent, "holders"),
            ("trademarks", Trademark, "holders"),
            ("copyrights", Copyright, "owners"),
        ):
            records = model.objects.filter(**{relation: enterprise}).exclude(**{relation: into})
            gained[register] = len(records)
            getattr(into, register).add(*records)
        for earlier in [enterprise, *enterprise.merged_from.all()]:
            earlier.merged_into = into
            earlier._history_user = user
            earlier._change_reason = reason[:CHANGE_REASON_LENGTH]
            earlier.save(update_fields=["merged_into"])
    return gained


def enterprise_with(credit_code: str) -> Enterprise | None:
    """The registry's enterprise with this unified social credit code, or None (the records of several apps name
    an organisation by its code and link it so)."""
    if not credit_code:
        return None
    return Enterprise.objects.filter(uscc=credit_code).first()


def enterprise_named(field: str, credit_code) -> Enterprise | None:
    """The register's enterprise (not merged away) with the credit code, None for no code; an unknown code is
    refused under `field`."""
    if isinstance(credit_code, Enterprise):
        return credit_code
    code = (credit_code or "").strip().upper()
    if not code:
        return None
    found = Enterprise.objects.filter(uscc=code, merged_into__isnull=True).first()
    if found is None:
        message = _("No enterprise in the register has the credit code %(code)s.") % {"code": code}
        raise ValidationError({field: message})
    return found
