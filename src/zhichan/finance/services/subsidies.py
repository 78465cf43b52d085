"""Subsidy applications from draft to payment.

An enterprise (or the office for it) opens an application to a scheme, adds its claims — each assessed at once
against the register (eligibility.py) — and its files, and submits it. The review runs township → office → finance
bureau, each stage on its clock (data/clocks/deadline-rules.yaml, periods the office sets): a reviewer passes it,
returns it with reasons (the applicant corrects it and it goes back to the stage that returned it) or refuses it.
The office may set a claim's approved amount with a reason. Passed by the finance bureau, it goes into the public
notice (公示) for the notice clock's period; an objection raised meanwhile is recorded, and until it is decided
nothing is paid (upheld: back to the office's review). After the notice the finance bureau records the payment.

Nothing is subsidised twice: a claim that runs into an earlier award or a pending claim, here or imported, is
refused at submission and at every pass, naming the earlier one.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as _noop

from zhichan.core.actions import action
from zhichan.core.clocks import clock
from zhichan.core.messages import Message
from zhichan.core.models import Unit, UnitKind
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.services import attachments, clocks
from zhichan.core.services.filetypes import DOCUMENTS
from zhichan.core.services.notify import notify
from zhichan.registry.identifiers import IdentifierError, parse_patent_application, parse_trademark_registration
from zhichan.registry.services.enterprises import enterprise_named

from ..events import (
    CLAIM_ADDED,
    CLAIM_AMOUNT_SET,
    CLAIM_REMOVED,
    OBJECTION_DECIDED,
    OBJECTION_RECORDED,
    SUBSIDY_FILE_ADDED,
    SUBSIDY_FILE_REMOVED,
    SUBSIDY_OPENED,
    SUBSIDY_PAID,
    SUBSIDY_PASSED,
    SUBSIDY_REFUSED,
    SUBSIDY_RETURNED,
    SUBSIDY_SUBMITTED,
)
from ..models.subsidies import Basis, Claim, Objection, Review, Stage, SubsidyApplication
from .eligibility import assess, earlier_awards, wan, worded

CLOCK = {
    Stage.TOWNSHIP: "subsidy-township-review",
    Stage.OFFICE: "subsidy-office-review",
    Stage.FINANCE: "subsidy-finance-review",
    Stage.NOTICE: "subsidy-public-notice",
}
NEXT = {Stage.TOWNSHIP: Stage.OFFICE, Stage.OFFICE: Stage.FINANCE, Stage.FINANCE: Stage.NOTICE}
FILES = "materials"
# What the office may make up for by hand, with a reason: a right or loan the register does not hold yet (the
# certificate or the contract checked). Any other rule failed refuses an approved amount.
CHECKED_BY_HAND = ("not-in-register", "loan-not-found", "no-interest")


# --- who may ---------------------------------------------------------------------------------------------------


def _office(user) -> bool:
    return user is None or role_of(user) == Role.OFFICE


def _applicant_side(user, application) -> bool:
    """The office, or a user of the applicant enterprise."""
    if _office(user):
        return True
    return role_of(user) == Role.ENTERPRISE and user.enterprises.filter(pk=application.applicant_id).exists()


def reviews_stage(user, application) -> bool:
    """May the user decide the application's current stage: the township's liaison, the office, the paying unit's
    liaison at theirs; the office at every stage (for a unit that does not use the platform)."""
    stage = application.stage
    if stage not in CLOCK or stage == Stage.NOTICE:
        return False
    if _office(user):
        return True
    if role_of(user) not in LIAISONS or not user.unit_id:
        return False
    if stage == Stage.TOWNSHIP:
        return user.unit_id == application.township_id
    return stage == Stage.FINANCE and pays(user, application.scheme)


def pays(user, scheme) -> bool:
    """Is the user the liaison of the unit paying the scheme (the finance bureau): it reviews last, pays, and reads
    the payment list."""
    unit = getattr(user, "unit_id", None)
    return unit is not None and unit == scheme.payer_id and role_of(user) in LIAISONS


def _pays(user, application) -> bool:
    return _office(user) or pays(user, application.scheme)


def _allow(rule):
    return lambda user, arguments: rule(user, arguments["application"])


# --- helpers ---------------------------------------------------------------------------------------------------


def _today(day=None) -> datetime.date:
    return day or timezone.localdate()


def _next_number(year: int) -> str:
    last = SubsidyApplication.objects.filter(number__startswith=f"ZZ{year}-").aggregate(last=Max("number"))["last"]
    return f"ZZ{year}-{int(last.rsplit('-', 1)[1]) + 1 if last else 1:05d}"


def _township_of(application) -> Unit | None:
    """The township (or park) unit of the scheme's organisation whose region holds the applicant's."""
    path = application.applicant.region.path
    units = Unit.objects.filter(
        organisation=application.scheme.organisation_id, kind=UnitKind.TOWNSHIP, active=True
    ).select_related("region")
    found = [unit for unit in units if path.startswith(unit.region.path)]
    return max(found, key=lambda unit: len(unit.region.path)) if found else None


def _readable_number(basis, text):
    """A patent or trademark number must read as one (any form the exports use): a typing slip is named at once."""
    try:
        if basis in (Basis.INVENTION_GRANTED, Basis.PCT_FILED):
            parse_patent_application(text)
        elif basis == Basis.MADRID_REGISTERED:
            parse_trademark_registration(text)
    except IdentifierError as error:
        raise ValidationError({"subject": str(error.reason)}) from None


def _editable(application):
    if not application.editable:
        raise ValidationError(
            _("Claims and files are changed only while the application is a draft or returned; it is %(stage)s.")
            % {"stage": application.get_stage_display()}
        )


def _reassess(application) -> list[Claim]:
    claims = list(application.claims.select_related("item", "application__scheme"))
    assess(claims)
    Claim.objects.bulk_update(claims, ["subject", "eligible", "reasons", "patent", "trademark", "loan"])
    return claims


def _guard(claims):
    """Refuse when a claim was subsidised (or is claimed) before, naming each earlier award."""
    problems = [
        _("%(claim)s: %(earlier)s.") % {"claim": f"{claim.item} {claim.subject}", "earlier": "；".join(found)}
        for claim in claims
        if (found := earlier_awards(claim))
    ]
    if problems:
        raise ValidationError(problems)


def _enter_stage(user, application, stage, day):
    application.stage = stage
    if stage in CLOCK:
        started = clocks.start_clock(user, application, CLOCK[stage], day)
        if started.stopped_on:  # entered again (resubmitted, an objection upheld): it runs again
            clocks.stop_clock(user, application, CLOCK[stage], None)


def _leave_stage(user, application, day):
    if application.stage in CLOCK:
        clocks.stop_clock(user, application, CLOCK[application.stage], day)


def _review(user, application, outcome, reasons, day):
    Review.objects.create(
        application=application,
        stage=application.stage,
        outcome=outcome,
        reasons=(reasons or "").strip(),
        day=day,
        by=user if getattr(user, "pk", None) else None,
        unit=getattr(user, "unit", None),
    )


def _tell_applicant(application, title, body):
    """A notification to the applicant enterprise's users, in each reader's language."""
    members = application.applicant.members.filter(is_active=True)
    key = f"subsidy:{application.pk}:{application.stage}:{timezone.now():%Y%m%d%H%M%S%f}"
    notify(members, Message(title, {"number": application.number}), body, application.get_absolute_url(), key)


def _reasons(reasons) -> str:
    text = (reasons or "").strip()
    if not text:
        raise ValidationError({"reasons": _("Give the reasons.")})
    return text


# --- the applicant's ------------------------------------------------------------------------------------------


def _may_open(user, arguments) -> bool:
    if _office(user):
        return True
    applicant = arguments.get("applicant")
    return role_of(user) == Role.ENTERPRISE and (
        applicant is None
        or user.enterprises.filter(pk=getattr(applicant, "pk", None)).exists()
        or user.enterprises.filter(uscc=str(applicant).strip().upper()).exists()
    )


@action(SUBSIDY_OPENED, allow=_may_open)
def open_application(
    user,
    *,
    scheme,
    applicant=None,
    contact,
    phone,
    account_bank,
    account_number,
    account_name="",
    day=None,
    synthetic=False,
) -> SubsidyApplication:
    """A draft application of the applicant (an enterprise, or its credit code; an enterprise user's own one when
    it has only one) to a scheme open on the day."""
    day = _today(day)
    if applicant is None and role_of(user) == Role.ENTERPRISE and user.enterprises.count() == 1:
        applicant = user.enterprises.get()
    applicant = enterprise_named("applicant", applicant)
    if applicant is None:
        raise ValidationError({"applicant": _("Give the applicant's unified social credit code.")})
    if role_of(user) == Role.ENTERPRISE and not user.enterprises.filter(pk=applicant.pk).exists():
        raise PermissionDenied(_("An enterprise applies only for itself."))
    if user is not None and not scheme.open_on(day):
        raise ValidationError(
            {
                "scheme": _("The scheme takes applications from %(start)s to %(end)s.")
                % {"start": f"{scheme.opens_on:%Y-%m-%d}", "end": f"{scheme.closes_on:%Y-%m-%d}"}
            }
        )
    application = SubsidyApplication(
        number=_next_number(scheme.year),
        scheme=scheme,
        applicant=applicant,
        contact=(contact or "").strip(),
        phone=(phone or "").strip(),
        account_name=(account_name or "").strip() or applicant.name,
        account_bank=(account_bank or "").strip(),
        account_number=(account_number or "").replace(" ", ""),
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    application.full_clean()
    application.save()
    return application


@action(CLAIM_ADDED, on="application", allow=_allow(_applicant_side))
def add_claim(application, user, *, item, subject, declared: Decimal | None = None) -> Claim:
    """A claim under one of the scheme's items, assessed at once (its amount and why are on the page)."""
    _editable(application)
    if item.scheme_id != application.scheme_id:
        raise ValidationError({"item": _("The item is another scheme's.")})
    claim = Claim(application=application, item=item, subject=(subject or "").strip(), declared=declared)
    if not claim.subject:
        raise ValidationError({"subject": _("Give the number claimed.")})
    _readable_number(item.basis, claim.subject)
    if declared is not None and declared <= 0:
        raise ValidationError({"declared": _("Give the interest paid, more than zero.")})
    assess([claim])
    if application.claims.filter(item=item, subject=claim.subject).exists():
        raise ValidationError({"subject": _("This is already claimed in the application.")})
    claim.full_clean()
    claim.save()
    _reassess(application)
    claim.refresh_from_db()
    return claim


