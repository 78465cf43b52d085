"""The steps a user takes on a complaint, one table for the complaint page and the API: each step's label, the form
that reads its input, the states it is offered in and the action it runs (whose permission decides who sees it)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from . import forms_complaints as forms
from .models import ComplaintState
from .models.complaints import AWAITING_ACCEPTANCE
from .services import complaints


def _step(key, label, form, states, action, run, style="primary", when=None) -> Step:
    return Step(key, label, form, states, run, style, allowed=by_action(action, "complaint"), when=when)


STEPS = Steps(
    [
        _step(
            "route",
            _("Route to a unit"),
            forms.RouteForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.route,
            lambda c, u, d, f: complaints.route(c, u, d["unit"], d["day"]),
            "outline-primary",
        ),
        _step(
            "accept",
            _("Accept the complaint"),
            forms.AcceptForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.accept,
            lambda c, u, d, f: complaints.accept(c, u, d["day"]),
        ),
        _step(
            "decline",
            _("Do not accept"),
            forms.DeclineForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.decline,
            lambda c, u, d, f: complaints.decline(c, u, d["day"], d["reason"]),
            "outline-secondary",
        ),
        _step(
            "hand_back",
            _("Hand back"),
            forms.HandBackForm,
            (ComplaintState.ROUTED,),
            complaints.hand_back,
            lambda c, u, d, f: complaints.hand_back(c, u, d["note"]),
            "outline-secondary",
            when=lambda c: c.unit_id != c.received_by_id,  # a unit hands back only what was routed to it
        ),
        _step(
            "reply",
            _("Record the reply"),
            forms.ReplyForm,
            (ComplaintState.ACCEPTED,),
            complaints.answer,
            lambda c, u, d, f: complaints.answer(c, u, d["day"], d["text"]),
        ),
        _step(
            "open_case",
            _("Open a case"),
            forms.OpenCaseForm,
            (ComplaintState.ACCEPTED, ComplaintState.HANDLED),
            complaints.open_case,
            lambda c, u, d, f: complaints.open_case(
                c, u, number=d["number"], title=d["title"], kind=d["kind"], lead_on=d["lead_on"], township=d["township"]
            ),
            "outline-primary",
            when=lambda c: not c.case_id,  # a case is opened once
        ),
        _step(
            "close",
            _("Close the complaint"),
            forms.AcceptForm,
            (ComplaintState.HANDLED, ComplaintState.NOT_ACCEPTED),
            complaints.close,
            lambda c, u, d, f: complaints.close(c, u, d["day"]),
            "outline-secondary",
        ),
    ],
    form_kwargs=lambda step, complaint, user: (
        {"complaint": complaint} if step.form in (forms.OpenCaseForm, forms.RouteForm) else {}
    ),
)
