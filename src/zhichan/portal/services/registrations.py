"""Enterprise self-service: an enterprise registers on the portal and the office verifies or refuses it, each an
action with its event on the registration.

`register` is run by a visitor without an account (the system: it makes the account, with the public role) or by a
signed-in account of the public or enterprise role (an enterprise registering a further enterprise, an applicant
registering again after a refusal). The credit code is checked by the registry's rule (format and check
character); a code whose enterprise already has an account on the platform is refused with a message saying so and
nothing more. A network that has registered often in the last hour (ZHICHAN_PORTAL_REQUESTS_PER_HOUR) is asked to
wait. The business licence scan, when given, goes through the shared attachments.

`verify` (the office) links the account to the register's enterprise of that code, entering the enterprise through
the registry's own entry action first when the register has none (in the township the office chooses, else the one
the applicant gave, else the region the code's division names), and gives the account the enterprise role.
`refuse` (the office) says why; the applicant reads the reason on its page and may register again."""

import datetime
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as _noop

from zhichan.core.actions import action, office_or_system
from zhichan.core.digests import keyed_digest
from zhichan.core.events import record
from zhichan.core.history import acting_as
from zhichan.core.messages import Message
from zhichan.core.models import Region, RegionKind
from zhichan.core.roles import Role, role_of
from zhichan.core.services import attachments
from zhichan.core.services.notify import notify
from zhichan.registry.identifiers import IdentifierError, parse_uscc
from zhichan.registry.models import Enterprise
from zhichan.registry.services.entries import save_entry

from ..events import REGISTRATION_REFUSED, REGISTRATION_SUBMITTED, REGISTRATION_VERIFIED
from ..models import EnterpriseRegistration, RegistrationState

DOCUMENT_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".webp")
DOCUMENT_KIND = "business-licence"
# Who may register: a visitor (the system makes the account), or an account that is not the staff's.
APPLICANTS = frozenset({Role.PUBLIC, Role.ENTERPRISE})


def checked_code(value) -> str:
    """The code normalized, or a refusal under `credit_code` saying what is wrong with it: the registry's own
    check of the format and the check character, whose messages name the code."""
    if not (value or "").strip():
        raise ValidationError({"credit_code": _("Give the enterprise's unified social credit code, on its licence.")})
    try:
        return parse_uscc(value).normalized
    except IdentifierError as error:
        raise ValidationError({"credit_code": error.message}) from None


def townships():
    """The township-level divisions and parks an enterprise may say it is in."""
    return Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path")


def has_account(code: str) -> bool:
    """Does the enterprise of this code already have an account on the platform: a verified registration, or
    active enterprise users linked to the register's enterprise (accounts the office made)?"""
    if EnterpriseRegistration.objects.filter(credit_code=code, state=RegistrationState.VERIFIED).exists():
        return True
    return Enterprise.objects.filter(uscc=code, members__is_active=True, members__role=Role.ENTERPRISE).exists()


def _throttle(network: str):
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = EnterpriseRegistration.objects.filter(network=network, submitted__gte=since).count()
    if recent >= settings.ZHICHAN_PORTAL_REQUESTS_PER_HOUR:
        raise ValidationError(
            _("Many registrations have come from this network in the last hour; please try again later.")
        )


def applicant_problems(*, name, contact, phone, email, region) -> tuple[dict, dict]:
    """The enterprise's name and contact as kept, and the errors by field."""
    kept = {
        "name": (name or "").strip(),
        "contact": (contact or "").strip(),
        "phone": (phone or "").strip(),
        "email": (email or "").strip(),
        "region": region,
    }
    errors = {}
    if not kept["name"]:
        errors["name"] = _("Give the enterprise's name as on its business licence.")
    if not kept["contact"]:
        errors["contact"] = _("Give the name of the person the office may contact.")
    if not kept["phone"]:
        errors["phone"] = _("Give a phone number, so that the office can reach you.")
    elif not re.fullmatch(r"[0-9+\-\s()]{7,20}", kept["phone"]):
        errors["phone"] = _("Give a phone number of digits, e.g. 0595-86388888 or 13800000000.")
    if kept["email"]:
        try:
            validate_email(kept["email"])
        except ValidationError:
            errors["email"] = _("Give an e-mail address like name@example.com.")
    if region is not None and region.kind not in RegionKind.township_level():
        errors["region"] = _("Choose a township or park.")
    return kept, errors


def account_problems(username, password, *, contact, email):
    """An account with the public role (it reads nothing until verified); refusals under `username`/`password`."""
    model = get_user_model()
    username = (username or "").strip()
    account = model(username=username, email=email, first_name=contact[:150], role=Role.PUBLIC)
    errors = {}
    if not username:
        errors["username"] = _("Choose a username to sign in with.")
    else:
        try:
            model._meta.get_field("username").run_validators(username)
        except ValidationError as error:
            errors["username"] = error.messages
        else:
            if model.objects.filter(username__iexact=username).exists():
                errors["username"] = _("This username is taken; choose another.")
    if not password:
        errors["password"] = _("Choose a password.")
    else:
        try:
            validate_password(password, account)
        except ValidationError as error:
            errors["password"] = error.messages
    return account, errors


