"""The steps a user takes on a mediation, one table for its page and the API: each step's label, the form that reads
its input, the states it is offered in, and the action it runs."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps

from . import forms_mediation as forms
from .models import MediationState
from .services import mediation as mediations

OPEN = (MediationState.OPEN,)


STEPS = Steps(
    [
        Step(
            "session",
            _("Record a session"),
            forms.SessionForm,
            OPEN,
            lambda m, u, d, f: mediations.hold_session(m, u, d["day"], d.get("note", "")),
            "outline-primary",
        ),
        Step(
            "agree",
            _("Agreement reached"),
            forms.AgreementForm,
            OPEN,
            lambda m, u, d, f: mediations.agree(m, u, d["day"], d.get("note", ""), d.get("agreement")),
            files=True,
        ),
        Step(
            "fail",
            _("Mediation failed"),
            forms.OutcomeForm,
            OPEN,
            lambda m, u, d, f: mediations.fail(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "refer",
            _("Refer to arbitration"),
            forms.OutcomeForm,
            (MediationState.OPEN, MediationState.FAILED),
            lambda m, u, d, f: mediations.refer_to_arbitration(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "withdraw",
            _("Withdrawn"),
            forms.OutcomeForm,
            OPEN,
            lambda m, u, d, f: mediations.withdraw(m, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        Step(
            "attach",
            _("Attach the agreement"),
            forms.AttachForm,
            (MediationState.AGREED,),
            lambda m, u, d, f: mediations.attach_agreement(m, u, d["agreement"]),
            "outline-primary",
            files=True,
        ),
        Step(
            "apply",
            _("Applied for judicial confirmation"),
            forms.ApplyForm,
            (MediationState.AGREED,),
            lambda m, u, d, f: mediations.apply_for_confirmation(m, u, d["day"], d["court"]),
            when=lambda m: not hasattr(m, "confirmation"),  # applied for once
        ),
    ],
    form_kwargs=lambda step, mediation, user: {"user": user} if step.form is forms.ApplyForm else {},
)
