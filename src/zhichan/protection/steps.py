"""The steps a user takes on a case, one table for the case page and the API: each step's label, the form that
reads its input, the states it is offered in, and the action it runs. A case goes to the police by a transfer
(services/transfers.py): its report is a step here, and the case is transferred when the approved transfer goes out."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps

from . import forms, forms_transfers
from .models import State
from .services import cases, transfers

BEFORE_DECISION = (State.LEAD, State.FILED, State.INVESTIGATION)


def _clock_runs(case) -> bool:
    return bool(case.running_rule)


def _pause_runs(case) -> bool:
    return bool(case.running_rule) and cases.open_pauses(case).exists()


def _period(case, data):
    return cases.open_pauses(case).filter(pk=data["period"]).first()


STEPS = Steps(
    [
        Step(
            "file", _("File the case"), forms.DayForm, (State.LEAD,), lambda c, u, d, f: cases.file_case(c, u, d["day"])
        ),
        Step(
            "decline",
            _("Do not file"),
            forms.DayNoteForm,
            (State.LEAD,),
            lambda c, u, d, f: cases.decline_case(c, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "investigate",
            _("Begin investigation"),
            forms.EmptyForm,
            (State.FILED,),
            lambda c, u, d, f: cases.investigate(c, u),
        ),
        Step(
            "decide",
            _("Record the decision"),
            forms.DecideForm,
            (State.FILED, State.INVESTIGATION),
            lambda c, u, d, f: cases.decide(c, u, d["day"], d["number"], f.amounts()),
        ),
        Step(
            "enforce", _("Begin enforcement"), forms.EmptyForm, (State.DECIDED,), lambda c, u, d, f: cases.enforce(c, u)
        ),
        Step(
            "close",
            _("Close the case"),
            forms.CloseForm,
            (State.DECIDED, State.ENFORCEMENT),
            lambda c, u, d, f: cases.close_case(c, u, d["day"], d.get("note", "")),
        ),
        Step(
            "suspend",
            _("Stop the clock"),
            forms.SuspendForm,
            BEFORE_DECISION,
            lambda c, u, d, f: cases.suspend(c, u, d["pause"], d["start"], d.get("note", "")),
            "outline-primary",
            when=_clock_runs,
        ),
        Step(
            "resume",
            _("Restart the clock"),
            forms.ResumeForm,
            BEFORE_DECISION,
            lambda c, u, d, f: cases.resume(c, u, _period(c, d), d["end"]),
            "outline-primary",
            when=_pause_runs,
        ),
        Step(
            "extend",
            _("Extend the time limit"),
            forms.ExtendForm,
            BEFORE_DECISION,
            lambda c, u, d, f: cases.extend(c, u, d["length"], d["approver"], d["approved_on"], d["reason"]),
            "outline-primary",
            when=_clock_runs,
        ),
        Step(
            "report_transfer",
            _("Report for transfer to the police"),
            forms_transfers.ReportForm,
            BEFORE_DECISION,
            lambda c, u, d, f: transfers.report(
                u, case=c, reported_on=d["reported_on"], officers=d["officers"], report_note=d.get("report_note", "")
            ),
            "outline-danger",
            when=lambda c: transfers.open_transfer(c) is None,  # one transfer under way at a time
        ),
        Step(
            "withdraw",
            _("Withdraw"),
            forms.DayNoteForm,
            BEFORE_DECISION,
            lambda c, u, d, f: cases.withdraw(c, u, d["day"], d["note"]),
            "outline-secondary",
        ),
    ]
)

# Naming the special action a case came from (or belongs to), in any state, where its unit takes part in one.
from .forms_special_actions import CaseActionForm  # noqa: E402
from .services import special_actions  # noqa: E402

STEPS.steps["action"] = Step(
    "action",
    _("Set the special action"),
    CaseActionForm,
    tuple(State.values),
    lambda c, u, d, f: special_actions.link_case(c, u, d.get("action")),
    "outline-secondary",
    when=lambda case: special_actions.actions_of(case.unit).exists(),
)
_form_kwargs = STEPS.form_kwargs
STEPS.form_kwargs = lambda step, record, user: (
    {"case": record} if step.key == "action" else _form_kwargs(step, record, user)
)
