"""Dishonesty records (失信记录): entering one (by hand, from a case, an inspection or an imported national list),
changing its publication period with a reason, revoking a wrong one, publishing it. Each an action: the acting
user, the permission, one transaction, an event. Credit repair is services/repair.py.

The publication period runs from the finding for the kind's `measure_months` (the measures last as long); a new
finding against the same subject while an earlier record is published extends the earlier one to the new end
(知识产权信用管理规定: a new finding within the year extends the measures)."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.clocks import add_months
from zhichan.core.events import record as record_event
from zhichan.core.plausible import date_problem

from ..events import RECORD_ENTERED, RECORD_EXTENDED, RECORD_PERIOD_CHANGED, RECORD_PUBLISHED, RECORD_REVOKED
from ..models import RUNNING, DishonestyRecord, RecordSource, RecordState
from .access import may_edit, may_enter, may_publish
from .subjects import same_subject, subject_values


def published_on(day) -> Q:
    """Records still published on the day: found by then, period not over, not repaired or revoked by then."""
    running = Q(state__in=RUNNING) | Q(state=RecordState.REPAIRED, ended_on__gt=day)
    return Q(found_on__lte=day, published_to__gte=day) & running


def period_end(kind, found_on: datetime.date) -> datetime.date:
    """The last day of publication: the day before the same date `measure_months` later."""
    return add_months(found_on, kind.measure_months) - datetime.timedelta(days=1)


def _day(value, field: str, model=DishonestyRecord, name="found_on"):
    if value is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(value, model, name)
    if problem:
        raise ValidationError({field: problem})
    return value


def _text(value, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def duplicate_of(values: dict, kind, document_number: str):
    """The record (not revoked) of the same subject, kind and document number, if there is one."""
    found = DishonestyRecord.objects.filter(kind=kind, document_number=document_number).exclude(
        state=RecordState.REVOKED
    )
    return same_subject(found, values).first()


def duplicate_message(existing) -> str:
    return _("The same record is already entered: %(record)s (found on %(day)s, no. %(pk)d).") % {
        "record": str(existing),
        "day": f"{existing.found_on:%Y-%m-%d}",
        "pk": existing.pk,
    }


@action(RECORD_ENTERED, allow=may_enter)
def enter_record(
    user,
    *,
    unit,
    subject_kind: str,
    subject_name: str,
    kind,
    source: str,
    found_on: datetime.date,
    document_number: str,
    facts: str,
    credit_code: str = "",
    id_number: str = "",
    case=None,
    inspection_reference: str = "",
    measures: list | None = None,
    synthetic: bool = False,
) -> DishonestyRecord:
    subject = subject_values(subject_kind, subject_name, credit_code, id_number)
    if source not in RecordSource.values:
        raise ValidationError({"source": _("Choose where the finding comes from.")})
    if source == RecordSource.CASE and case is None:
        raise ValidationError({"case": _("Name the enforcement case the finding comes from.")})
    if source == RecordSource.INSPECTION and not (inspection_reference or "").strip():
        raise ValidationError({"inspection_reference": _("Give the inspection's reference.")})
    _day(found_on, "found_on")
    number = _text(document_number, "document_number", _("Give the document number."))
    existing = duplicate_of(subject, kind, number)
    if existing is not None:
        raise ValidationError({"document_number": duplicate_message(existing)})
    row = DishonestyRecord(
        unit=unit,
        kind=kind,
        source=source,
        case=case if source == RecordSource.CASE else None,
        inspection_reference=(inspection_reference or "").strip(),
        found_on=found_on,
        document_number=number,
        facts=_text(facts, "facts", _("Give the facts found.")),
        measures=list(measures) if measures else list(kind.measures),
        published_from=found_on,
        published_to=period_end(kind, found_on),
        synthetic=synthetic,
        created_by=user if getattr(user, "pk", None) else None,
        **subject,
    )
    row.full_clean()
    row.save()
    _extend_earlier(user, row)
    return row


def _subject_of(row) -> dict:
    return {"credit_code": row.credit_code, "id_number": row.id_number}


def _extend_earlier(user, row):
    """Earlier records of the subject still published on the new finding's day run on to the new end."""
    earlier = same_subject(DishonestyRecord.objects.filter(state__in=RUNNING), _subject_of(row))
    earlier = earlier.exclude(pk=row.pk).filter(published_to__gte=row.found_on, published_to__lt=row.published_to)
    for other in earlier:
        other.published_to = row.published_to
        other.period_reason = _("Extended by the finding %(number)s of %(day)s.") % {
            "number": row.document_number,
            "day": f"{row.found_on:%Y-%m-%d}",
        }
        other.save()
        record_event(user, RECORD_EXTENDED, other, reason=other.period_reason, by=row.pk)


@action(RECORD_PERIOD_CHANGED, on="record", reason="reason", allow=may_edit("record"))
def change_period(record, user, published_to: datetime.date, reason: str) -> DishonestyRecord:
    reason = _text(reason, "reason", _("Say why the period changes."))
    if record.state not in RUNNING:
        raise ValidationError(_("Only a record in force has a period to change."))
    if published_to is None or published_to < record.published_from:
        raise ValidationError({"published_to": _("The period cannot end before it begins.")})
    record.published_to = published_to
    record.period_reason = reason
    record.full_clean()
    record.save()
    return record


@action(RECORD_REVOKED, on="record", reason="reason", allow=may_edit("record"))
def revoke_record(record, user, day: datetime.date, reason: str) -> DishonestyRecord:
    """撤销: a record found wrong stays, marked revoked with the reason; it no longer counts anywhere."""
    reason = _text(reason, "reason", _("Say why the record is revoked."))
    _day(day, "day")
    if record.state == RecordState.REVOKED:
        raise ValidationError(_("The record is already revoked."))
    if day < record.found_on:
        raise ValidationError({"day": _("The date cannot be before the finding.")})
    for repair in record.repairs.filter(state="asked"):
        repair.state, repair.decided_on, repair.decision_reasons = "refused", day, reason
        repair.save()
    record.state, record.ended_on, record.revoked_reason = RecordState.REVOKED, day, reason
    record.save()
    return record


@action(RECORD_PUBLISHED, on="record", allow=may_publish)
def publish_record(record, user, day: datetime.date) -> DishonestyRecord:
    _day(day, "day")
    if record.state == RecordState.REVOKED:
        raise ValidationError(_("A revoked record is not published."))
    record.published, record.published_on = True, day
    record.save()
    return record
