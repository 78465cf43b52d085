"""GB/T 29490 certificates (贯标): recorded, corrected, renewed and removed, each an action that leaves an event.

The office records any enterprise's certificate, and an enterprise user its own enterprise's (it holds the paper);
only the office removes one. The scan of the certificate goes through core's attachments. A certificate number is
unique per certification body. The rules of validity are the model's (models/certifications.py); docs/registry.md.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.events import record
from zhichan.core.models import Attachment
from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS

from ..events import CERTIFICATION_CHANGED, CERTIFICATION_RECORDED, CERTIFICATION_REMOVED, CERTIFICATION_RENEWED
from ..models import Certification, Enterprise, StandardVersion
from ..models.certifications import default_expiry
from .enterprises import enterprise_named

SCAN = "certificate-scan"  # the attachment kind of a certificate's scan
FIELDS = ("standard_version", "body", "number", "issued_on", "expires_on", "note")


def may_keep(user, enterprise: Enterprise) -> bool:
    """The office (or the system) for any enterprise; an enterprise user for its own."""
    if office_or_system(user):
        return True
    return role_of(user) == Role.ENTERPRISE and can_edit(user, enterprise)


def _may_record(user, arguments) -> bool:
    return may_keep(user, arguments["enterprise"])


def _may_change(user, arguments) -> bool:
    return may_keep(user, arguments["certification"].enterprise)


def _may_write_scan(user, certification) -> bool:
    # The action has already checked the user; the system (an import, the demo) has no scope of its own.
    return user is None or can_edit(user, certification)


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _values(fields: dict) -> dict:
    values = {name: fields[name] for name in FIELDS if name in fields}
    for name in ("body", "number"):
        if name in values:
            values[name] = _text(values[name])
    if "note" in values:
        values["note"] = str(values["note"] or "").strip()
    return values


def _check(certification: Certification):
    """The number is free at the body (the message names who holds it), then the model's own rules."""
    if certification.expires_on is None and certification.issued_on is not None:
        certification.expires_on = default_expiry(certification.issued_on)
    if certification.standard_version not in StandardVersion.values:
        raise ValidationError({"standard_version": _("Choose the version of GB/T 29490: 2013 or 2023.")})
    taken = (
        Certification.objects.filter(body=certification.body, number=certification.number)
        .exclude(pk=certification.pk)
        .select_related("enterprise")
        .first()
    )
    if taken is not None and certification.number:
        raise ValidationError(
            {
                "number": _("%(body)s's certificate %(number)s is already recorded, for %(enterprise)s.")
                % {"body": taken.body, "number": taken.number, "enterprise": taken.enterprise}
            }
        )
    certification.full_clean(validate_constraints=False)


def _attach(user, certification, scan):
    if scan is not None:
        attachments.attach(user, certification, scan, kind=SCAN, accept=DOCUMENTS, may_write=_may_write_scan)


@action(CERTIFICATION_RECORDED, allow=_may_record, data=lambda arguments, found: {"number": found.number})
def record_certification(
    user,
    enterprise: Enterprise,
    *,
    standard_version: str,
    body: str,
    number: str,
    issued_on: datetime.date,
    expires_on: datetime.date | None = None,
    note: str = "",
    scan=None,
    synthetic: bool = False,
    import_batch=None,
) -> Certification:
    """A certificate the enterprise holds; without `expires_on` it runs 3 years less a day from its issue."""
    values = {
        "standard_version": standard_version,
        "body": body,
        "number": number,
        "issued_on": issued_on,
        "expires_on": expires_on,
        "note": note,
    }
    certification = Certification(
        enterprise=enterprise, synthetic=synthetic, import_batch=import_batch, **_values(values)
    )
    _check(certification)
    certification.save()
    _attach(user, certification, scan)
    return certification