@action(CLAIM_REMOVED, on="application", allow=_allow(_applicant_side))
def remove_claim(application, user, *, claim) -> SubsidyApplication:
    _editable(application)
    if claim.application_id != application.pk:
        raise ValidationError({"claim": _("The claim is another application's.")})
    claim.delete()
    _reassess(application)
    return application


@action(
    SUBSIDY_FILE_ADDED,
    on="application",
    allow=_allow(_applicant_side),
    data=lambda arguments, result: {"name": result.name},
)
def add_file(application, user, *, file, label=""):
    """A supporting document (certificates, contracts, interest vouchers, the approving document)."""
    _editable(application)
    return attachments.attach(
        user, application, file, kind=FILES, label=label, accept=DOCUMENTS, may_write=lambda u, r: True
    )


@action(SUBSIDY_FILE_REMOVED, on="application", allow=_allow(_applicant_side))
def remove_file(application, user, *, attachment) -> SubsidyApplication:
    """Take back a document attached by mistake, while the application is a draft or returned."""
    _editable(application)
    if attachment.record_id != application.pk or attachment.record_type.model_class() is not SubsidyApplication:
        raise ValidationError({"attachment": _("The document is another record's.")})
    attachments.remove(user, attachment, may_write=lambda u, r: True)
    return application


