"""Service agencies (知识产权服务机构) and what is kept of them: their qualifications, practitioners and the
services the government bought from them. Each write is an action: the office (or the liaison of the
supervising unit, for its own agencies) acts, bad input is refused naming the field, and an event is left on the
agency, so its page shows its supervision history."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.roles import Role, role_of
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS
from zhichan.registry.identifiers import IdentifierError, parse_uscc

from ..events import (
    AGENCY_ADDED,
    AGENCY_CHANGED,
    CONTRACT_ATTACHED,
    PRACTITIONER_ADDED,
    QUALIFICATION_ADDED,
    SERVICE_PURCHASED,
)
from ..models import Agency, Practitioner, PurchasedService, Qualification, ServiceKind
from .common import (
    check_amount,
    check_day,
    check_period,
    check_region,
    choices,
    may_enter,
    may_keep,
    required,
    text,
    unit_for,
)

# The fields of an agency its form and the API set, in the order the form shows them.
FIELDS = ("name", "uscc", "kinds", "region", "address", "contact_person", "contact_phone", "settled_on", "note")
ID_NUMBER = re.compile(r"\d{17}[\dX]")
CONTRACT = "contract"


def check_uscc(value, exclude=None) -> str:
    """A valid unified social credit code that no other agency has; a duplicate names the agency holding it."""
    value = text(value).upper()
    if not value:
        raise ValidationError({"uscc": _("Give the unified social credit code.")})
    try:
        value = parse_uscc(value).normalized
    except IdentifierError as error:
        raise ValidationError({"uscc": error.message}) from None
    existing = Agency.objects.filter(uscc=value)
    if exclude is not None:
        existing = existing.exclude(pk=exclude.pk)
    existing = existing.first()
    if existing is not None:
        raise ValidationError(
            {
                "uscc": _("An agency with the credit code %(code)s is already kept: %(name)s.")
                % {"code": value, "name": existing.name}
            }
        )
    return value


def _cleaned(values: dict, organisation, exclude=None) -> dict:
    return {
        "name": required(values.get("name"), "name", _("Give the agency's name.")),
        "uscc": check_uscc(values.get("uscc"), exclude=exclude),
        "kinds": choices(values.get("kinds"), ServiceKind, "kinds", needed=True),
        "region": check_region(values.get("region"), organisation),
        "address": text(values.get("address")),
        "contact_person": text(values.get("contact_person")),
        "contact_phone": text(values.get("contact_phone")),
        "settled_on": check_day(values.get("settled_on"), Agency, "settled_on", needed=False),
        "note": text(values.get("note")),
    }


def may_enter_agency(user, arguments) -> bool:
    """The system, the office, or a member unit's liaison (agencies are supervised by member units)."""
    return may_enter(user, arguments) and (user is None or role_of(user) != Role.TOWNSHIP_LIAISON)


@action(AGENCY_ADDED, allow=may_enter_agency)
def create_agency(user, *, supervisor=None, synthetic: bool = False, **values) -> Agency:
    """Enter an agency, supervised by the liaison's own unit, or by the unit the office names (by default the unit
    hosting the office)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a service agency.") for name in sorted(unknown)})
    supervisor = unit_for(user, supervisor, "supervisor")
    agency = Agency(
        supervisor=supervisor,
        synthetic=synthetic,
        created_by=user,
        **_cleaned(values, supervisor.organisation),
    )
    agency.full_clean()
    agency.save()
    return agency


@action(allow=may_keep("agency"))
def update_agency(agency, user, **values) -> Agency:
    """Change an agency: only the fields given; an event names the fields changed (none: no event)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a service agency.") for name in sorted(unknown)})
    before = {name: getattr(agency, name) for name in FIELDS}
    after = _cleaned({**before, **values}, agency.supervisor.organisation, exclude=agency)
    changed = [name for name in FIELDS if before[name] != after[name]]
    for name, value in after.items():
        setattr(agency, name, value)
    agency.full_clean()
    agency.save()
    if changed:
        labels = "、".join(str(Agency._meta.get_field(name).verbose_name) for name in changed)
        record(user, AGENCY_CHANGED, agency, changed=labels)
    return agency


