"""The serious-dishonesty list (严重违法失信名单, 市场监督管理严重违法失信名单管理办法, 总局令第44号): listing a party
on a decision, removal at the end of the term, revoking a wrong listing, publishing. Early removal on an approved
credit repair is services/repair.py.

The term runs under the deadline rule `serious-list-term` (3 years, unconfirmed): its clock starts on the listing
and reminds of the removal; a listing is read as off the list from the term's end even before the removal is
entered (`on_list`)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.services import clocks

from ..events import LISTED, LISTING_PUBLISHED, LISTING_REVOKED, REMOVED
from ..models import ON_LIST, ListingState, SeriousListEntry
from .access import may_edit, may_enter, may_publish
from .records import _day, _text
from .settings import SERIOUS_TERM_RULE, serious_term_ends
from .subjects import same_subject, subject_values


def on_list(entry, day: datetime.date | None = None) -> bool:
    """On the list on the day: listed by then, not removed or revoked by then, and its term not over."""
    day = day or timezone.localdate()
    return entry.on_list(day) and day < serious_term_ends(entry.listed_on)


@action(LISTED, allow=may_enter)
def list_subject(
    user,
    *,
    unit,
    subject_kind: str,
    subject_name: str,
    decision_number: str,
    listed_on: datetime.date,
    reasons: str,
    credit_code: str = "",
    id_number: str = "",
    case=None,
    synthetic: bool = False,
) -> SeriousListEntry:
    subject = subject_values(subject_kind, subject_name, credit_code, id_number)
    _day(listed_on, "listed_on", SeriousListEntry, "listed_on")
    number = _text(decision_number, "decision_number", _("Give the listing decision number."))
    current = same_subject(SeriousListEntry.objects.filter(state__in=ON_LIST), subject).first()
    if current is not None and on_list(current, listed_on):
        raise ValidationError(
            {"decision_number": _("The party is already on the list: %(entry)s.") % {"entry": str(current)}}
        )
    entry = SeriousListEntry(
        unit=unit,
        decision_number=number,
        listed_on=listed_on,
        reasons=_text(reasons, "reasons", _("Give the reasons for listing.")),
        case=case,
        synthetic=synthetic,
        created_by=user if getattr(user, "pk", None) else None,
        **subject,
    )
    entry.full_clean()
    entry.save()
    clocks.start_clock(user, entry, SERIOUS_TERM_RULE, listed_on)
    return entry


@action(REMOVED, on="entry", reason="note", allow=may_edit("entry"))
def remove_at_term(entry, user, day: datetime.date, note: str = "") -> SeriousListEntry:
    """移出 at the end of the term: not before the term ends."""
    _day(day, "day", SeriousListEntry, "listed_on")
    if entry.state not in ON_LIST:
        raise ValidationError(_("The party is no longer on the list."))
    ends = serious_term_ends(entry.listed_on)
    if day < ends:
        raise ValidationError(
            {
                "day": _("The term ends on %(day)s; before then only early removal on credit repair is possible.")
                % {"day": f"{ends:%Y-%m-%d}"}
            }
        )
    _refuse_open_repairs(entry, day, note or _("Removed at the end of the term."))
    entry.state, entry.removed_on, entry.removal_note = ListingState.REMOVED, day, (note or "").strip()
    entry.save()
    clocks.stop_clock(user, entry, SERIOUS_TERM_RULE, day)
    return entry


def _refuse_open_repairs(entry, day, reason):
    for repair in entry.repairs.filter(state="asked"):
        repair.state, repair.decided_on, repair.decision_reasons = "refused", day, reason
        repair.save()


@action(LISTING_REVOKED, on="entry", reason="reason", allow=may_edit("entry"))
def revoke_listing(entry, user, day: datetime.date, reason: str) -> SeriousListEntry:
    reason = _text(reason, "reason", _("Say why the listing is revoked."))
    _day(day, "day", SeriousListEntry, "listed_on")
    if entry.state == ListingState.REVOKED:
        raise ValidationError(_("The listing is already revoked."))
    if day < entry.listed_on:
        raise ValidationError({"day": _("The date cannot be before the listing.")})
    _refuse_open_repairs(entry, day, reason)
    was_running = entry.state in ON_LIST
    entry.state, entry.removed_on, entry.removal_note = ListingState.REVOKED, day, reason
    entry.save()
    if was_running:
        clocks.stop_clock(user, entry, SERIOUS_TERM_RULE, day)
    return entry


@action(LISTING_PUBLISHED, on="entry", allow=may_publish)
def publish_listing(entry, user, day: datetime.date) -> SeriousListEntry:
    _day(day, "day", SeriousListEntry, "listed_on")
    if entry.state == ListingState.REVOKED:
        raise ValidationError(_("A revoked listing is not published."))
    entry.published, entry.published_on = True, day
    entry.save()
    return entry
