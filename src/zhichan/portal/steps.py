"""What the handling unit does on a request answered on the portal, one table for the page and the API
(core/steps.py). A request that landed in a module moves by that record's own steps. And what the office does on an
enterprise's registration: verify it or refuse it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.steps import Step, Steps, by_action

from .forms import AnswerForm, CloseForm, DayForm, RefuseForm, VerifyForm
from .models import RegistrationState, RequestState
from .models.requests import OPEN_STATES
from .services import registrations, requests


def _step(key, label, form, action, states, done, style="primary"):
    def run(record, user, data, form):
        return action(record, user, **data)

    return Step(key, label, form, states, run, style, allowed=by_action(action, "request"), done=done)


REQUEST_STEPS = Steps(
    [
        _step(
            "accept",
            pgettext_lazy("request", "Accept"),
            DayForm,
            requests.accept,
            (RequestState.RECEIVED,),
            _("The request is accepted."),
        ),
        _step("answer", _("Answer"), AnswerForm, requests.answer, OPEN_STATES, _("The answer is given.")),
        _step(
            "close",
            _("Close the request"),
            CloseForm,
            requests.close,
            (*OPEN_STATES, RequestState.ANSWERED),
            pgettext_lazy("request", "The request is closed."),  # not the assistance request's msgid
            style="outline-secondary",
        ),
    ]
)


def _registration_step(key, label, form, action, done, style="primary"):
    def run(record, user, data, form):
        return action(record, user, **data)

    return Step(
        key,
        label,
        form,
        (RegistrationState.AWAITING,),
        run,
        style,
        allowed=by_action(action, "registration"),
        done=done,
    )


def _registration_form(step, registration, user) -> dict:
    """The verify form starts at the township the applicant gave."""
    if step.key == "verify" and registration.region_id:
        return {"initial": {"region": registration.region_id}}
    return {}


REGISTRATION_STEPS = Steps(
    [
        _registration_step(
            "verify",
            pgettext_lazy("registration", "Verify"),
            VerifyForm,
            registrations.verify,
            _("The registration is verified: the account is linked to the enterprise."),
        ),
        _registration_step(
            "refuse",
            pgettext_lazy("registration", "Refuse"),
            RefuseForm,
            registrations.refuse,
            _("The registration is refused; the applicant reads the reason."),
            style="outline-danger",
        ),
    ],
    form_kwargs=_registration_form,
)
