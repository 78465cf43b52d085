"""Publishing the agency and outlet directories (plan 四(六)2, 一公开) and the expert pool: the office marks a row
published from a date and may withdraw it; the public portal reads only `published_agencies` / `published_outlets`
/ `published_experts`, which give the public fields of the rows published on or before a day — never a
practitioner, an ID number, a phone, a contact person or a note."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system

from ..events import PUBLISHED, WITHDRAWN
from ..models import Agency, Expert, Outlet
from ..models.agencies import kind_labels
from .common import check_day

# The fields the public may read of each directory; anything else stays on the platform.
AGENCY_PUBLIC_FIELDS = ("name", "uscc", "kinds", "region", "address", "contact_phone", "settled_on", "qualifications")
EXPERT_PUBLIC_FIELDS = ("number", "name", "fields", "employer", "title")
OUTLET_PUBLIC_FIELDS = (
    "kind",
    "level",
    "name",
    "host",
    "region",
    "address",
    "basic_services",
    "professional_services",
    "opening_hours",
    "contact_phone",
    "established_on",
)


@action(PUBLISHED, allow=office_or_system, data=lambda arguments, found: {"day": found.published_on.isoformat()})
def publish(record, user, day: datetime.date | None = None):
    """Mark an agency, an outlet or an expert published from the day given (today by default)."""
    if not isinstance(record, Agency | Outlet | Expert):
        raise ValidationError(_("Only agencies, outlets and experts are published here."))
    record.published_on = check_day(day or timezone.localdate(), type(record), "published_on")
    record.save(update_fields=["published_on", "updated"])
    return record


@action(WITHDRAWN, allow=office_or_system)
def withdraw(record, user):
    """Take an agency, an outlet or an expert off the published directory."""
    if record.published_on is None:
        raise ValidationError(_("It is not published."))
    record.published_on = None
    record.save(update_fields=["published_on", "updated"])
    return record


def published_agencies(day: datetime.date | None = None) -> list[dict]:
    """The agencies published on or before the day (today by default), with their public fields only."""
    day = day or timezone.localdate()
    found = (
        Agency.objects.filter(published_on__isnull=False, published_on__lte=day)
        .select_related("region")
        .prefetch_related("qualifications")
        .order_by("name", "pk")
    )
    return [
        {
            "name": agency.name,
            "uscc": agency.uscc,
            "kinds": kind_labels(agency.kinds),
            "region": agency.region.name,
            "address": agency.address,
            "contact_phone": agency.contact_phone,
            "settled_on": agency.settled_on,
            "qualifications": [
                {
                    "kind": q.kind,
                    "number": q.number,
                    "issuer": q.issuer,
                    "valid_to": q.valid_to,
                    "expired": q.expired_on(day),
                }
                for q in agency.qualifications.all()
            ],
        }
        for agency in found
    ]


def published_outlets(day: datetime.date | None = None, kinds=None, excluding=()) -> list[dict]:
    """The outlets and stations published on or before the day (today by default), with their public fields: of
    the kinds given (all by default), but those excluded."""
    day = day or timezone.localdate()
    found = (
        Outlet.objects.filter(published_on__isnull=False, published_on__lte=day)
        .exclude(kind__in=excluding)
        .select_related("region")
        .order_by("kind", "name", "pk")
    )
    if kinds is not None:
        found = found.filter(kind__in=kinds)
    return [
        {
            "kind": outlet.get_kind_display(),
            "level": outlet.get_level_display(),
            "name": outlet.name,
            "host": outlet.host,
            "region": outlet.region.name,
            "address": outlet.address,
            "basic_services": outlet.basic_services,
            "professional_services": outlet.professional_services,
            "opening_hours": outlet.opening_hours,
            "contact_phone": outlet.contact_phone,
            "established_on": outlet.established_on,
        }
        for outlet in found
    ]


def published_experts(day: datetime.date | None = None) -> list[dict]:
    """The experts published on or before the day (today by default), with their public fields only: number, name,
    fields of expertise, employer and title."""
    day = day or timezone.localdate()
    found = Expert.objects.filter(published_on__isnull=False, published_on__lte=day).order_by("number")
    return [
        {**{name: getattr(expert, name) for name in EXPERT_PUBLIC_FIELDS}, "field_labels": expert.field_labels()}
        for expert in found
    ]