@action(allow=_may_change)
def change_certification(certification: Certification, user, *, scan=None, import_batch=None, **fields) -> list[str]:
    """Correct what was recorded (any of FIELDS, and a scan to add); returns the fields changed, and records an
    event only when something changed."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"not a certificate field: {sorted(unknown)}")
    values = _values(fields)
    if "expires_on" in values and values["expires_on"] is None:
        values["expires_on"] = default_expiry(values.get("issued_on") or certification.issued_on)
    changed = [name for name, value in values.items() if getattr(certification, name) != value]
    for name in changed:
        setattr(certification, name, values[name])
    if changed:
        if import_batch is not None:
            certification.import_batch = import_batch
        _check(certification)
        certification.save()
    _attach(user, certification, scan)
    if changed or scan is not None:
        record(user, CERTIFICATION_CHANGED, certification, fields=changed, scan=scan is not None)
    return changed


@action(
    CERTIFICATION_RENEWED,
    allow=_may_change,
    data=lambda arguments, found: {"renews": arguments["certification"].number, "number": found.number},
)
def renew_certification(
    certification: Certification,
    user,
    *,
    number: str,
    issued_on: datetime.date,
    expires_on: datetime.date | None = None,
    standard_version: str = StandardVersion.V2023,
    body: str = "",
    note: str = "",
    scan=None,
) -> Certification:
    """The new certificate of a re-certification, or of a conversion to the 2023 version: a record of its own that
    names the one it replaces, which stays as it was (by default the same body, the 2023 version)."""
    if issued_on is not None and issued_on < certification.issued_on:
        raise ValidationError({"issued_on": _("The new certificate is issued on or after the one it renews.")})
    renewal = Certification(
        enterprise=certification.enterprise,
        renews=certification,
        **_values(
            {
                "standard_version": standard_version,
                "body": body or certification.body,
                "number": number,
                "issued_on": issued_on,
                "expires_on": expires_on,
                "note": note,
            }
        ),
    )
    _check(renewal)
    renewal.save()
    _attach(user, renewal, scan)
    return renewal


@action(
    CERTIFICATION_REMOVED,
    on=lambda arguments, result: arguments["certification"].enterprise,
    allow=lambda user, arguments: office_or_system(user, arguments),
    data=lambda arguments, result: {"number": result, "body": arguments["certification"].body},
)
def remove_certification(certification: Certification, user) -> str:
    """Remove a certificate recorded in error, with its scans (the office only); returns its number. A certificate
    that ran out stays: its history is the enterprise's."""
    number = certification.number
    for scan in Attachment.objects.on(certification):
        attachments.remove(user, scan, may_write=_may_write_scan)
    certification.delete()
    return number


def scans_of(certifications) -> dict:
    """{certificate id: [its scans]}, in one query."""
    ids = [certification.pk for certification in certifications]
    found: dict = {pk: [] for pk in ids}
    if not ids:
        return found
    from django.contrib.contenttypes.models import ContentType

    record_type = ContentType.objects.get_for_model(Certification)
    for scan in Attachment.objects.filter(record_type=record_type, record_id__in=ids).order_by("pk"):
        found[scan.record_id].append(scan)
    return found


def import_certification(user, record: dict, import_batch=None) -> str:
    """One row of a certification ledger (imports.py): the enterprise by its credit code; a certificate already
    recorded (the same body and number) is corrected, for the same enterprise only. Returns "created", "updated"
    or "unchanged"."""
    enterprise = enterprise_named("uscc", record.get("uscc"))
    if enterprise is None:
        raise ValidationError({"uscc": _("Give the enterprise's unified social credit code.")})
    fields = {name: record.get(name) for name in FIELDS if name in record}
    existing = Certification.objects.filter(body=_text(record.get("body")), number=_text(record.get("number")))
    existing = existing.select_related("enterprise").first()
    if existing is None:
        record_certification(user, enterprise, import_batch=import_batch, **fields)
        return "created"
    if existing.enterprise_id != enterprise.pk:
        raise ValidationError(
            {
                "number": _("%(body)s's certificate %(number)s is already recorded, for %(enterprise)s.")
                % {"body": existing.body, "number": existing.number, "enterprise": existing.enterprise}
            }
        )
    changed = change_certification(existing, user, import_batch=import_batch, **fields)
    return "updated" if changed else "unchanged"
