"""A round from opening to closing, each step an action of its user.

The office opens a round of a scheme for a year or a half-year with an as-of date: every unit of every group is
entered with every item, and the automatic items are measured as of that date. Units assess their manual items
with evidence and submit; the office closes the self-assessment, reviews and adjusts any item with a reason (an
item's assessor unit may review its own items), and sends the round for approval; the leadership approves or
sends it back; the office publishes it, and each unit then reads its result and may appeal until the deadline.
The office closes the round once the appeals are decided: it is then frozen."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history

from zhichan.core.actions import action, office_or_unit_liaison, own_office_or_system
from zhichan.core.bulk_work import insert_rows, without_collector_pauses
from zhichan.core.events import record
from zhichan.core.inputs import past_day
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.services.calendar import add_workdays

from ..events import (
    ITEM_REVIEWED,
    REVIEW_STARTED,
    ROUND_APPROVED,
    ROUND_CLOSED,
    ROUND_OPENED,
    ROUND_PUBLISHED,
    ROUND_RECOMPUTED,
    ROUND_SENT_BACK,
    SELF_ASSESSED,
    SELF_SUBMITTED,
    SENT_FOR_APPROVAL,
)
from ..models import AppealState, ItemScore, Participant, ParticipantState, Round, RoundState
from ..points import shown
from . import telling
from .schemes import units_of
from .scoring import figures, measure_round, settle


def _office(arguments) -> object:
    found = arguments.get("assessment_round") or arguments.get("scheme")
    return getattr(found, "organisation", None)


office = own_office_or_system(_office)


def period_of(year: int, half: int | None) -> tuple[datetime.date, datetime.date]:
    if half is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if half == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def _state(assessment_round, *states, message):
    if assessment_round.state not in states:
        raise ValidationError(message)


@action(ROUND_OPENED, allow=office)
def open_round(
    user, *, scheme, year: int, half: int | None = None, as_of=None, title: str = "", synthetic: bool = False
) -> Round:
    """Open a round of the scheme as it is today, measure its automatic items and settle every unit's score."""
    if half not in (None, 1, 2):
        raise ValidationError({"half": _("Choose the first or the second half of the year, or the whole year.")})
    start, end = period_of(year, half)
    today = timezone.localdate()
    if start > today:
        raise ValidationError({"year": _("The period has not begun yet: open a round for a period under way or past.")})
    as_of = past_day(as_of, "as_of", default=min(end, today))
    if not start <= as_of <= end:
        raise ValidationError(
            {"as_of": _("Choose an as-of date within the period, %(start)s to %(end)s.") % {"start": start, "end": end}}
        )
    same = Round.objects.filter(scheme=scheme, year=year, half=half).first()
    if same is not None:
        raise ValidationError(_("%(round)s already assesses this period.") % {"round": same.title})
    data = scheme.data
    with translation.override(settings.LANGUAGE_CODE):  # a round's title is a record, in the platform's language
        period = {
            None: _("year %(year)s"),
            1: _("first half of %(year)s"),
            2: _("second half of %(year)s"),
        }[half] % {"year": year}
    assessment_round = Round(
        scheme=scheme,
        data=data,
        title=(title or "").strip() or _title(period),
        year=year,
        half=half,
        period_start=start,
        period_end=end,
        as_of=as_of,
        organisation=scheme.organisation,
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    assessment_round.full_clean()
    assessment_round.save()
    _enter_units(assessment_round)
    return assessment_round


def _title(period: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("%(period)s target-responsibility assessment") % {"period": period}


ITEM_FIELDS = ["participant", "key", "kind", "source", "order", "max_points", "assessor"]


def _enter_units(assessment_round) -> None:
    assessors = {unit.key: unit for unit in assessment_round.organisation.organisation_units.all()}
    placed, entered = {}, []
    for group in assessment_round.data["groups"]:
        for unit in units_of(group, assessment_round.organisation):
            if unit.pk in placed:
                raise ValidationError(
                    _("%(unit)s falls in two groups, %(first)s and %(second)s: a unit is assessed in one group.")
                    % {"unit": unit.name, "first": placed[unit.pk], "second": group["name"]}
                )
            placed[unit.pk] = group["name"]
            entered.append(Participant(round=assessment_round, unit=unit, group=group["key"]))
    if not entered:
        raise ValidationError(_("No unit falls in the scheme's groups: load the organisation's units first."))
    entered = bulk_create_with_history(entered, Participant, batch_size=1000)
    with without_collector_pauses():
        _enter_items(assessment_round, entered, assessors)


def _enter_items(assessment_round, entered, assessors) -> None:
    """Every item of every unit written once, its automatic figure measured first; the units' totals settled."""
    automatic = [
        (participant.pk, item["key"])
        for participant in entered
        for item in assessment_round.group(participant.group)["items"]
        if item["source"] != "manual"
    ]
    found = figures(assessment_round, entered, automatic)
    rows, lines = [], defaultdict(list)
    for participant in entered:
        for order, item in enumerate(assessment_round.group(participant.group)["items"]):
            kind = item["kind"]
            limit = Decimal(str(item["weight"] if kind == "score" else item["cap"] if kind != "veto" else 1))
            assessor = assessors[item["assessor"]].pk if item["assessor"] in assessors else None
            measured = found.get((participant.pk, item["key"]), (None, None, {}))
            rows.append((participant.pk, item["key"], kind, item["source"], order, limit, assessor, *measured))
            lines[participant.pk].append((kind, limit, measured[1]))
    insert_rows(ItemScore, [*ITEM_FIELDS, "value", "auto_points", "basis"], rows)
    assessment_round.computed_at = timezone.now()
    assessment_round.save(update_fields=["computed_at"])
    settle(assessment_round, lines)


@action(ROUND_RECOMPUTED, on="assessment_round", allow=office)
def recompute(assessment_round, user) -> Round:
    """Measure the automatic items again as of the round's date (records entered late); not once approved."""
    _state(
        assessment_round,
        RoundState.OPEN,
        RoundState.REVIEW,
        message=_("The results are approved: the automatic items are no longer measured again."),
    )
    measure_round(assessment_round)
    settle(assessment_round)
    return assessment_round


def _unit_or_office(user, arguments) -> bool:
    return office_or_unit_liaison(user, arguments["item"].participant, "participant")


@action(
    SELF_ASSESSED, on="item", allow=_unit_or_office, data=lambda a, r: {"item": r.name, "points": shown(r.self_points)}
)
def self_assess(item, user, *, points=None, note: str = "") -> ItemScore:
    """The unit's own score of a manual item (or claim of a bonus), with what it did; its note on any item."""
    participant = item.participant
    _state(participant.round, RoundState.OPEN, message=_("The self-assessment of this round is closed."))
    if participant.state != ParticipantState.DRAFT:
        raise ValidationError(_("The self-assessment is submitted: it is no longer changed."))
    if points is not None:
        if not item.manual or item.kind == "veto":
            raise ValidationError({"points": _("The platform scores this item from its records.")})
        if not 0 <= points <= item.max_points:
            raise ValidationError({"points": _("Give between 0 and %(max)s points.") % {"max": shown(item.max_points)}})
    item.self_points = points if item.manual else item.self_points
    item.self_note = (note or "").strip()
    item.save(update_fields=["self_points", "self_note"])
    return item


@action(
    SELF_SUBMITTED,
    on="participant",
    allow=lambda user, a: office_or_unit_liaison(user, a["participant"], "participant"),
)
def submit_self(participant, user) -> Participant:
    _state(participant.round, RoundState.OPEN, message=_("The self-assessment of this round is closed."))
    if participant.state != ParticipantState.DRAFT:
        raise ValidationError(_("The self-assessment is already submitted."))
    missing = participant.items.filter(source="manual", kind="score", self_points__isnull=True).first()
    if missing is not None:
        raise ValidationError(_("Score every manual item first: %(item)s has no score.") % {"item": missing.name})
    participant.state, participant.submitted_at = ParticipantState.SUBMITTED, timezone.now()
    participant.save(update_fields=["state", "submitted_at"])
    settle(participant.round)
    return participant


@action(REVIEW_STARTED, on="assessment_round", allow=office)
def start_review(assessment_round, user) -> Round:
    """Close the self-assessment: a unit that has not submitted is reviewed on what the platform measured."""
    _state(assessment_round, RoundState.OPEN, message=_("Only a round in self-assessment goes to review."))
    assessment_round.participants.filter(state=ParticipantState.DRAFT).update(state=ParticipantState.MISSED)
    assessment_round.state = RoundState.REVIEW
    assessment_round.save(update_fields=["state"])
    settle(assessment_round)
    return assessment_round


def may_review(user, item) -> bool:
    """The office, or a liaison of the unit named as the item's assessor."""
    if role_of(user) == Role.OFFICE:
        return office(user, {"assessment_round": item.participant.round})
    return role_of(user) in LIAISONS and item.assessor_id is not None and user.unit_id == item.assessor_id


def _reviewer(user, arguments) -> bool:
    return user is None or may_review(user, arguments["item"])


def _reviewed(item) -> str:
    if item.kind == "veto":
        return _("the veto applies") if item.points else _("does not apply")
    return shown(item.points)


@action(allow=_reviewer)
def review_item(item, user, *, points, reason: str = "", settle_round: bool = True) -> ItemScore:
    """Settle an item's points in the review, with the reason whenever they differ from what counted before (a
    veto item: 1 when the veto applies, 0 when it does not). Saving the same points and reason again changes
    nothing and leaves no event. `settle_round` False: the caller settles the round once for many items."""
    _state(item.participant.round, RoundState.REVIEW, message=_("Items are reviewed while the round is in review."))
    limit = item.max_points
    if points is None or not 0 <= points <= limit:
        raise ValidationError({"points": _("Give between 0 and %(max)s points.") % {"max": shown(limit)}})
    # What the platform measured, else what the unit claimed: a review that departs from it says why, and so
    # does a veto applied. Saving the same points again keeps the reason given before.
    given = item.auto_points if item.auto_points is not None else None
    if given is None and item.participant.state == ParticipantState.SUBMITTED:
        given = item.self_points
    reason = (reason or "").strip() or (item.reason if points == item.points else "")
    if not reason and item.kind == "veto" and points > 0:
        raise ValidationError({"reason": _("Say why the veto applies.")})
    if not reason and given is not None and points != given:
        raise ValidationError({"reason": _("Say why the points change from %(before)s.") % {"before": shown(given)}})
    if (points, reason) == (item.points, item.reason):
        return item
    item.points, item.reason = points, reason
    item.reviewed_by, item.reviewed_at = user if getattr(user, "pk", None) else None, timezone.now()
    item.save(update_fields=["points", "reason", "reviewed_by", "reviewed_at"])
    if settle_round:
        settle(item.participant.round)
    record(user, ITEM_REVIEWED, item, reason=reason, item=item.name, points=_reviewed(item))
    return item


def assessor_items(assessment_round, user=None):
    """Items an assessor unit scores: a scored item of every unit, and a bonus a unit has claimed. For a user, those
    the user scores: any for the office, its unit's for a liaison."""
    claimed = Q(kind="bonus", self_points__isnull=False, participant__state=ParticipantState.SUBMITTED)
    found = ItemScore.objects.filter(Q(kind="score") | claimed, participant__round=assessment_round)
    if user is not None:
        found = found.visible_to(user)
        if role_of(user) != Role.OFFICE:
            found = found.filter(assessor_id=user.unit_id) if user.unit_id else found.none()
    return found.filter(assessor__isnull=False).order_by("participant__unit__order", "participant__unit__pk", "order")


def awaiting_assessors(assessment_round):
    """The items an assessor unit scores that have no score yet."""
    return assessor_items(assessment_round).filter(points__isnull=True)


def review_items(user, scores) -> dict:
    """Several items reviewed at once (an assessor's table): each as `review_item`, with its own event; all or
    none. `scores`: (item, points, reason). Returns {item id: the error} of those refused, and then saves nothing."""
    refused, reviewed = {}, set()
    with transaction.atomic():
        for item, points, reason in scores:
            try:
                with transaction.atomic():
                    review_item(item, user, points=points, reason=reason, settle_round=False)
                    reviewed.add(item.participant.round)
            except ValidationError as error:
                refused[item.pk] = error
        if refused:
            transaction.set_rollback(True)
        else:
            for assessment_round in reviewed:  # the totals once, not once per item
                settle(assessment_round)
    return refused


@action(SENT_FOR_APPROVAL, on="assessment_round", allow=office)
def send_for_approval(assessment_round, user) -> Round:
    _state(assessment_round, RoundState.REVIEW, message=_("Only a round in review is sent for approval."))
    waiting = awaiting_assessors(assessment_round)
    first = waiting.select_related("participant__unit", "assessor").first()
    if first is not None:
        count = waiting.count()
        raise ValidationError(
            ngettext(
                "%(count)s item waits for its assessor's score, %(item)s of %(unit)s (assessed by %(assessor)s): "
                "the assessor or the office reviews it before the round goes for approval.",
                "%(count)s items wait for their assessor's score, the first %(item)s of %(unit)s (assessed by "
                "%(assessor)s): the assessor or the office reviews them before the round goes for approval.",
                count,
            )
            % {
                "count": count,
                "item": first.name,
                "unit": first.participant.unit.display_name,
                "assessor": first.assessor.display_name,
            }
        )
    assessment_round.state = RoundState.APPROVAL
    assessment_round.save(update_fields=["state"])
    telling.awaiting_approval(assessment_round)
    return assessment_round


def leadership(user, arguments) -> bool:
    """The leadership of the round's own organisation (or the system)."""
    if user is None:
        return True
    if role_of(user) != Role.LEADER:
        return False
    return not user.unit_id or user.unit.organisation_id == arguments["assessment_round"].organisation_id


@action(ROUND_APPROVED, on="assessment_round", reason="note", allow=leadership)
def approve(assessment_round, user, *, note: str = "", approved_on=None) -> Round:
    _state(assessment_round, RoundState.APPROVAL, message=_("Only a round awaiting approval is approved."))
    assessment_round.state = RoundState.APPROVED
    assessment_round.approved_by = user if getattr(user, "pk", None) else None
    assessment_round.approved_on = past_day(approved_on, "approved_on")
    assessment_round.save(update_fields=["state", "approved_by", "approved_on"])
    return assessment_round


@action(ROUND_SENT_BACK, on="assessment_round", reason="reason", allow=leadership)
def send_back(assessment_round, user, *, reason: str) -> Round:
    _state(assessment_round, RoundState.APPROVAL, message=_("Only a round awaiting approval is sent back."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say what the office should look at again.")})
    assessment_round.state = RoundState.REVIEW
    assessment_round.save(update_fields=["state"])
    telling.sent_back(assessment_round, reason.strip())
    return assessment_round


@action(ROUND_PUBLISHED, on="assessment_round", allow=office)
def publish(assessment_round, user, *, published_on=None) -> Round:
    """Publish the results to the units; appeals are taken for the scheme's number of working days."""
    _state(assessment_round, RoundState.APPROVED, message=_("Only approved results are published."))
    day = past_day(published_on, "published_on")
    if day < assessment_round.approved_on:
        raise ValidationError(
            {
                "published_on": _("Results are published on or after the day they were approved, %(day)s.")
                % {"day": assessment_round.approved_on}
            }
        )
    assessment_round.state, assessment_round.published_on = RoundState.PUBLISHED, day
    assessment_round.appeal_deadline = add_workdays(day, assessment_round.data["appeal_days"]).date
    assessment_round.save(update_fields=["state", "published_on", "appeal_deadline"])
    telling.published(assessment_round)
    return assessment_round


@action(ROUND_CLOSED, on="assessment_round", allow=office)
def close(assessment_round, user) -> Round:
    """Close the round once the time to appeal has passed and every appeal is decided: it is then frozen."""
    _state(assessment_round, RoundState.PUBLISHED, message=_("Only a published round is closed."))
    today = timezone.localdate()
    if today <= assessment_round.appeal_deadline:
        raise ValidationError(
            _("Units may appeal until %(date)s: close the round after that day.")
            % {"date": f"{assessment_round.appeal_deadline:%Y-%m-%d}"}
        )
    pending = Participant.objects.filter(round=assessment_round, appeals__state=AppealState.PENDING).first()
    if pending is not None:
        raise ValidationError(_("The appeal of %(unit)s is still to be decided.") % {"unit": pending.unit.name})
    assessment_round.state, assessment_round.closed_on = RoundState.CLOSED, today
    assessment_round.save(update_fields=["state", "closed_on"])
    return assessment_round
