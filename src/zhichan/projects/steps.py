"""What is done on a project's page, one table for the page and the API (core/steps.py): its course (approve,
start, mid-term check, accept, end early), its targets, outputs, milestones and deliverables, and a navigation
project's analysis."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from .forms import (
    AcceptForm,
    ApproveForm,
    CheckForm,
    DeliverableForm,
    DrawForm,
    EndForm,
    MilestoneForm,
    OutputChoiceForm,
    OutputsForm,
    ReachForm,
    ResultsForm,
    ScoreForm,
    StartForm,
    TargetForm,
)
from .models import OPEN, ProjectKind, State
from .services import projects, reviews


def _step(key, label, form, action, done, states=OPEN, style="primary", files=False, when=None) -> Step:
    def run(record, user, data, form):
        return action(record, user, **data)

    allowed = by_action(action, "project")
    return Step(key, label, form, states, run, style, files=files, allowed=allowed, when=when, done=done)


PROJECT_STEPS = Steps(
    [
        _step(
            "approve",
            _("Record the approval"),
            ApproveForm,
            projects.approve,
            _("The approval is recorded."),
            (State.PROPOSED,),
        ),
        _step(
            "start", _("Record the start"), StartForm, projects.start, _("The start is recorded."), (State.APPROVED,)
        ),
        _step(
            "check",
            _("Record the mid-term check"),
            CheckForm,
            projects.check,
            _("The mid-term check is recorded."),
            (State.STARTED,),
        ),
        _step(
            "accept",
            _("Record the acceptance"),
            AcceptForm,
            projects.accept,
            _("The acceptance is recorded."),
            (State.STARTED, State.CHECKED),
        ),
        _step("outputs", _("Add outputs"), OutputsForm, projects.add_outputs, _("The outputs are added.")),
        _step(
            "target",
            _("Set a target"),
            TargetForm,
            projects.set_target,
            _("The target is set."),
            style="outline-primary",
        ),
        _step(
            "milestone",
            _("Add a milestone"),
            MilestoneForm,
            projects.add_milestone,
            _("The milestone is added."),
            style="outline-primary",
        ),
        _step(
            "reach",
            _("Mark a milestone reached"),
            ReachForm,
            projects.reach_milestone,
            _("The milestone is reached."),
            style="outline-primary",
            when=lambda project: project.milestones.filter(done_on=None).exists(),
        ),
        _step(
            "deliverable",
            _("Attach a deliverable"),
            DeliverableForm,
            projects.add_deliverable,
            _("The deliverable is attached."),
            states=None,
            style="outline-primary",
            files=True,
        ),
        _step(
            "results",
            _("Record the analysis and conclusions"),
            ResultsForm,
            projects.record_results,
            _("The analysis is recorded."),
            states=None,
            style="outline-primary",
            when=lambda project: project.kind == ProjectKind.NAVIGATION,
        ),
        _step(
            "unoutput",
            _("Remove an output"),
            OutputChoiceForm,
            projects.remove_output,
            _("The output is removed."),
            style="outline-secondary",
            when=lambda project: project.outputs.exists(),
        ),
        _step(
            "draw",
            _("Draw the review experts"),
            DrawForm,
            reviews.draw_reviewers,
            _("The experts are drawn."),
            states=(State.STARTED, State.CHECKED),
            style="outline-primary",
        ),
        _step(
            "score",
            _("Record an expert's score"),
            ScoreForm,
            reviews.record_score,
            _("The score is recorded."),
            style="outline-primary",
            when=lambda project: project.reviews.exists(),
        ),
        _step("end", _("End it early"), EndForm, projects.end, _("The project is ended."), style="outline-danger"),
    ],
    form_kwargs=lambda step, record, user: {"project": record, "user": user},
)