@action(SUBSIDY_SUBMITTED, on="application", allow=_allow(_applicant_side))
def submit(application, user, *, day=None) -> SubsidyApplication:
    """Send a draft to the township's review (the office's where no township unit holds the applicant), or a
    returned one back to the stage that returned it."""
    day = _today(day)
    _editable(application)
    claims = _reassess(application)
    if not claims:
        raise ValidationError(_("Add at least one claim."))
    from zhichan.core.models import Attachment

    if not Attachment.objects.on(application).exists():
        raise ValidationError(_("Attach the supporting documents."))
    _guard(claims)
    if application.stage == Stage.RETURNED:
        stage = Stage(application.returned_from)
    else:
        application.township = _township_of(application)
        stage = Stage.TOWNSHIP if application.township else Stage.OFFICE
    application.submitted_on, application.returned_from = day, ""
    _enter_stage(user, application, stage, day)
    application.save()
    return application


# --- the reviewers' --------------------------------------------------------------------------------------------


@action(SUBSIDY_PASSED, on="application", allow=_allow(reviews_stage))
def pass_review(application, user, *, reasons="", day=None) -> SubsidyApplication:
    """Pass the current stage; the office's pass fixes the approved amounts (the eligible ones where not set);
    the finance bureau's opens the public notice."""
    day = _today(day)
    claims = _reassess(application)
    _guard(claims)
    if application.stage == Stage.OFFICE:
        for claim in claims:
            if claim.approved is None:
                claim.approved = claim.eligible
        Claim.objects.bulk_update(claims, ["approved"])
        if not any(claim.approved for claim in claims):
            raise ValidationError(_("Nothing is approved: refuse the application, or set an approved amount."))
    _review(user, application, "passed", reasons, day)
    _leave_stage(user, application, day)
    stage = NEXT[application.stage]
    _enter_stage(user, application, stage, day)
    if stage == Stage.NOTICE:
        application.notice_from = day
        application.notice_to = clock(application, day, rule=CLOCK[Stage.NOTICE]).due
    application.save()
    return application


