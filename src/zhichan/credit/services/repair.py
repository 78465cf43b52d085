"""Credit repair (信用修复): applications to end a dishonesty record's publication early, or to be removed early
from the serious-dishonesty list, reviewed by the office or the unit that made the finding.

When one may be asked:
- a record: from `repair_after_months` after the finding (6 months, unconfirmed: the kind's setting), while it is
  still published, and not while the subject is on the serious list (市场监督管理信用修复管理办法);
- a listing: after at least `early_removal_after_years` on the list (1 year) and before its term ends (3 years)
  (总局令第44号).
Asked too early, it is refused naming the day it becomes possible. Every condition must be declared met. The review
runs on the clock `credit-repair-review` (its period unconfirmed, a setting); approval ends the record's publication
(or removes the listing) on the day of the decision."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhichan.core.actions import action
from zhichan.core.clocks import add_months
from zhichan.core.services import clocks

from ..events import REMOVAL_ASKED, REMOVAL_REFUSED, REMOVED_EARLY, REPAIR_APPROVED, REPAIR_ASKED, REPAIR_REFUSED
from ..models import ON_LIST, ListingState, RecordState, RepairApplication, RepairState, SeriousListEntry, Standing
from .access import may_edit
from .records import _day, _text
from .serious import on_list
from .settings import REVIEW_RULE, SERIOUS_TERM_RULE, early_removal_after_years, serious_term_ends
from .subjects import same_subject

# The conditions of 市场监督管理信用修复管理办法 and 令第45号 arts. 13–14 (a record's publication ended early).
RECORD_CONDITIONS = {
    "duties-done": gettext_lazy("The duties set by the decision have been performed"),
    "harm-removed": gettext_lazy("Things have been put right and the harmful effects removed"),
    "no-repeat": gettext_lazy("No repeat of the same violation"),
    "not-listed": gettext_lazy("Not on the serious-dishonesty list or the abnormal-operations list"),
}
# The four conditions of early removal from the serious list (总局令第44号).
LISTING_CONDITIONS = {
    "measures-expired": gettext_lazy("Any management measure set by law has expired"),
    "penalty-performed": gettext_lazy("The penalty has been performed"),
    "harm-removed": gettext_lazy("Things have been put right and the harmful effects removed"),
    "no-further-penalty": gettext_lazy("No further heavier administrative penalty"),
}


def record_repair_from(record) -> datetime.date:
    return add_months(record.found_on, record.kind.repair_after_months)


def listing_removal_from(entry) -> datetime.date:
    return add_months(entry.listed_on, 12 * early_removal_after_years())


def _conditions(given, expected: dict) -> list[str]:
    given = list(given or [])
    missing = [str(label) for key, label in expected.items() if key not in given]
    if missing:
        raise ValidationError(
            {"conditions": _("Every condition must be met: %(missing)s.") % {"missing": "；".join(missing)}}
        )
    return [key for key in expected if key in given]


def _application(target_field: str, target, user, asked_on, conditions, statement) -> RepairApplication:
    application = RepairApplication(
        unit=target.unit,
        asked_on=asked_on,
        conditions=conditions,
        statement=(statement or "").strip(),
        synthetic=target.synthetic,
        **{target_field: target},
    )
    application.full_clean()
    application.save()
    clocks.start_clock(user, application, REVIEW_RULE, asked_on)
    return application


def open_application(target) -> RepairApplication:
    found = target.repairs.filter(state=RepairState.ASKED).first()
    if found is None:
        raise ValidationError(_("No application for credit repair awaits review."))
    return found


def _decide(application, user, day, reasons, state, earliest) -> RepairApplication:
    _day(day, "day")
    if day < earliest:
        raise ValidationError(
            {"day": _("The decision cannot be before the application (%(day)s).") % {"day": f"{earliest:%Y-%m-%d}"}}
        )
    application.state, application.decided_on, application.decision_reasons = state, day, reasons
    application.save()
    clocks.stop_clock(user, application, REVIEW_RULE, day)
    return application


# --- a dishonesty record ---------------------------------------------------------------------------------


@action(REPAIR_ASKED, on="record", allow=may_edit("record"))
def ask_record_repair(record, user, asked_on: datetime.date, conditions, statement: str = "") -> RepairApplication:
    _day(asked_on, "asked_on")
    standing = record.standing(asked_on)
    if standing == Standing.REPAIR_ASKED:
        raise ValidationError(_("An application for credit repair already awaits review."))
    if standing != Standing.IN_FORCE:
        raise ValidationError(
            {
                "asked_on": _("The record is %(standing)s on that day: there is nothing to repair.")
                % {"standing": Standing(standing).label}
            }
        )
    possible = record_repair_from(record)
    if asked_on < possible:
        raise ValidationError(
            {
                "asked_on": _(
                    "Credit repair of this record may be asked from %(day)s, %(months)d months after the finding."
                )
                % {"day": f"{possible:%Y-%m-%d}", "months": record.kind.repair_after_months}
            }
        )
    listed = [e for e in same_subject(SeriousListEntry.objects.all(), vars_of(record)) if on_list(e, asked_on)]
    if listed:
        raise ValidationError(
            {
                "asked_on": _(
                    "The subject is on the serious-dishonesty list (%(entry)s): it cannot ask for repair of a record."
                )
                % {"entry": str(listed[0])}
            }
        )
    chosen = _conditions(conditions, RECORD_CONDITIONS)
    application = _application("record", record, user, asked_on, chosen, statement)
    record.state = RecordState.REPAIR_ASKED
    record.save()
    return application


def vars_of(row) -> dict:
    return {"credit_code": row.credit_code, "id_number": row.id_number}


@action(REPAIR_APPROVED, on="record", reason="reasons", allow=may_edit("record"))
def approve_record_repair(record, user, day: datetime.date, reasons: str = "") -> RepairApplication:
    """Approved: the record's publication ends on the day (it is repaired, removed early)."""
    application = open_application(record)
    _decide(application, user, day, (reasons or "").strip(), RepairState.APPROVED, application.asked_on)
    record.state, record.ended_on = RecordState.REPAIRED, day
    record.save()
    return application


