"""The steps a user takes on a mediation, one table for its page and the API: each step's label, the form that reads
its input, the states it is offered in, and the action it runs."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import forms_mediation as forms
from .models import MediationState
from .services import mediation as mediations

OPEN = (MediationState.OPEN,)


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    form: type
    states: tuple
    run: Callable  # (mediation, user, cleaned data) -> result
    style: str = "primary"
    files: bool = False


STEPS = {
    step.key: step
    for step in [
        Step(
            "session",
            _("Record a session"),
            forms.SessionForm,
            OPEN,
            lambda m, u, d: mediations.hold_session(m, u, d["day"], d.get("note", "")),
            "outline-primary",
        ),
        Step(
            "agree",
            _("Agreement reached"),
            forms.AgreementForm,
            OPEN,
            lambda m, u, d: mediations.agree(m, u, d["day"], d.get("note", ""), d.get("agreement")),
            files=True,
        ),
        Step(
            "fail",
            _("Mediation failed"),
            forms.OutcomeForm,
            OPEN,
            lambda m, u, d: mediations.fail(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "refer",
            _("Refer to arbitration"),
            forms.OutcomeForm,
            (MediationState.OPEN, MediationState.FAILED),
            lambda m, u, d: mediations.refer_to_arbitration(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "withdraw",
            _("Withdrawn"),
            forms.OutcomeForm,
            OPEN,
            lambda m, u, d: mediations.withdraw(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "attach",
            _("Attach the agreement"),
            forms.AttachForm,
            (MediationState.AGREED,),
            lambda m, u, d: mediations.attach_agreement(m, u, d["agreement"]),
            "outline-primary",
            files=True,
        ),
        Step(
            "apply",
            _("Applied for judicial confirmation"),
            forms.ApplyForm,
            (MediationState.AGREED,),
            lambda m, u, d: mediations.apply_for_confirmation(m, u, d["day"], d["court"]),
        ),
    ]
}


def make_form(step, user, data=None, files=None, prefix=None):
    if step.form is forms.ApplyForm:
        return step.form(data, files, prefix=prefix, user=user)
    return step.form(data, files, prefix=prefix)


def offered(mediation) -> list[Step]:
    """The steps the mediation's state allows now (applying only once)."""
    found = [step for step in STEPS.values() if mediation.state in step.states]
    if hasattr(mediation, "confirmation"):
        found = [step for step in found if step.key != "apply"]
    return found
