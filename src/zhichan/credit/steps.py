"""The steps on a dishonesty record and on a serious-list entry, one table each for the page and the API: each
step's label, form, the states it is offered in and the action it runs (whose permission decides who sees it)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from . import forms
from .models import ListingState, RecordState
from .services import records, repair, serious

R, L = RecordState, ListingState


def _record(key, label, form, states, action, run, style="primary", when=None) -> Step:
    return Step(key, label, form, tuple(states), run, style, allowed=by_action(action, "record"), when=when)


def _entry(key, label, form, states, action, run, style="primary", when=None) -> Step:
    return Step(key, label, form, tuple(states), run, style, allowed=by_action(action, "entry"), when=when)


RECORD_STEPS = Steps(
    [
        _record(
            "ask_repair",
            _("Enter an application for credit repair"),
            forms.RepairAskForm,
            (R.IN_FORCE,),
            repair.ask_record_repair,
            lambda r, u, d, f: repair.ask_record_repair(r, u, d["asked_on"], d["conditions"], d.get("statement", "")),
        ),
        _record(
            "approve_repair",
            _("Approve the credit repair"),
            forms.DecisionForm,
            (R.REPAIR_ASKED,),
            repair.approve_record_repair,
            lambda r, u, d, f: repair.approve_record_repair(r, u, d["day"], d.get("reasons", "")),
        ),
        _record(
            "refuse_repair",
            _("Refuse the credit repair"),
            forms.RefusalForm,
            (R.REPAIR_ASKED,),
            repair.refuse_record_repair,
            lambda r, u, d, f: repair.refuse_record_repair(r, u, d["day"], d["reasons"]),
            "outline-secondary",
        ),
        _record(
            "change_period",
            _("Change the publication period"),
            forms.PeriodForm,
            (R.IN_FORCE, R.REPAIR_ASKED),
            records.change_period,
            lambda r, u, d, f: records.change_period(r, u, d["published_to"], d["reason"]),
            "outline-primary",
        ),
        _record(
            "publish",
            _("Publish"),
            forms.DayForm,
            (R.IN_FORCE, R.REPAIR_ASKED),
            records.publish_record,
            lambda r, u, d, f: records.publish_record(r, u, d["day"]),
            "outline-primary",
            when=lambda r: not r.published,
        ),
        _record(
            "revoke",
            _("Revoke the record"),
            forms.RevokeForm,
            (R.IN_FORCE, R.REPAIR_ASKED, R.REPAIRED),
            records.revoke_record,
            lambda r, u, d, f: records.revoke_record(r, u, d["day"], d["reason"]),
            "outline-danger",
        ),
    ]
)

ENTRY_STEPS = Steps(
    [
        _entry(
            "ask_removal",
            _("Enter an application for early removal"),
            forms.RemovalAskForm,
            (L.LISTED,),
            repair.ask_early_removal,
            lambda e, u, d, f: repair.ask_early_removal(e, u, d["asked_on"], d["conditions"], d.get("statement", "")),
        ),
        _entry(
            "approve_removal",
            _("Approve the early removal"),
            forms.DecisionForm,
            (L.REMOVAL_ASKED,),
            repair.approve_early_removal,
            lambda e, u, d, f: repair.approve_early_removal(e, u, d["day"], d.get("reasons", "")),
        ),
        _entry(
            "refuse_removal",
            _("Refuse the early removal"),
            forms.RefusalForm,
            (L.REMOVAL_ASKED,),
            repair.refuse_early_removal,
            lambda e, u, d, f: repair.refuse_early_removal(e, u, d["day"], d["reasons"]),
            "outline-secondary",
        ),
        _entry(
            "remove",
            _("Remove at the end of the term"),
            forms.DayNoteForm,
            (L.LISTED,),
            serious.remove_at_term,
            lambda e, u, d, f: serious.remove_at_term(e, u, d["day"], d.get("note", "")),
            "outline-primary",
        ),
        _entry(
            "publish",
            _("Publish"),
            forms.DayForm,
            (L.LISTED, L.REMOVAL_ASKED),
            serious.publish_listing,
            lambda e, u, d, f: serious.publish_listing(e, u, d["day"]),
            "outline-primary",
            when=lambda e: not e.published,
        ),
        _entry(
            "revoke",
            _("Revoke the listing"),
            forms.RevokeForm,
            (L.LISTED, L.REMOVAL_ASKED, L.REMOVED, L.REMOVED_EARLY),
            serious.revoke_listing,
            lambda e, u, d, f: serious.revoke_listing(e, u, d["day"], d["reason"]),
            "outline-danger",
        ),
    ]
)