@action(REPAIR_REFUSED, on="record", reason="reasons", allow=may_edit("record"))
def refuse_record_repair(record, user, day: datetime.date, reasons: str) -> RepairApplication:
    reasons = _text(reasons, "reasons", _("Give the reasons for refusing."))
    application = open_application(record)
    _decide(application, user, day, reasons, RepairState.REFUSED, application.asked_on)
    record.state = RecordState.IN_FORCE
    record.save()
    return application


# --- a serious-list entry --------------------------------------------------------------------------------


@action(REMOVAL_ASKED, on="entry", allow=may_edit("entry"))
def ask_early_removal(entry, user, asked_on: datetime.date, conditions, statement: str = "") -> RepairApplication:
    _day(asked_on, "asked_on")
    if entry.state == ListingState.REMOVAL_ASKED:
        raise ValidationError(_("An application for credit repair already awaits review."))
    possible, ends = listing_removal_from(entry), serious_term_ends(entry.listed_on)
    if entry.state in ON_LIST and asked_on >= ends:
        raise ValidationError(
            {
                "asked_on": _("The term ends on %(day)s: the party is removed then, not early.")
                % {"day": f"{ends:%Y-%m-%d}"}
            }
        )
    if not on_list(entry, asked_on):
        raise ValidationError({"asked_on": _("The party is not on the list on that day.")})
    if asked_on < possible:
        raise ValidationError(
            {
                "asked_on": _("Early removal may be asked from %(day)s, after %(years)d year(s) on the list.")
                % {"day": f"{possible:%Y-%m-%d}", "years": early_removal_after_years()}
            }
        )
    chosen = _conditions(conditions, LISTING_CONDITIONS)
    application = _application("entry", entry, user, asked_on, chosen, statement)
    entry.state = ListingState.REMOVAL_ASKED
    entry.save()
    return application


@action(REMOVED_EARLY, on="entry", reason="reasons", allow=may_edit("entry"))
def approve_early_removal(entry, user, day: datetime.date, reasons: str = "") -> RepairApplication:
    application = open_application(entry)
    _decide(application, user, day, (reasons or "").strip(), RepairState.APPROVED, application.asked_on)
    entry.state, entry.removed_on, entry.removal_note = ListingState.REMOVED_EARLY, day, (reasons or "").strip()
    entry.save()
    clocks.stop_clock(user, entry, SERIOUS_TERM_RULE, day)
    return application


@action(REMOVAL_REFUSED, on="entry", reason="reasons", allow=may_edit("entry"))
def refuse_early_removal(entry, user, day: datetime.date, reasons: str) -> RepairApplication:
    reasons = _text(reasons, "reasons", _("Give the reasons for refusing."))
    application = open_application(entry)
    _decide(application, user, day, reasons, RepairState.REFUSED, application.asked_on)
    entry.state = ListingState.LISTED
    entry.save()
    return application
