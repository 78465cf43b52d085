"""The steps a user takes on a decision of a joint meeting, one table for its page and the API: the assigned unit
reports progress and marks it done; the office may also reassign or cancel it."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps

from . import forms_meetings as forms
from .models import DecisionState
from .services import meetings

OPEN = (DecisionState.OPEN,)


STEPS = Steps(
    [
        Step(
            "progress",
            _("Report progress"),
            forms.ProgressForm,
            OPEN,
            lambda d, u, data, f: meetings.report_progress(d, u, data["day"], data["note"]),
            "outline-primary",
            allowed=meetings.may_act,
        ),
        Step(
            "done",
            _("Mark as done"),
            forms.DoneForm,
            OPEN,
            lambda d, u, data, f: meetings.mark_done(d, u, data["day"], data["note"]),
            allowed=meetings.may_act,
        ),
        Step(
            "reassign",
            _("Reassign"),
            forms.ReassignForm,
            OPEN,
            lambda d, u, data, f: meetings.reassign(d, u, data["unit"], data["note"], data.get("deadline")),
            "outline-secondary",
            allowed=lambda user, decision: meetings.may_manage(user, decision.meeting),
        ),
        Step(
            "cancel",
            _("Cancel the decision"),
            forms.CancelForm,
            OPEN,
            lambda d, u, data, f: meetings.cancel(d, u, data["day"], data["note"]),
            "outline-danger",
            allowed=lambda user, decision: meetings.may_manage(user, decision.meeting),
        ),
    ],
    form_kwargs=lambda step, decision, user: (
        {"organisation_id": decision.meeting.organisation_id} if step.form is forms.ReassignForm else {}
    ),
)
