"""The steps a user takes on a transfer to criminal justice, one table for its page and the API: each step's label,
the form that reads its input, the states it is offered in and the action it runs. Each action's own permission
decides which side sees it (`by_action`): the reporting unit's, the police's, the procuratorate's; the office any."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from . import forms_transfers as forms
from .models import TransferState
from .models.transfers import REFUSAL
from .services import transfers

S = TransferState
SENT_ON = (S.SENT, S.RECEIVED, S.OPENED, S.REFUSED, S.RECONSIDERING, S.UPHELD, S.SUPERVISION)


def _step(key, label, form, states, action, run, style="primary", when=None) -> Step:
    return Step(key, label, form, tuple(states), run, style, allowed=by_action(action, "transfer"), when=when)


STEPS = Steps(
    [
        # The reporting unit's side.
        _step(
            "approve",
            _("Record the chief's approval"),
            forms.ChiefForm,
            (S.REPORTED,),
            transfers.approve,
            lambda t, u, d, f: transfers.approve(t, u, d["approver"], d["at"]),
        ),
        _step(
            "not_approve",
            _("Record that the chief did not approve"),
            forms.NotApproveForm,
            (S.REPORTED,),
            transfers.not_approve,
            lambda t, u, d, f: transfers.not_approve(t, u, d["approver"], d["at"], d["reasons"]),
            "outline-secondary",
        ),
        _step(
            "send",
            _("Send to the police"),
            forms.SendForm,
            (S.APPROVED,),
            transfers.send,
            lambda t, u, d, f: transfers.send(t, u, d["at"], d["police"], d.get("copied_on"), d.get("procuratorate")),
            "danger",
        ),
        _step(
            "copy",
            _("Record the copy to the procuratorate"),
            forms.ProcuratorateForm,
            SENT_ON,
            transfers.copy_to_procuratorate,
            lambda t, u, d, f: transfers.copy_to_procuratorate(t, u, d["day"], d.get("procuratorate")),
            "outline-primary",
            when=lambda t: t.copied_on is None,
        ),
        _step(
            "reconsider",
            _("Ask the police to reconsider"),
            forms.DayForm,
            (S.REFUSED,),
            transfers.ask_reconsideration,
            lambda t, u, d, f: transfers.ask_reconsideration(t, u, d["day"]),
        ),
        _step(
            "ask_supervision",
            _("Ask the procuratorate to supervise"),
            forms.ProcuratorateForm,
            REFUSAL,
            transfers.ask_supervision,
            lambda t, u, d, f: transfers.ask_supervision(t, u, d["day"], d.get("procuratorate")),
            "outline-primary",
            when=lambda t: t.supervision_asked_on is None,
        ),
        _step(
            "accept",
            _("Accept the refusal and take the case back"),
            forms.DayNoteForm,
            REFUSAL,
            transfers.accept_refusal,
            lambda t, u, d, f: transfers.accept_refusal(t, u, d["day"], d.get("note", "")),
            "outline-secondary",
        ),
        _step(
            "hand_over",
            _("Record the hand-over of the items"),
            forms.DayForm,
            (S.OPENED,),
            transfers.hand_over,
            lambda t, u, d, f: transfers.hand_over(t, u, d["day"]),
            when=lambda t: t.handed_over_on is None,
        ),
        _step(
            "take_back",
            _("Returned for administrative handling"),
            forms.ReturnForm,
            (S.OPENED,),
            transfers.take_back,
            lambda t, u, d, f: transfers.take_back(t, u, d["day"], d["note"]),
            "outline-secondary",
        ),
        # The police's side.
        _step(
            "receive",
            _("Sign for the case"),
            forms.DayForm,
            (S.SENT,),
            transfers.receive,
            lambda t, u, d, f: transfers.receive(t, u, d["day"]),
        ),
        _step(
            "decide",
            _("Record the police's decision"),
            forms.PoliceDecisionForm,
            (S.RECEIVED,),
            transfers.decide,
            lambda t, u, d, f: transfers.decide(
                t, u, d["decision"], d["day"], d.get("reasons", ""), d.get("passed_to", "")
            ),
        ),
        _step(
            "answer",
            _("Answer the reconsideration"),
            forms.OutcomeForm,
            (S.RECONSIDERING,),
            transfers.answer,
            lambda t, u, d, f: transfers.answer(t, u, d["outcome"], d["day"], d.get("note", "")),
        ),
        # The procuratorate's side.
        _step(
            "supervise",
            _("Record the outcome of the supervision"),
            forms.OutcomeForm,
            (S.SUPERVISION,),
            transfers.supervise,
            lambda t, u, d, f: transfers.supervise(t, u, d["outcome"], d["day"], d.get("note", "")),
        ),
    ],
    form_kwargs=lambda step, transfer, user: (
        {"transfer": transfer} if step.form in (forms.SendForm, forms.ProcuratorateForm) else {}
    ),
)
