"""A rights-assistance request's actions: taking it in and closing it with its outcome, each checked and logged."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.models import RegionKind
from zhichan.core.plausible import date_problem
from zhichan.core.scoping import can_edit, works_for

from ..events import ASSISTANCE_CLOSED, ASSISTANCE_OPENED
from ..models import AssistanceKind, AssistanceOutcome, AssistanceRequest
from .parties import enterprise_with


def may_edit(user, arguments) -> bool:
    return user is None or can_edit(user, arguments["request"])


def _check_day(day, earliest, field: str):
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, AssistanceRequest, "requested_on")
    if problem:
        raise ValidationError({field: problem})
    if earliest and day < earliest:
        raise ValidationError(
            {field: _("The date cannot be before %(what)s (%(day)s).") % {"what": _("the request"), "day": earliest}}
        )


@action()
def open_request(
    user,
    *,
    unit,
    kind: str,
    requester: str,
    requested_on: datetime.date,
    credit_code: str = "",
    matter: str = "",
    township=None,
    synthetic: bool = False,
) -> AssistanceRequest:
    """Take in a request for rights assistance for the handling unit."""
    if user is not None and not works_for(user, unit):
        raise PermissionDenied(_("You may enter requests only for your own unit."))
    requester, credit_code = (requester or "").strip(), (credit_code or "").strip().upper()
    if not requester:
        raise ValidationError({"requester": _("Give the requester's name.")})
    if kind not in AssistanceKind.values:
        raise ValidationError({"kind": _("Choose the kind of assistance.")})
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        raise ValidationError({"credit_code": _("A unified social credit code has 18 letters and digits.")})
    if township is not None and township.kind not in RegionKind.township_level():
        raise ValidationError({"township": _("Choose a township, town, subdistrict or park.")})
    _check_day(requested_on, None, "requested_on")
    request = AssistanceRequest(
        unit=unit,
        kind=kind,
        requester=requester,
        credit_code=credit_code,
        enterprise=enterprise_with(credit_code),
        matter=(matter or "").strip(),
        township=township,
        requested_on=requested_on,
        synthetic=synthetic,
        created_by=user,
    )
    request.full_clean()
    request.save()
    record(user, ASSISTANCE_OPENED, request, kind=kind)
    return request


@action(ASSISTANCE_CLOSED, allow=may_edit, reason="note", data=lambda arguments, request: {"outcome": request.outcome})
def close_request(request, user, outcome: str, day: datetime.date, note: str = "") -> AssistanceRequest:
    """Close the request: assistance given, referred to another body, or declined (with the reason)."""
    if request.outcome:
        raise ValidationError(_("This request is already closed."))
    if outcome not in AssistanceOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    _check_day(day, request.requested_on, "day")
    note = (note or "").strip()
    if outcome == AssistanceOutcome.DECLINED and not note:
        raise ValidationError({"note": _("Say why.")})
    request.outcome, request.closed_on, request.outcome_note = outcome, day, note
    request.full_clean()
    request.save()
    return request