@action(
    QUALIFICATION_ADDED,
    on="agency",
    allow=may_keep("agency"),
    data=lambda arguments, found: {"qualification": str(found)},
)
def add_qualification(agency, user, *, kind, number="", issuer="", valid_from=None, valid_to=None) -> Qualification:
    """A qualification (资质) the agency holds, with its validity (no end: valid until withdrawn)."""
    valid_from = check_day(valid_from, Qualification, "valid_from", needed=False)
    valid_to = check_day(valid_to, Qualification, "valid_to", needed=False)
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": _("The validity cannot end before it begins.")})
    qualification = Qualification(
        agency=agency,
        kind=required(kind, "kind", _("Name the qualification.")),
        number=text(number),
        issuer=text(issuer),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    qualification.full_clean()
    qualification.save()
    return qualification


@action(
    PRACTITIONER_ADDED,
    on="agency",
    allow=may_keep("agency"),
    data=lambda arguments, found: {"practitioner": found.name},
)
def add_practitioner(agency, user, *, name, licence_number="", id_number="", note="") -> Practitioner:
    """A practitioner of the agency; the ID number, when given, is kept for those who keep the agency only."""
    id_number = text(id_number).upper()
    if id_number and not ID_NUMBER.fullmatch(id_number):
        raise ValidationError({"id_number": _("An ID number has 18 characters: 17 digits and a digit or X.")})
    practitioner = Practitioner(
        agency=agency,
        name=required(name, "name", _("Give the practitioner's name.")),
        licence_number=text(licence_number),
        id_number=id_number,
        note=text(note),
    )
    practitioner.full_clean()
    practitioner.save()
    return practitioner


@action(
    SERVICE_PURCHASED,
    on="agency",
    allow=may_keep("agency"),
    data=lambda arguments, found: {"subject": found.subject, "amount": str(found.amount)},
)
def add_purchased_service(
    agency, user, *, purchaser, subject, amount, start, end, contract_number="", contract=None
) -> PurchasedService:
    """A service bought from the agency (购买服务) under a contract with the purchasing unit, with the contract
    file when given."""
    if purchaser is None:
        raise ValidationError({"purchaser": _("Choose the purchasing unit.")})
    if purchaser.organisation_id != agency.supervisor.organisation_id:
        raise ValidationError({"purchaser": _("%(unit)s is not a unit of your organisation.") % {"unit": purchaser}})
    start, end = check_period(start, end, PurchasedService)
    service = PurchasedService(
        agency=agency,
        purchaser=purchaser,
        contract_number=text(contract_number),
        subject=required(subject, "subject", _("Say what service was bought.")),
        amount=check_amount(amount, "amount"),
        start=start,
        end=end,
    )
    service.full_clean()
    service.save()
    if contract is not None:
        attachments.attach(user, service, contract, kind=CONTRACT, accept=DOCUMENTS, may_write=_may_write)
    return service


def _may_write(user, service) -> bool:
    from zhichan.core.scoping import can_edit

    return user is None or can_edit(user, service)


@action(
    CONTRACT_ATTACHED,
    on=lambda arguments, found: arguments["service"].agency,
    allow=may_keep("service"),
    data=lambda arguments, found: {"name": found.name},
)
def attach_contract(service, user, uploaded):
    """The contract file of a purchased service (PDF, scan or office file)."""
    return attachments.attach(user, service, uploaded, kind=CONTRACT, accept=DOCUMENTS, may_write=_may_write)


def contract_files(services) -> dict:
    """{purchased service id: [its contract files]}, in one query."""
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Attachment

    ids = [service.pk for service in services]
    found: dict = {pk: [] for pk in ids}
    record_type = ContentType.objects.get_for_model(PurchasedService)
    files = Attachment.objects.filter(record_type=record_type, record_id__in=ids, kind=CONTRACT).order_by("pk")
    for attachment in files:
        found[attachment.record_id].append(attachment)
    return found
