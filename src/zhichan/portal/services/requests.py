"""Requests the public makes on the portal, each write an action.

`submit` is the one intake, run as the system for a visitor without an account (or as the enterprise signed in):
it checks the service's questions, keeps the request with a tracking number, lands it in its module through that
module's own intake (services/intakes.py) with the files attached there, and starts the committed deadline's clock
(the service's rule of the shared clocks) on the day received. A network that has made many requests in the last
hour (ZHICHAN_PORTAL_REQUESTS_PER_HOUR) is asked to wait.

A request that landed follows its record (`follow`, called on the record's events); one answered on the portal
moves by the handling unit's steps: accept, answer (with the reasons), close. Answering or closing stops the clock.
After it is answered or closed, the requester may say how satisfied they are, once."""

import datetime
import re
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.digests import keyed_digest
from zhichan.core.events import record
from zhichan.core.models import Clock
from zhichan.core.scoping import can_edit
from zhichan.core.services import attachments, clocks

from ..events import (
    REQUEST_ACCEPTED,
    REQUEST_ANSWERED,
    REQUEST_CLOSED,
    REQUEST_FOLLOWED,
    REQUEST_RATED,
    REQUEST_SUBMITTED,
)
from ..models import FieldType, PublicRequest, RequestState
from ..models.requests import OPEN_STATES
from .intakes import INTAKES, follows, stops

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud on the phone without doubt
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".pdf")
MAX_FILES = 5
FILES = "portal"


def new_number(day: datetime.date) -> str:
    """A tracking number nobody can guess from another: the year and eight random characters."""
    while True:
        number = f"{day:%Y}-{''.join(secrets.choice(ALPHABET) for _ in range(8))}"
        if not PublicRequest.objects.filter(number=number).exists():
            return number


def _answers(service, answers: dict) -> dict:
    """The service's questions answered: required ones given, a choice among its choices, a date as a date."""
    kept, errors = {}, {}
    for question in service.fields:
        key, value = question["key"], answers.get(question["key"])
        if isinstance(value, str):
            value = value.strip()
        if value in (None, ""):
            if question.get("required"):
                errors[key] = _("Answer this question.")
            continue
        if question["type"] == FieldType.CHOICE and value not in {choice["value"] for choice in question["choices"]}:
            errors[key] = _("Choose one of the answers listed.")
            continue
        if question["type"] == FieldType.DATE:
            value = value.isoformat() if isinstance(value, datetime.date) else str(value)
        kept[key] = value
    if errors:
        raise ValidationError(errors)
    return kept


def _as_asked(service, kept: dict) -> list[dict]:
    """The questions answered, in the words they were asked in, kept with the request to read its answers by."""
    asked = []
    for question in service.fields:
        if question["key"] in kept:
            worded = {name: question.get(name, "") for name in ("key", "label", "label_en", "type")}
            if question.get("choices"):
                worded["choices"] = [dict(choice) for choice in question["choices"]]
            asked.append(worded)
    return asked


def _requester(service, *, anonymous, name, phone, email, credit_code) -> dict:
    name, phone, email = (name or "").strip(), (phone or "").strip(), (email or "").strip()
    credit_code = (credit_code or "").strip().upper()
    if anonymous:
        if not service.anonymous:
            raise ValidationError({"anonymous": _("This service needs your name; only a tip may be anonymous.")})
        return {"anonymous": True, "name": "", "phone": "", "email": "", "credit_code": ""}
    errors = {}
    if not name:
        errors["name"] = _("Give your name or your enterprise's.")
    if phone and not re.fullmatch(r"[0-9+\-\s()]{7,20}", phone):
        errors["phone"] = _("Give a phone number of digits, e.g. 0595-86388888 or 13800000000.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Give an e-mail address like name@example.com.")
    if not phone and not email:
        errors["phone"] = _("Give a phone number or an e-mail address, so that the answer reaches you.")
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        errors["credit_code"] = _("A unified social credit code has 18 letters and digits.")
    if errors:
        raise ValidationError(errors)
    return {"anonymous": False, "name": name, "phone": phone, "email": email, "credit_code": credit_code}