@action(SUBSIDY_RETURNED, on="application", reason="reasons", allow=_allow(reviews_stage))
def return_application(application, user, *, reasons, day=None) -> SubsidyApplication:
    """Back to the applicant for correction, with the reasons; it comes back to this stage."""
    day = _today(day)
    reasons = _reasons(reasons)
    _review(user, application, "returned", reasons, day)
    _leave_stage(user, application, day)
    application.returned_from, application.stage = application.stage, Stage.RETURNED
    application.save()
    _tell_applicant(application, _noop("Subsidy application %(number)s returned for correction"), reasons)
    return application


@action(SUBSIDY_REFUSED, on="application", reason="reasons", allow=_allow(reviews_stage))
def refuse_application(application, user, *, reasons, day=None) -> SubsidyApplication:
    day = _today(day)
    reasons = _reasons(reasons)
    _review(user, application, "refused", reasons, day)
    _leave_stage(user, application, day)
    application.stage = Stage.REFUSED
    application.save()
    _tell_applicant(application, _noop("Subsidy application %(number)s not granted"), reasons)
    return application


def _office_stage(user, application) -> bool:
    return _office(user) and application.stage == Stage.OFFICE


@action(CLAIM_AMOUNT_SET, on="application", reason="note", allow=_allow(_office_stage))
def set_approved(application, user, *, claim, amount: Decimal, note) -> Claim:
    """The office's approved amount of one claim, with why it differs from the rules' (a right the register does
    not hold yet, checked on its certificate)."""
    if claim.application_id != application.pk:
        raise ValidationError({"claim": _("The claim is another application's.")})
    if amount is None or amount < 0:
        raise ValidationError({"amount": _("Give an amount, zero or more.")})
    ceiling = claim.item.cap or claim.item.amount
    if ceiling is not None and amount > ceiling:
        message = _("More than the item gives for one claim (%(cap)s).") % {"cap": wan(ceiling)}
        raise ValidationError({"amount": message})
    if earlier_awards(claim) and amount:
        raise ValidationError({"amount": "；".join(earlier_awards(claim))})
    failed = [text for (check, _p, _v), (ok, text) in zip(claim.reasons, worded(claim.reasons), strict=True)
              if ok is False and check not in CHECKED_BY_HAND]  # fmt: skip
    if failed and amount:
        message = _("The rules refuse this claim: %(reasons)s.") % {"reasons": "；".join(failed)}
        raise ValidationError({"amount": message})
    claim.approved, claim.approval_note = amount, _reasons(note)
    claim.save(update_fields=["approved", "approval_note"])
    return claim


