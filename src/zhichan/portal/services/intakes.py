"""Where a public request lands: for each target, the module's own intake (the operation its staff use, run as the
system) and how the record's events move the request. The portal keeps no second copy of a complaint, a dispute, a
rights-assistance request or a custody application: the record is the module's, and the request only tracks it for
the requester.

`follows[event kind](record) -> (state, answer text, day)`: the request's state after that event on its record,
what the public reads as the answer, and the day it was done (None: the event's own day)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import FieldType, RequestState, Target

ANSWERED = (RequestState.ANSWERED, RequestState.CLOSED)


@dataclass(frozen=True)
class Intake:
    land: callable
    follows: dict = field(default_factory=dict)
    # The states that meet the committed deadline: the answer, unless the service's rule is a limit on accepting.
    stops: tuple = ANSWERED
    # The answers its landing reads, {key: question type}: the catalogue keeps those questions (services/catalogue.py).
    answers: dict = field(default_factory=dict)
    # The landing names the enterprise by the form's own credit code: the form asks for it.
    credit_code: bool = False


def _matter(request) -> str:
    """The matter as the module keeps it: what the requester wrote, then each answer its landing does not read into
    a field of its own (a tip's place), one a line in the platform's language, so nothing asked stays behind."""
    intake = INTAKES.get(request.service.target)
    with translation.override(settings.LANGUAGE_CODE):
        lines = [f"{question}：{answer}" for question, answer in request.worded_answers(intake.answers) if answer]
    return "\n".join([request.matter, *lines]) if lines else request.matter


def _complaint(kind):
    def land(request, day):
        from zhichan.protection.models import Channel
        from zhichan.protection.services import complaints

        answers = request.answers
        return complaints.take_complaint(
            None,
            unit=request.unit,
            kind=kind,
            channel=Channel.ONLINE,
            received_on=day,
            matter=_matter(request),
            ip_type=answers.get("ip_type") or "other",
            anonymous=request.anonymous,
            complainant_name=request.name,
            complainant_contact=request.phone or request.email,
            respondent_name=answers.get("respondent", ""),
            respondent_credit_code=answers.get("respondent_credit_code", ""),
            synthetic=request.synthetic,
        )

    return land


COMPLAINT_FOLLOWS = {
    "complaint.routed": lambda complaint: (RequestState.RECEIVED, "", None),
    "complaint.accepted": lambda complaint: (RequestState.ACCEPTED, "", complaint.accepted_on),
    "complaint.case_opened": lambda complaint: (RequestState.IN_PROGRESS, "", None),
    "complaint.replied": lambda complaint: (RequestState.ANSWERED, complaint.reply, complaint.replied_on),
    "complaint.not_accepted": lambda complaint: (
        RequestState.CLOSED,
        _("Not accepted: %(reason)s") % {"reason": complaint.not_accepted_reason},
        complaint.not_accepted_on,
    ),
    "complaint.closed": lambda complaint: (RequestState.CLOSED, "", complaint.closed_on),
}


def _assistance(request, day):
    from zhichan.protection.services import assistance

    return assistance.open_request(
        None,
        unit=request.unit,
        kind=request.answers.get("kind") or "consultation",
        requester=request.name,
        requested_on=day,
        credit_code=request.credit_code,
        matter=_matter(request),
        synthetic=request.synthetic,
    )


def _assistance_closed(record):
    worded = record.get_outcome_display()
    answer = f"{worded}：{record.outcome_note}" if record.outcome_note else worded
    return RequestState.CLOSED, answer, record.closed_on


def _mediation(request, day):
    from zhichan.protection.models import MediationKind
    from zhichan.protection.services import mediation

    answers = request.answers
    parties = [{"side": "applicant", "name": request.name, "credit_code": request.credit_code}]
    if answers.get("other_party"):
        parties.append({"side": "respondent", "name": answers["other_party"]})
    return mediation.open_mediation(
        None,
        unit=request.unit,
        number=request.number,
        title=" ".join(request.matter.split())[:200],  # a title is one line: the matter's line breaks refused
        kind=MediationKind.ADMINISTRATIVE,
        rights=answers.get("rights") or request.matter,
        received_on=day,
        claim=_matter(request),
        parties=parties,
        synthetic=request.synthetic,
    )


def _mediation_ended(record):
    worded = record.get_state_display()
    return RequestState.CLOSED, f"{worded}：{record.outcome_note}" if record.outcome_note else worded, record.ended_on


MEDIATION_FOLLOWS = {
    "mediation.session": lambda record: (RequestState.IN_PROGRESS, "", None),
    "mediation.agreed": _mediation_ended,
    "mediation.failed": _mediation_ended,
    "mediation.withdrawn": _mediation_ended,
    "mediation.referred": _mediation_ended,
}


def _custody(request, day):
    from zhichan.services.services import custody_applications

    answers = request.answers
    return custody_applications.receive_application(
        None,
        unit=request.unit,
        # A catalogue the office edited before the question was added asks no enterprise: the requester's name then.
        enterprise_name=answers.get("enterprise") or request.name,
        credit_code=request.credit_code,
        contact_name=request.name,
        contact_phone=request.phone,
        contact_email=request.email,
        services=[answers["service"]] if answers.get("service") else [],
        custody_scope=answers.get("custody_scope", ""),
        matter=_matter(request),
        received_on=day,
        reference=request.number,
        synthetic=request.synthetic,
    )


def _custody_accepted(record):
    engagement = record.engagement
    answer = _("Accepted: custody by %(agency)s from %(start)s (agreement %(number)s).") % {
        "agency": engagement.agency.name,
        "start": engagement.start.isoformat(),
        "number": engagement.agreement_number,
    }
    return RequestState.ANSWERED, answer, record.decided_on


# Each choice's values are the services module's (CustodyScope, CustodyService): the catalogue adds none.
CUSTODY_ANSWERS = {"enterprise": FieldType.TEXT, "custody_scope": FieldType.CHOICE, "service": FieldType.CHOICE}

CUSTODY_FOLLOWS = {
    "custody_application.accepted": _custody_accepted,
    "custody_application.declined": lambda record: (
        RequestState.CLOSED,
        _("Declined: %(reason)s") % {"reason": record.reason},
        record.decided_on,
    ),
}

COMPLAINT_ANSWERS = {
    "ip_type": FieldType.CHOICE,
    "respondent": FieldType.TEXT,
    "respondent_credit_code": FieldType.TEXT,
}

INTAKES = {
    # The statutory limits on a complaint and a tip run to the decision whether to accept it.
    Target.COMPLAINT: Intake(
        _complaint("complaint"), COMPLAINT_FOLLOWS, (RequestState.ACCEPTED, *ANSWERED), COMPLAINT_ANSWERS
    ),
    Target.TIP: Intake(_complaint("tip"), COMPLAINT_FOLLOWS, (RequestState.ACCEPTED, *ANSWERED), COMPLAINT_ANSWERS),
    Target.ASSISTANCE: Intake(
        _assistance, {"assistance.closed": _assistance_closed}, answers={"kind": FieldType.CHOICE}
    ),
    Target.MEDIATION: Intake(
        _mediation, MEDIATION_FOLLOWS, answers={"rights": FieldType.TEXT, "other_party": FieldType.TEXT}
    ),
    Target.CUSTODY: Intake(_custody, CUSTODY_FOLLOWS, answers=CUSTODY_ANSWERS, credit_code=True),
}


def needs_credit_code(target: str) -> bool:
    return getattr(INTAKES.get(target), "credit_code", False)


def stops(target: str) -> tuple:
    intake = INTAKES.get(target)
    return intake.stops if intake is not None else ANSWERED


def follows(kind: str):
    """The mapping for an event kind, whichever target it belongs to (None: the event does not move requests)."""
    for intake in INTAKES.values():
        if kind in intake.follows:
            return intake.follows[kind]
    return None