def _throttle(network: str):
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = PublicRequest.objects.filter(network=network, submitted__gte=since).count()
    if recent >= settings.ZHICHAN_PORTAL_REQUESTS_PER_HOUR:
        raise ValidationError(_("Many requests have come from this network in the last hour; please try again later."))


@action()
def submit(
    user,
    service,
    *,
    matter: str,
    answers: dict | None = None,
    anonymous: bool = False,
    name: str = "",
    phone: str = "",
    email: str = "",
    credit_code: str = "",
    files=(),
    network: str = "",
    day: datetime.date | None = None,
    synthetic: bool = False,
) -> PublicRequest:
    """A request made on the portal: kept, landed in its module, its clock started. Returns the request, whose
    tracking number the requester keeps."""
    if not service.published and user is None:
        raise ValidationError(_("This service is not offered on the portal."))
    matter = (matter or "").strip()
    if not matter:
        raise ValidationError({"matter": _("Say what you ask for.")})
    files = [file for file in files if file]
    if files and not service.files:
        raise ValidationError({"files": _("This service takes no files.")})
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Attach at most %(count)d files.") % {"count": MAX_FILES}})
    people = _requester(service, anonymous=anonymous, name=name, phone=phone, email=email, credit_code=credit_code)
    kept = _answers(service, answers or {})
    network = keyed_digest(network) if network else ""
    day = day or timezone.localdate()
    if network:
        _throttle(network)
    request = PublicRequest(
        number=new_number(day),
        service=service,
        unit=service.unit,
        received_on=day,
        matter=matter,
        answers=kept,
        questions=_as_asked(service, kept),
        network=network,
        user=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
        **people,
    )
    request.full_clean(exclude=["number"])
    request.save()
    intake = INTAKES.get(service.target)
    if intake is not None:
        landed = intake.land(request, day)
        request.content_type, request.object_id = ContentType.objects.get_for_model(landed), landed.pk
        request.save(update_fields=["content_type", "object_id"])
    holder = request.record if intake is not None else request
    for file in files:
        try:
            attachments.attach(None, holder, file, kind=FILES, accept=PHOTO_TYPES, may_write=lambda who, what: True)
        except ValidationError as error:
            raise ValidationError({"files": f"{file.name}: {' '.join(error.messages)}"}) from None
    if service.rule_id:
        clocks.start_clock(None, request, service.rule.key, day)
    record(user, REQUEST_SUBMITTED, request, service=service.code)
    return request


def landed_files(request):
    """The files the requester attached, wherever they are kept (on the landed record, else on the request)."""
    from zhichan.core.models import Attachment

    holder = request.record if request.object_id else request
    return Attachment.objects.on(holder).filter(kind=FILES) if holder is not None else Attachment.objects.none()


def _stop_clock(request, day):
    if (
        request.service.rule_id
        and Clock.objects.filter(
            content_type=ContentType.objects.get_for_model(PublicRequest), object_id=request.pk, stopped_on=None
        ).exists()
    ):
        clocks.stop_clock(None, request, request.service.rule.key, max(day, request.received_on))


def _move(request, state, answer, day, unit):
    request.state = state
    if answer:
        request.answer, request.answered_on, request.decided_by = answer, day, unit
    if state == RequestState.ANSWERED and not request.answered_on:
        request.answered_on, request.decided_by = day, unit
    if state == RequestState.CLOSED:
        request.closed_on = day
    request.save()
    if state in stops(request.service.target):
        _stop_clock(request, day)


def follow(event) -> None:
    """Move the requests tracking the event's record as the event says (called on each event recorded)."""
    mapping = follows(event.kind)
    if mapping is None:
        return
    found = PublicRequest.objects.filter(content_type_id=event.content_type_id, object_id=event.object_id)
    for request in found.select_related("service__rule"):
        landed = request.record
        state, answer, day = mapping(landed)
        day = day or timezone.localdate(event.at)
        if request.state == RequestState.CLOSED and state != RequestState.CLOSED:
            continue
        if getattr(landed, "unit_id", None) and landed.unit_id != request.unit_id:
            request.unit_id = landed.unit_id  # routed: the unit now handling it answers
        _move(request, state, answer, day, landed.unit if hasattr(landed, "unit") else request.unit)
        record(None, REQUEST_FOLLOWED, request, state=state, source=event.kind)


