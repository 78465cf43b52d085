"""What is done on a round's page, an assessed unit's page, an item, an appeal and a notice: one table each for the
page and the API (core/steps.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from . import forms
from .models import AppealState, NoticeKind, NoticeState, ParticipantState, RoundState
from .services import appeals, evidence, notices, rounds


def _step(key, label, form, action, done, *, name, style="primary", states=None, when=None, files=False, run=None):
    def call(record, user, data, form):
        return action(record, user, **data)

    return Step(
        key,
        label,
        form,
        states,
        run or call,
        style,
        files=files,
        allowed=by_action(action, name),
        when=when,
        done=done,
    )


def _draft(kind):
    def run(record, user, data, form):
        return notices.draft(record, user, kind=kind)

    return run


ROUND_STEPS = Steps(
    [
        _step(
            "recompute",
            _("Measure the automatic items again"),
            forms.EmptyForm,
            rounds.recompute,
            _("The automatic items are measured again as of the round's date."),
            name="assessment_round",
            style="outline-secondary",
            states=(RoundState.OPEN, RoundState.REVIEW),
        ),
        _step(
            "review",
            _("Close the self-assessment and start the review"),
            forms.EmptyForm,
            rounds.start_review,
            _("The self-assessment is closed: review the items."),
            name="assessment_round",
            states=(RoundState.OPEN,),
        ),
        _step(
            "send",
            _("Send for approval"),
            forms.EmptyForm,
            rounds.send_for_approval,
            _("The results are with the leadership for approval."),
            name="assessment_round",
            states=(RoundState.REVIEW,),
        ),
        _step(
            "approve",
            _("Approve the results"),
            forms.NoteForm,
            rounds.approve,
            _("The results are approved."),
            name="assessment_round",
            states=(RoundState.APPROVAL,),
        ),
        _step(
            "back",
            _("Send back to the office"),
            forms.ReasonForm,
            rounds.send_back,
            _("The round is back with the office."),
            name="assessment_round",
            style="outline-secondary",
            states=(RoundState.APPROVAL,),
        ),
        _step(
            "publish",
            _("Publish the results to the units"),
            forms.PublishForm,
            rounds.publish,
            _("The results are published: each unit reads its own and may appeal until the deadline."),
            name="assessment_round",
            states=(RoundState.APPROVED,),
        ),
        _step(
            "praise",
            _("Draft a praise notice"),
            forms.EmptyForm,
            notices.draft,
            _("The praise notice is drafted: edit it, then issue it."),
            name="assessment_round",
            style="outline-primary",
            states=(RoundState.APPROVED, RoundState.PUBLISHED, RoundState.CLOSED),
            run=_draft(NoticeKind.PRAISE),
        ),
        _step(
            "criticism",
            _("Draft a criticism notice"),
            forms.EmptyForm,
            notices.draft,
            _("The criticism notice is drafted: edit it, then issue it."),
            name="assessment_round",
            style="outline-primary",
            states=(RoundState.APPROVED, RoundState.PUBLISHED, RoundState.CLOSED),
            run=_draft(NoticeKind.CRITICISM),
        ),
        _step(
            "close",
            _("Close and freeze the round"),
            forms.EmptyForm,
            rounds.close,
            _("The round is closed: its results no longer change."),
            name="assessment_round",
            style="outline-secondary",
            states=(RoundState.PUBLISHED,),
        ),
    ],
    form_kwargs=lambda step, record, user: {"record": record},
)


def _open_round(participant) -> bool:
    return participant.round.state == RoundState.OPEN


def _published(participant) -> bool:
    """Appeals are offered until the deadline (a late one is refused with the date by the action)."""
    held = participant.round
    return held.state == RoundState.PUBLISHED and timezone.localdate() <= held.appeal_deadline


PARTICIPANT_STEPS = Steps(
    [
        _step(
            "submit",
            _("Submit the self-assessment"),
            forms.EmptyForm,
            rounds.submit_self,
            _("The self-assessment is submitted to the office."),
            name="participant",
            states=(ParticipantState.DRAFT,),
            when=_open_round,
        ),
        _step(
            "appeal",
            _("Appeal against the result"),
            forms.AppealForm,
            appeals.file_appeal,
            _("The appeal is filed: the office decides it."),
            name="participant",
            style="outline-danger",
            when=_published,
        ),
    ],
    form_kwargs=lambda step, record, user: {"record": record},
)


def _self_assessing(item) -> bool:
    participant = item.participant
    return participant.round.state == RoundState.OPEN and participant.state == ParticipantState.DRAFT


def _in_review(item) -> bool:
    return item.participant.round.state == RoundState.REVIEW


def _attach(record, user, data, form):
    return evidence.add_evidence(record, user, file=data["file"])


def _unattach(record, user, data, form):
    return evidence.remove_evidence(record, user, attachment=int(data["attachment"]))


ITEM_STEPS = Steps(
    [
        _step(
            "assess",
            _("Self-assess"),
            forms.SelfAssessForm,
            rounds.self_assess,
            _("The self-assessment of the item is saved."),
            name="item",
            when=lambda item: _self_assessing(item) and item.kind != "veto",
        ),
        _step(
            "evidence",
            _("Attach evidence"),
            forms.EvidenceForm,
            evidence.add_evidence,
            _("The evidence is attached."),
            name="item",
            style="outline-primary",
            files=True,
            when=lambda item: _self_assessing(item) and item.kind != "veto",
            run=_attach,
        ),
        _step(
            "unattach",
            _("Remove a file"),
            forms.EvidenceChoiceForm,
            evidence.remove_evidence,
            _("The file is removed."),
            name="item",
            style="outline-secondary",
            when=lambda item: _self_assessing(item) and item.evidence.exists(),
            run=_unattach,
        ),
        _step(
            "review",
            _("Review the points"),
            forms.ReviewForm,
            rounds.review_item,
            _("The item's points are reviewed."),
            name="item",
            style="outline-primary",
            when=_in_review,
        ),
    ],
    form_kwargs=lambda step, record, user: {"record": record},
)

APPEAL_STEPS = Steps(
    [
        _step(
            "decide",
            _("Decide the appeal"),
            forms.DecideForm,
            appeals.decide_appeal,
            _("The appeal is decided."),
            name="appeal",
            states=(AppealState.PENDING,),
        ),
    ],
    form_kwargs=lambda step, record, user: {"record": record},
)

NOTICE_STEPS = Steps(
    [
        _step(
            "edit",
            _("Edit the notice"),
            forms.NoticeEditForm,
            notices.edit,
            _("The notice is saved."),
            name="notice",
            style="outline-primary",
            states=(NoticeState.DRAFT,),
        ),
        _step(
            "issue",
            _("Number and issue the notice"),
            forms.IssueForm,
            notices.issue,
            _("The notice is issued."),
            name="notice",
            states=(NoticeState.DRAFT,),
        ),
    ],
    form_kwargs=lambda step, record, user: {"record": record},
)
