"""The steps a user takes on a complaint, one table for the complaint page and the API: each step's label, the form
that reads its input, the states it is offered in and the action it runs (whose permission decides who sees it)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import forms_complaints as forms
from .models import ComplaintState
from .models.complaints import AWAITING_ACCEPTANCE
from .services import complaints


@dataclass(frozen=True)
class ComplaintStep:
    key: str
    label: str
    form: type
    states: tuple
    action: Callable  # the service action: its `allowed` says who may take the step
    run: Callable  # (complaint, user, cleaned data) -> result
    style: str = "primary"


STEPS = {
    step.key: step
    for step in [
        ComplaintStep(
            "route",
            _("Route to a unit"),
            forms.RouteForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.route,
            lambda c, u, d: complaints.route(c, u, d["unit"], d["day"]),
            "outline-primary",
        ),
        ComplaintStep(
            "accept",
            _("Accept the complaint"),
            forms.AcceptForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.accept,
            lambda c, u, d: complaints.accept(c, u, d["day"]),
        ),
        ComplaintStep(
            "decline",
            _("Do not accept"),
            forms.DeclineForm,
            tuple(AWAITING_ACCEPTANCE),
            complaints.decline,
            lambda c, u, d: complaints.decline(c, u, d["day"], d["reason"]),
            "outline-secondary",
        ),
        ComplaintStep(
            "hand_back",
            _("Hand back"),
            forms.HandBackForm,
            (ComplaintState.ROUTED,),
            complaints.hand_back,
            lambda c, u, d: complaints.hand_back(c, u, d["note"]),
            "outline-secondary",
        ),
        ComplaintStep(
            "reply",
            _("Record the reply"),
            forms.ReplyForm,
            (ComplaintState.ACCEPTED,),
            complaints.answer,
            lambda c, u, d: complaints.answer(c, u, d["day"], d["text"]),
        ),
        ComplaintStep(
            "open_case",
            _("Open a case"),
            forms.OpenCaseForm,
            (ComplaintState.ACCEPTED, ComplaintState.HANDLED),
            complaints.open_case,
            lambda c, u, d: complaints.open_case(
                c, u, number=d["number"], title=d["title"], kind=d["kind"], lead_on=d["lead_on"], township=d["township"]
            ),
            "outline-primary",
        ),
        ComplaintStep(
            "close",
            _("Close the complaint"),
            forms.AcceptForm,
            (ComplaintState.HANDLED, ComplaintState.NOT_ACCEPTED),
            complaints.close,
            lambda c, u, d: complaints.close(c, u, d["day"]),
            "outline-secondary",
        ),
    ]
}


def form_for(step, complaint, *args, **kwargs):
    if step.form in (forms.OpenCaseForm, forms.RouteForm):  # their choices depend on the complaint
        kwargs["complaint"] = complaint
    return step.form(*args, **kwargs)


def offered(complaint, user) -> list[ComplaintStep]:
    """The steps the complaint's state allows now and the user may take (routing is the office's; a case is opened
    once)."""
    found = []
    for step in STEPS.values():
        if complaint.state not in step.states or not step.action.allowed(user, {"complaint": complaint}):
            continue
        if step.key == "open_case" and complaint.case_id:
            continue
        if step.key == "hand_back" and complaint.unit_id == complaint.received_by_id:
            continue
        found.append(step)
    return found
