"""Applications for IP custody (知识产权托管申请): received (from the portal, run as the system, or entered by the
following unit), then accepted by entering the engagement they become, or declined with the reason the applicant
reads. Accepting and declining follow the rule of the custody ledger: the office, or the liaison of the following
unit. The contact person is read only by that unit and the office."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.identities import masked_name, sees_identity
from zhichan.core.plausible import date_problem
from zhichan.core.scoping import can_edit
from zhichan.registry.identifiers import IdentifierError, parse_uscc

from ..events import APPLICATION_ACCEPTED, APPLICATION_DECLINED, APPLICATION_RECEIVED
from ..models import ApplicationState, CustodyApplication, CustodyEngagement, CustodyScope, CustodyService
from .common import check_day, choices, may_enter, may_keep, required, text, unit_for
from .custody import create_engagement, enterprise_by_code

HIDDEN = "••••"
CONTACT = ("contact_name", "contact_phone", "contact_email")


def _code(value) -> str:
    if not text(value):
        raise ValidationError({"credit_code": _("Give the enterprise's unified social credit code, on its licence.")})
    try:
        return parse_uscc(value).normalized
    except IdentifierError as error:
        raise ValidationError({"credit_code": error.message}) from None


@action(APPLICATION_RECEIVED, allow=may_enter)
def receive_application(
    user,
    *,
    unit=None,
    enterprise_name: str = "",
    credit_code: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    services=(),
    custody_scope: str = "",
    matter: str = "",
    received_on=None,
    reference: str = "",
    synthetic: bool = False,
) -> CustodyApplication:
    """Take an application in for the following unit (a liaison's own; the unit the office or the system names).
    The enterprise is linked to the register when its credit code is found there; an enterprise with an
    application still awaiting a decision at the unit is told so rather than kept twice."""
    unit = unit_for(user, unit)
    code = _code(credit_code)
    enterprise = enterprise_by_code(code)
    name = text(enterprise_name) or (enterprise.name if enterprise is not None else "")
    if not name:
        raise ValidationError({"enterprise_name": _("Give the enterprise's name.")})
    contact = required(contact_name, "contact_name", _("Name the contact person."))
    phone, email = text(contact_phone), text(contact_email)
    if not phone and not email:
        raise ValidationError({"contact_phone": _("Give the contact person's phone or e-mail.")})
    scope = text(custody_scope)
    if scope and scope not in CustodyScope.values:
        raise ValidationError({"custody_scope": _("Choose full or partial custody.")})
    day = check_day(received_on or timezone.localdate(), CustodyApplication, "received_on", label=_("received on"))
    waiting = CustodyApplication.objects.filter(unit=unit, credit_code=code, state=ApplicationState.RECEIVED).first()
    if waiting is not None:
        raise ValidationError(
            {
                "credit_code": _(
                    "%(enterprise)s already has a custody application awaiting a decision (received on %(day)s)."
                )
                % {"enterprise": waiting.enterprise_name, "day": waiting.received_on.isoformat()}
            }
        )
    application = CustodyApplication(
        unit=unit,
        enterprise=enterprise,
        enterprise_name=name,
        credit_code=code,
        contact_name=contact,
        contact_phone=phone,
        contact_email=email,
        services=choices(services, CustodyService, "services"),
        custody_scope=scope,
        matter=required(matter, "matter", _("Say what the enterprise asks for.")),
        reference=text(reference),
        received_on=day,
        synthetic=synthetic,
        created_by=user if getattr(user, "pk", None) else None,
    )
    application.full_clean()
    application.save()
    return application


def _still_open(application):
    if application.state != ApplicationState.RECEIVED:
        raise ValidationError(
            _("The application is already %(state)s; only one awaiting a decision is accepted or declined.")
            % {"state": application.get_state_display()}
        )


def _decision_day(application, day):
    day = day or timezone.localdate()
    problem = date_problem(day, CustodyApplication, "decided_on")
    if problem:
        raise ValidationError({"day": problem})
    if day < application.received_on:
        raise ValidationError(
            {
                "day": _("It cannot be before the application was received (%(day)s).")
                % {"day": application.received_on.isoformat()}
            }
        )
    return day


def _accepted_data(arguments, application) -> dict:
    engagement = application.engagement
    return {"agency": engagement.agency.name, "agreement_number": engagement.agreement_number}


def _same_enterprise(application, enterprise, field: str):
    """The engagement's enterprise is the application's: the register's linked one, or the one of its credit code
    entered in the register since the application was received."""
    if enterprise is None:
        return  # no enterprise chosen: the engagement's own check says so
    if application.enterprise_id:
        same = enterprise.pk == application.enterprise_id
    else:
        same = enterprise.uscc == application.credit_code
    if not same:
        raise ValidationError(
            {
                field: _("The engagement is of %(engagement)s; the application is of %(application)s (%(code)s).")
                % {
                    "engagement": enterprise.name,
                    "application": application.enterprise_name,
                    "code": application.credit_code,
                }
            }
        )


@action(APPLICATION_ACCEPTED, allow=may_keep("application"), data=_accepted_data)
def accept_application(application, user, *, engagement=None, day=None, **values) -> CustodyApplication:
    """Accept the application with the engagement it becomes: entered now from `values` (the fields of
    `create_engagement`, followed by the application's unit), or one already entered for the same enterprise."""
    _still_open(application)
    day = _decision_day(application, day)
    if engagement is None:
        if not values:
            raise ValidationError({"engagement": _("Enter the engagement the application becomes.")})
        _same_enterprise(application, values.get("enterprise"), "enterprise_code")
        engagement = create_engagement(user, unit=application.unit, **values)
    else:
        if values:
            raise ValidationError({name: _("Not a field of a custody engagement.") for name in sorted(values)})
        if user is not None and not can_edit(user, engagement):
            raise PermissionDenied(_("You may not change this engagement."))
        if CustodyApplication.objects.filter(engagement=engagement).exists():
            raise ValidationError({"engagement": _("This engagement was already made from another application.")})
        _same_enterprise(application, engagement.enterprise, "engagement")
    application.enterprise = engagement.enterprise
    application.engagement = engagement
    application.state = ApplicationState.ACCEPTED
    application.decided_on = day
    application.full_clean()
    application.save()
    return application


@action(APPLICATION_DECLINED, allow=may_keep("application"), reason="reason")
def decline_application(application, user, reason: str = "", day=None) -> CustodyApplication:
    """Decline the application, saying why (the applicant reads the reason)."""
    _still_open(application)
    day = _decision_day(application, day)
    application.reason = required(reason, "reason", _("Say why the application is declined."))
    application.state = ApplicationState.DECLINED
    application.decided_on = day
    application.full_clean()
    application.save()
    return application


# --- reading ---------------------------------------------------------------------------------------------


def sees_contact(user, application) -> bool:
    """The contact person's name, phone and e-mail: only the following unit and the office read them."""
    return sees_identity(user, application.unit)


def contact(application, user) -> dict:
    """The contact person as the user may read it: the name masked (张**) and the phone and e-mail hidden for
    those who may not."""
    if sees_contact(user, application):
        return {name: getattr(application, name) for name in CONTACT}
    return {
        "contact_name": masked_name(application.contact_name),
        "contact_phone": HIDDEN if application.contact_phone else "",
        "contact_email": HIDDEN if application.contact_email else "",
    }


def open_first(applications):
    """Applications awaiting a decision first, the longest waiting first; then the decided, the latest first."""
    waiting = ApplicationState.RECEIVED
    return applications.annotate(
        decided=Case(When(state=waiting, then=Value(0)), default=Value(1), output_field=IntegerField()),
        waiting_since=Case(When(state=waiting, then=F("received_on"))),
    ).order_by("decided", F("waiting_since").asc(nulls_last=True), F("decided_on").desc(nulls_last=True), "-pk")


def registered_enterprise(application):
    """The register's enterprise of the application: linked when received, or entered in the register since."""
    return application.enterprise or enterprise_by_code(application.credit_code)


def engagements_to_link(application, user):
    """Engagements already entered for the application's enterprise, not made from another application, that the
    user may change: those the application may be accepted with."""
    enterprise = registered_enterprise(application)
    if enterprise is None:
        return CustodyEngagement.objects.none()
    return (
        CustodyEngagement.objects.editable_by(user)
        .filter(enterprise=enterprise, application__isnull=True)
        .select_related("agency")
    )
