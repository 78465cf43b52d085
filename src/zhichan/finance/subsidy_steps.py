"""What is done on a subsidy application's page, one table for the page and the API (core/steps.py): the
applicant's claims, files and submission; the reviewers' pass, return and refusal; the office's approved amounts
and the objections to the public notice; the finance bureau's payment."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from .forms import NothingForm
from .models import REVIEW_STAGES, Stage
from .services import subsidies
from .subsidy_forms import (
    AmountForm,
    ClaimChoiceForm,
    ClaimForm,
    DecisionForm,
    FileChoiceForm,
    FileForm,
    ObjectionForm,
    OpinionForm,
    PaymentForm,
    ReasonsForm,
)

EDITABLE = (Stage.DRAFT, Stage.RETURNED)


def _step(key, label, form, action, done, states, style="primary", files=False, when=None) -> Step:
    def run(record, user, data, form):
        return action(record, user, **data)

    allowed = by_action(action, "application")
    return Step(key, label, form, states, run, style, files=files, allowed=allowed, when=when, done=done)


def _has_claims(application) -> bool:
    return application.claims.exists()


def _has_files(application) -> bool:
    from zhichan.core.models import Attachment

    return Attachment.objects.on(application).exists()


def _has_open_objection(application) -> bool:
    return application.objections.filter(upheld__isnull=True).exists()


SUBSIDY_STEPS = Steps(
    [
        _step("claim", _("Add a claim"), ClaimForm, subsidies.add_claim, _("The claim is added."), EDITABLE),
        _step(
            "file",
            _("Attach a document"),
            FileForm,
            subsidies.add_file,
            _("The document is attached."),
            EDITABLE,
            style="outline-primary",
            files=True,
        ),
        _step(
            "unattach",
            _("Remove a document"),
            FileChoiceForm,
            subsidies.remove_file,
            _("The document is removed."),
            EDITABLE,
            style="outline-secondary",
            when=_has_files,
        ),
        _step(
            "remove",
            _("Remove a claim"),
            ClaimChoiceForm,
            subsidies.remove_claim,
            _("The claim is removed."),
            EDITABLE,
            style="outline-secondary",
            when=_has_claims,
        ),
        _step(
            "submit",
            _("Submit the application"),
            NothingForm,
            subsidies.submit,
            _("The application is submitted."),
            EDITABLE,
            style="success",
            when=_has_claims,
        ),
        _step(
            "amount",
            _("Set a claim's approved amount"),
            AmountForm,
            subsidies.set_approved,
            _("The approved amount is set."),
            (Stage.OFFICE,),
            style="outline-primary",
        ),
        _step(
            "pass",
            _("Pass this review"),
            OpinionForm,
            subsidies.pass_review,
            _("Passed."),
            REVIEW_STAGES,
            style="success",
        ),
        _step(
            "return",
            _("Return for correction"),
            ReasonsForm,
            subsidies.return_application,
            _("Returned to the applicant."),
            REVIEW_STAGES,
            style="outline-warning",
        ),
        _step(
            "refuse",
            _("Refuse"),
            ReasonsForm,
            subsidies.refuse_application,
            _("Refused."),
            REVIEW_STAGES,
            style="outline-danger",
        ),
        _step(
            "objection",
            _("Record an objection"),
            ObjectionForm,
            subsidies.record_objection,
            _("The objection is recorded."),
            (Stage.NOTICE,),
            style="outline-warning",
        ),
        _step(
            "decide",
            _("Decide an objection"),
            DecisionForm,
            subsidies.decide_objection,
            _("The objection is decided."),
            (Stage.NOTICE,),
            when=_has_open_objection,
        ),
        _step(
            "pay",
            _("Record the payment"),
            PaymentForm,
            subsidies.pay,
            _("The payment is recorded."),
            (Stage.NOTICE,),
            style="success",
        ),
    ],  # fmt: skip
    form_kwargs=lambda step, record, user: (
        {"application": record}
        if step.key in ("claim", "remove", "unattach", "amount", "objection", "decide", "pay")
        else {}
    ),
)
