"""Credit subjects: whom a record names, and which subjects get a grade.

A subject is an enterprise or a service agency, known by its unified social credit code, or a person, known by
name and ID number (kept private: core/identities.py). `subjects()` yields the subjects graded; each source is one
function in SOURCES, so another register of organisations with credit codes is one more line there."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.bulk_work import plain_rows
from zhichan.core.identities import id_shown, masked_name
from zhichan.registry.models import Enterprise
from zhichan.registry.services.enterprises import enterprise_with

from ..models import SubjectKind

CREDIT_CODE = re.compile(r"[0-9A-Z]{18}")
ID_NUMBER = re.compile(r"\d{17}[\dX]")


@dataclass(frozen=True)
class Subject:
    kind: str
    credit_code: str
    name: str
    region_id: int | None


def enterprises() -> Iterator[tuple]:
    """Every registry enterprise not merged away: (kind, credit code, name, region id)."""
    rows = Enterprise.objects.filter(merged_into__isnull=True, uscc__isnull=False).exclude(uscc="").order_by("uscc")
    # Read at once (a server-side cursor would cost more than the rows' memory at 200,000).
    for code, name, region in plain_rows(rows.values_list("uscc", "name", "region_id")):
        yield (SubjectKind.ENTERPRISE, code, name, region)


def agencies() -> Iterator[tuple]:
    """Every IP service agency of the services module: (kind, credit code, name, region id)."""
    from zhichan.services.models import Agency

    for code, name, region in Agency.objects.order_by("uscc").values_list("uscc", "name", "region_id"):
        yield (SubjectKind.AGENCY, code, name, region)


# The registers whose subjects are graded, each yielding (kind, credit code, name, region id).
SOURCES = [enterprises, agencies]


def subjects() -> Iterator[tuple]:
    """The subjects whose grades are computed, each credit code once (the first source naming it wins)."""
    seen = set()
    for source in SOURCES:
        for row in source():
            if row[1] not in seen:
                seen.add(row[1])
                yield row


def subject_values(subject_kind: str, subject_name: str, credit_code: str = "", id_number: str = "") -> dict:
    """The subject fields of a record, checked: an organisation by its credit code (linked to the registry's
    enterprise), a person by ID number. Raises ValidationError naming the field."""
    name = (subject_name or "").strip()
    code = (credit_code or "").strip().upper()
    number = (id_number or "").strip().upper()
    if subject_kind not in SubjectKind.values:
        raise ValidationError({"subject_kind": _("Choose the kind of subject.")})
    if not name:
        raise ValidationError({"subject_name": _("Give the party's name.")})
    if subject_kind == SubjectKind.PERSON:
        if code:
            raise ValidationError({"credit_code": _("A person is known by an ID number, not a credit code.")})
        if not ID_NUMBER.fullmatch(number):
            raise ValidationError({"id_number": _("An ID number has 18 characters: 17 digits and a digit or X.")})
    else:
        if number:
            raise ValidationError({"id_number": _("An organisation is known by its credit code, not an ID number.")})
        if not CREDIT_CODE.fullmatch(code):
            raise ValidationError({"credit_code": _("A unified social credit code has 18 letters and digits.")})
    return {
        "subject_kind": subject_kind,
        "subject_name": name,
        "credit_code": code,
        "id_number": number,
        "enterprise": enterprise_with(code),
    }


def same_subject(queryset, values: dict):
    """The rows of the queryset naming the same subject: the credit code, or a person's ID number."""
    if values["credit_code"]:
        return queryset.filter(credit_code=values["credit_code"])
    return queryset.filter(subject_kind=SubjectKind.PERSON, id_number=values["id_number"])


def shown_name(row, user) -> str:
    """A person's name masked for those who may not read the person's identity; an organisation's in full."""
    if row.subject_kind != SubjectKind.PERSON or id_shown(row.id_number, user, row.unit) == row.id_number:
        return row.subject_name
    return masked_name(row.subject_name)


def shown_id(row, user) -> str:
    return id_shown(row.id_number, user, row.unit)
