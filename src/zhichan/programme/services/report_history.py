"""A report's review history, read from its audit records: who did each step, in which role, and why.

The report's historical rows are compared one with the next: a change of state is a submission, a return (with
its reason) or an acceptance (with its note); a change of the text, percent or figures in the same state is a
save. The report's attachments (its evidence) say when a file was added or removed. Two queries, however long
the history.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from zhichan.core.models import Attachment

from ..models import ProgressReport

State = ProgressReport.State
CONTENT = ("narrative", "percent", "figures")


@dataclass
class Step:
    at: datetime
    kind: str  # opened, saved, submitted, returned, accepted, evidence-added, evidence-removed, changed
    label: str
    person: str
    role: str
    unit: str
    note: str = ""
    times: int = 1
    user_id: int | None = field(default=None, repr=False)


LABELS = {
    "opened": _("Opened"),
    "saved": _("Saved"),
    "submitted": _("Submitted"),
    "returned": _("Returned"),
    "accepted": _("Accepted"),
    "evidence-added": _("Evidence added"),
    "evidence-removed": _("Evidence removed"),
    "changed": _("State changed"),
}
BY_STATE = {State.SUBMITTED: "submitted", State.RETURNED: "returned", State.ACCEPTED: "accepted"}


def _step(kind, record, note="") -> Step:
    user = record.history_user
    return Step(
        at=record.history_date,
        kind=kind,
        label=str(LABELS[kind]),
        person=user.display_name if user else str(_("system")),
        role=user.get_role_display() if user else "",
        unit=str(user.unit) if user and user.unit_id else "",
        note=note,
        user_id=user.pk if user else None,
    )


def _report_steps(records) -> list[Step]:
    steps, before = [], None
    for record in records:
        if record.history_type == "+":
            steps.append(_step("opened", record))
            before_state = State.DRAFT  # a report recorded straight as submitted or accepted shows that step too
        elif record.history_type == "~" and before is not None:
            before_state = before.state
        else:
            before = record
            continue
        if record.state != before_state:
            kind = BY_STATE.get(record.state, "changed")
            note = record.review_note if kind in ("returned", "accepted") else ""
            steps.append(_step(kind, record, note))
        elif before is not None and any(getattr(record, name) != getattr(before, name) for name in CONTENT):
            steps.append(_step("saved", record))
        before = record
    return steps


def _evidence_steps(records) -> list[Step]:
    kinds = {"+": "evidence-added", "-": "evidence-removed"}
    return [_step(kinds[r.history_type], r, r.name) for r in records if r.history_type in kinds]


def _fold_saves(steps: list[Step]) -> list[Step]:
    """Saves one after another by the same person (the draft saved as they type) read as one step, at the last."""
    folded = []
    for step in steps:
        last = folded[-1] if folded else None
        if step.kind == "saved" and last and last.kind == "saved" and last.user_id == step.user_id:
            last.at, last.times = step.at, last.times + 1
        else:
            folded.append(step)
    return folded


def report_history(report) -> list[Step]:
    """The report's steps, oldest first."""
    related = ("history_user__unit",)
    records = report.history.select_related(*related).order_by("history_date", "history_id")
    on_report = {"record_type": ContentType.objects.get_for_model(ProgressReport), "record_id": report.pk}
    evidence = Attachment.history.filter(**on_report).select_related(*related).order_by("history_date")
    steps = _report_steps(records) + _evidence_steps(evidence)
    steps.sort(key=lambda step: step.at)
    return _fold_saves(steps)