def may_handle(user, arguments) -> bool:
    """The handling unit's liaison or the office, on a request answered on the portal; a landed one moves by its
    record's steps."""
    request = arguments["request"]
    return request.object_id is None and (user is None or can_edit(user, request))


def _day(day, request) -> datetime.date:
    from zhichan.core.plausible import date_problem

    day = day or timezone.localdate()
    if day < request.received_on:
        raise ValidationError(
            {"day": _("It cannot be before the request was received (%(day)s).") % {"day": request.received_on}}
        )
    problem = date_problem(day, PublicRequest, "received_on")
    if problem:
        raise ValidationError({"day": problem})
    return day


def _refuse_state(request, allowed, why):
    if request.state not in allowed:
        raise ValidationError(
            _("The request is %(state)s: %(why)s") % {"state": request.get_state_display(), "why": why}
        )


@action(REQUEST_ACCEPTED, allow=may_handle)
def accept(request, user, day: datetime.date | None = None) -> PublicRequest:
    """The handling unit takes the request on."""
    _refuse_state(request, (RequestState.RECEIVED,), _("only a request just received can be accepted."))
    _move(request, RequestState.ACCEPTED, "", _day(day, request), request.unit)
    return request


@action(REQUEST_ANSWERED, allow=may_handle)
def answer(request, user, text: str, day: datetime.date | None = None) -> PublicRequest:
    """The answer, with its reasons, in words the requester reads on the status page."""
    _refuse_state(request, OPEN_STATES, _("an answered or closed request is not answered again."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the answer and its reasons.")})
    _move(request, RequestState.ANSWERED, text, _day(day, request), request.unit)
    return request


@action(REQUEST_CLOSED, allow=may_handle, reason="reason")
def close(request, user, reason: str = "", day: datetime.date | None = None) -> PublicRequest:
    """Close the request: after its answer, or without one, saying why (the requester reads the reason)."""
    _refuse_state(request, (*OPEN_STATES, RequestState.ANSWERED), _("it is already closed."))
    reason = (reason or "").strip()
    if request.state != RequestState.ANSWERED and not reason:
        raise ValidationError({"reason": _("Say why it is closed without an answer.")})
    _move(
        request,
        RequestState.CLOSED,
        reason if request.state != RequestState.ANSWERED else "",
        _day(day, request),
        request.unit,
    )
    return request


@transaction.atomic
def rate(request, *, rating: int, comment: str = "") -> PublicRequest:
    """The requester's satisfaction, once, after the answer or the close."""
    if request.state not in (RequestState.ANSWERED, RequestState.CLOSED):
        raise ValidationError(_("You can say how satisfied you are once the request is answered."))
    if request.rating is not None:
        raise ValidationError(_("You have already said how satisfied you are; thank you."))
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("Choose from 1 (very dissatisfied) to 5 (very satisfied).")})
    request.rating, request.rating_comment = rating, (comment or "").strip()
    request.save(update_fields=["rating", "rating_comment"])
    record(None, REQUEST_RATED, request, rating=rating)
    return request


def readings(request, day=None) -> list:
    """The clocks the requester reads: the request's committed deadline, and a landed record's own clocks."""
    from zhichan.core.clocks import clock

    found = [
        clock(row, day)
        for row in Clock.objects.filter(
            content_type=ContentType.objects.get_for_model(PublicRequest), object_id=request.pk
        )
        .select_related("rule")
        .prefetch_related("extensions", "excluded")
    ]
    return found


def overdue(user, day=None):
    """The open requests of the user's scope whose committed deadline has passed, oldest first."""
    from zhichan.core.clocks import State
    from zhichan.core.clocks import readings as read_all

    day = day or timezone.localdate()
    found = PublicRequest.objects.visible_to(user).filter(state__in=OPEN_STATES).select_related("service", "unit")
    late = []
    by_rule: dict = {}
    for request in found:
        if request.service.rule_id:
            by_rule.setdefault(request.service.rule.key, []).append(request)
    for rule, requests in by_rule.items():
        read = read_all(PublicRequest, rule, day, [request.pk for request in requests])
        late += [
            (request, read[request.pk])
            for request in requests
            if request.pk in read and read[request.pk].state == State.OVERDUE
        ]
    return sorted(late, key=lambda pair: pair[1].due)