@action()
def register(
    user,
    *,
    name: str,
    credit_code: str,
    contact: str,
    phone: str,
    email: str = "",
    region=None,
    username: str = "",
    password: str = "",
    document=None,
    network: str = "",
) -> EnterpriseRegistration:
    """Register an enterprise for self-service: kept awaiting the office's verification, with the account it signs
    in with (made here for a visitor, with the public role: it reads nothing yet). Returns the registration."""
    if user is not None and role_of(user) not in APPLICANTS:
        raise PermissionDenied(_("Staff accounts do not register enterprises; the office links enterprise users."))
    kept, errors = applicant_problems(name=name, contact=contact, phone=phone, email=email, region=region)
    try:
        code = checked_code(credit_code)
    except ValidationError as error:
        errors.update(error.message_dict)
        code = ""
    account = user
    if user is None:
        account, problems = account_problems(username, password, contact=kept["contact"], email=kept["email"])
        errors.update(problems)
    if errors:
        raise ValidationError(errors)
    if has_account(code):
        raise ValidationError(
            {
                "credit_code": _(
                    "The enterprise with this code already has an account on the platform. To add a user, ask the "
                    "programme office."
                )
            }
        )
    if (
        user is not None
        and EnterpriseRegistration.objects.filter(
            user=user, credit_code=code, state=RegistrationState.AWAITING
        ).exists()
    ):
        raise ValidationError(
            {"credit_code": _("You have registered this enterprise already; it awaits verification.")}
        )
    network = keyed_digest(network) if network else ""
    if network:
        _throttle(network)
    if user is None:
        account.set_password(password)
        account.save()
    with acting_as(account):
        registration = EnterpriseRegistration(credit_code=code, user=account, network=network, **kept)
        registration.full_clean()
        registration.save()
        if document:
            try:
                attachments.attach(
                    None,
                    registration,
                    document,
                    kind=DOCUMENT_KIND,
                    label=_("business licence"),
                    accept=DOCUMENT_TYPES,
                    may_write=lambda who, what: True,
                )
            except ValidationError as error:
                raise ValidationError({"document": " ".join(error.messages)}) from None
        record(account, REGISTRATION_SUBMITTED, registration, credit_code=code)
    return registration


def may_decide(user, arguments=None) -> bool:
    """The office decides on registrations."""
    return office_or_system(user, arguments)


def _awaiting(registration):
    if registration.state != RegistrationState.AWAITING:
        raise ValidationError(_("The registration is %(state)s already.") % {"state": registration.get_state_display()})


def in_register(registration) -> Enterprise | None:
    """The register's enterprise with the registration's code (any, merged or not), or None."""
    return Enterprise.objects.filter(uscc=registration.credit_code).select_related("region", "merged_into").first()


def _place(registration, region):
    """Where a new enterprise is entered: the office's choice, else the applicant's township, else the region of
    the code's division (the county for a code registered in it)."""
    if region is not None:
        return region
    if registration.region_id:
        return registration.region
    return parse_uscc(registration.credit_code).region()


def _verified_data(arguments, result):
    registration = result
    return {"enterprise": registration.enterprise_id, "enterprise_name": registration.enterprise.name}


@action(REGISTRATION_VERIFIED, allow=may_decide, reason="note", data=_verified_data)
def verify(registration, user, region=None, note: str = "") -> EnterpriseRegistration:
    """The office has checked the enterprise (against the register, or by its document): the account is linked to
    the register's enterprise of the code, entered first when the register has none, and may sign in to it."""
    _awaiting(registration)
    account = registration.user
    if role_of(account) not in APPLICANTS or not account.is_active:
        raise ValidationError(_("The account of this registration cannot be given an enterprise."))
    enterprise = in_register(registration)
    if enterprise is not None and enterprise.merged_into_id is not None:
        raise ValidationError(
            _("The enterprise with this code was merged into %(name)s; refuse this registration with that reason.")
            % {"name": enterprise.merged_into.name}
        )
    if region is not None and region.kind not in RegionKind.township_level():
        raise ValidationError({"region": _("Choose a township or park.")})
    if enterprise is None:
        place = _place(registration, region)
        if place is None:
            raise ValidationError(
                {"region": _("The register has no enterprise with this code: choose the township to enter it in.")}
            )
        enterprise = save_entry(
            user, Enterprise, {"name": registration.name, "uscc": registration.credit_code, "region": place}
        )
    enterprise.members.add(account)
    if account.role != Role.ENTERPRISE:
        account.role = Role.ENTERPRISE
        account.save(update_fields=["role"])
    registration.state = RegistrationState.VERIFIED
    registration.enterprise = enterprise
    registration.reason = (note or "").strip()
    registration.decided_at, registration.decided_by = timezone.now(), user if getattr(user, "pk", None) else None
    registration.save()
    names = {"name": enterprise.name}
    notify(
        account,
        Message(_noop("Your enterprise registration is verified: %(name)s"), names),
        Message(_noop("Sign in to read %(name)s's IP, its deadlines, and to apply for subsidies and services."), names),
        reverse("portal-enterprise-detail", args=[enterprise.pk]),
        f"enterprise-registration:{registration.pk}:verified",
    )
    return registration


@action(REGISTRATION_REFUSED, allow=may_decide, reason="reason")
def refuse(registration, user, reason: str) -> EnterpriseRegistration:
    """The office cannot verify the enterprise; the applicant reads why and may register again."""
    _awaiting(registration)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, in words the applicant reads.")})
    registration.state = RegistrationState.REFUSED
    registration.reason = reason
    registration.decided_at, registration.decided_by = timezone.now(), user if getattr(user, "pk", None) else None
    registration.save()
    notify(
        registration.user,
        Message(_noop("Your enterprise registration was not verified: %(name)s"), {"name": registration.name}),
        reason,
        reverse("portal-enterprise-start"),
        f"enterprise-registration:{registration.pk}:refused",
    )
    return registration


def registrations_of(user):
    """The registrations the signed-in account made, newest first (a visitor's: none)."""
    if not getattr(user, "is_authenticated", False):
        return EnterpriseRegistration.objects.none()
    return EnterpriseRegistration.objects.filter(user=user).select_related("enterprise", "region")