# --- the public notice and the payment ------------------------------------------------------------------------


def _in_notice(user, application) -> bool:
    return _office(user) and application.stage == Stage.NOTICE


@action(OBJECTION_RECORDED, on="application", allow=_allow(_in_notice))
def record_objection(application, user, *, text, raised_by="", received_on=None) -> Objection:
    received_on = _today(received_on)
    if not (text or "").strip():
        raise ValidationError({"text": _("Write the objection.")})
    if received_on < application.notice_from:
        raise ValidationError({"received_on": _("An objection is received during the public notice.")})
    return Objection.objects.create(
        application=application, received_on=received_on, raised_by=(raised_by or "").strip(), text=text.strip()
    )


@action(OBJECTION_DECIDED, on="application", reason="decision", allow=_allow(_in_notice))
def decide_objection(application, user, *, objection, upheld: bool, decision, day=None) -> SubsidyApplication:
    """Dismissed: the notice goes on. Upheld: back to the office's review (the notice starts again after it)."""
    day = _today(day)
    if objection.application_id != application.pk or objection.upheld is not None:
        raise ValidationError({"objection": _("Choose an objection not decided yet.")})
    objection.upheld, objection.decision, objection.decided_on = upheld, _reasons(decision), day
    objection.save()
    if upheld:
        _leave_stage(user, application, day)
        application.notice_from = application.notice_to = None
        _enter_stage(user, application, Stage.OFFICE, day)
        application.save()
    return application


def payable_from(application) -> datetime.date | None:
    """The first day it may be paid: the day after the public notice ends."""
    return application.notice_to + datetime.timedelta(days=1) if application.notice_to else None


@action(SUBSIDY_PAID, on="application", allow=_allow(_pays))
def pay(application, user, *, paid_on=None, voucher="") -> SubsidyApplication:
    """Record the payment of the approved amount, after the public notice and with no objection undecided."""
    paid_on = _today(paid_on)
    if application.stage != Stage.NOTICE:
        raise ValidationError(_("Only an application through its public notice is paid."))
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("A payment is recorded once made: not on a day still to come.")})
    if paid_on < payable_from(application):
        message = _("The public notice runs until %(day)s: the payment is recorded from %(first)s.")
        days = {"day": f"{application.notice_to:%Y-%m-%d}", "first": f"{payable_from(application):%Y-%m-%d}"}
        raise ValidationError({"paid_on": message % days})
    if application.objections.filter(upheld__isnull=True).exists():
        raise ValidationError(_("An objection awaits its decision."))
    _leave_stage(user, application, min(paid_on, application.notice_to))
    application.stage, application.paid_on = Stage.PAID, paid_on
    application.paid_amount, application.voucher = application.approved_total, (voucher or "").strip()
    application.save()
    _tell_applicant(
        application, _noop("Subsidy application %(number)s paid"), f"{paid_on:%Y-%m-%d} {wan(application.paid_amount)}"
    )
    return application
