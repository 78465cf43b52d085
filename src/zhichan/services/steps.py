"""What is entered on an agency's, an outlet's, a custody engagement's, an expert's and an inspector's page, one table
each for the page and the API (core/steps.py): each entry's label, form and action; the action's own permission
decides who is offered it. These records have no states: every entry is offered whatever the record holds (a custody
application's steps only while it awaits a decision)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from .forms_agencies import PractitionerForm, PublishForm, PurchasedServiceForm, QualificationForm
from .forms_custody import DeclineForm, LinkEngagementForm, RatingForm, ServiceRecordForm, VisitForm
from .forms_experts import AvailabilityForm, TieForm
from .forms_inspections import InspectorTieForm, ResultEntryForm, StepAsideEntryForm
from .forms_outlets import ActivityForm
from .models import ApplicationState
from .services import agencies, custody, custody_applications, experts, inspections, inspectors, outlets, publication


class NothingForm(forms.Form):
    """A step that asks for nothing (withdrawing from the directory)."""


def _step(key, label, form, action, name, done, files=False, style="primary") -> Step:
    """An entry running `action(record, user, **the form's values)`."""

    def run(record, user, data, form):
        return action(record, user, **(form.values() if hasattr(form, "values") else data))

    return Step(key, label, form, None, run, style, files=files, allowed=by_action(action, name), done=done)


def _publishing() -> list[Step]:
    return [
        _step("publish", _("Publish"), PublishForm, publication.publish, "record", _("Published.")),
        _step(
            "withdraw",
            _("Withdraw from the published directory"),
            NothingForm,
            publication.withdraw,
            "record",
            _("Withdrawn from the directory."),
            style="outline-secondary",
        ),
    ]


AGENCY_STEPS = Steps(
    [
        _step(
            "qualification",
            _("Add a qualification"),
            QualificationForm,
            agencies.add_qualification,
            "agency",
            _("The qualification is recorded."),
        ),
        _step(
            "practitioner",
            _("Add a practitioner"),
            PractitionerForm,
            agencies.add_practitioner,
            "agency",
            _("The practitioner is recorded."),
        ),
        _step(
            "service",
            _("Record a purchased service"),
            PurchasedServiceForm,
            agencies.add_purchased_service,
            "agency",
            _("The purchased service is recorded."),
            files=True,
        ),
        *_publishing(),
    ],
    form_kwargs=lambda step, record, user: {"user": user} if step.key == "service" else {},
)

OUTLET_STEPS = Steps(
    [
        _step(
            "activity",
            _("Record an activity"),
            ActivityForm,
            outlets.record_activity,
            "outlet",
            _("The activity is recorded."),
        ),
        *_publishing(),
    ]
)

CUSTODY_STEPS = Steps(
    [
        _step(
            "service",
            _("Record a service"),
            ServiceRecordForm,
            custody.record_service,
            "engagement",
            _("The service is recorded."),
        ),
        _step("visit", _("Record a visit"), VisitForm, custody.record_visit, "engagement", _("The visit is recorded.")),
        _step(
            "rating",
            _("Record the satisfaction"),
            RatingForm,
            custody.rate,
            "engagement",
            _("The satisfaction is recorded."),
        ),
    ],
    form_kwargs=lambda step, record, user: {"user": user} if step.key == "visit" else {},
)

# A custody application awaiting a decision: declined with a reason, or accepted with an engagement entered before it
# (the page's usual way, entering the engagement from the application, is a page of its own: views_custody.py).
APPLICATION_STEPS = Steps(
    [
        Step(
            "accept",
            _("Accept with an engagement already entered"),
            LinkEngagementForm,
            (ApplicationState.RECEIVED,),
            lambda record, user, data, form: custody_applications.accept_application(record, user, **form.values()),
            allowed=by_action(custody_applications.accept_application, "application"),
            done=_("The application is accepted."),
        ),
        Step(
            "decline",
            _("Decline the application"),
            DeclineForm,
            (ApplicationState.RECEIVED,),
            lambda record, user, data, form: custody_applications.decline_application(record, user, **form.values()),
            style="outline-danger",
            allowed=by_action(custody_applications.decline_application, "application"),
            done=_("The application is declined."),
        ),
    ],
    form_kwargs=lambda step, record, user: {"application": record, "user": user} if step.key == "accept" else {},
)

EXPERT_STEPS = Steps(
    [
        _step(
            "availability",
            _("Availability"),
            AvailabilityForm,
            experts.set_availability,
            "expert",
            _("Saved."),
        ),
        _step("tie", _("Declare the tie"), TieForm, experts.declare_tie, "expert", _("The tie is declared.")),
        *_publishing(),
    ]
)


INSPECTOR_STEPS = Steps(
    [
        _step(
            "tie",
            _("Declare the tie"),
            InspectorTieForm,
            inspectors.declare_tie,
            "inspector",
            _("The tie is declared."),
        ),
        _step(
            "take_off",
            _("Take off the list"),
            NothingForm,
            inspectors.take_off,
            "inspector",
            _("Taken off the list."),
            style="outline-secondary",
        ),
        _step(
            "put_back",
            _("Put back on the list"),
            NothingForm,
            inspectors.put_back,
            "inspector",
            _("Put back on the list."),
        ),
    ]
)


def _plan_step(key, label, form, action, run, done) -> Step:
    return Step(key, label, form, None, run, allowed=by_action(action, "plan"), done=done)


# A plan's steps for the API: the plan's page posts the same actions with a form per object (views_inspections.py).
PLAN_STEPS = Steps(
    [
        _plan_step(
            "publish",
            _("Publish the pools and the commitment"),
            NothingForm,
            inspections.publish_plan,
            lambda plan, user, data, form: inspections.publish_plan(plan, user),
            _("The pools and the commitment are published."),
        ),
        _plan_step(
            "draw",
            _("Draw the objects and inspectors"),
            NothingForm,
            inspections.draw_plan,
            lambda plan, user, data, form: inspections.draw_plan(plan, user),
            _("The objects and inspectors are drawn."),
        ),
        _plan_step(
            "result",
            _("Enter the result"),
            ResultEntryForm,
            inspections.enter_result,
            lambda plan, user, data, form: inspections.enter_result(
                data["target"], user, finding=data["finding"], inspected_on=data["inspected_on"], note=data["note"]
            ),
            _("The result is saved."),
        ),
        _plan_step(
            "step_aside",
            _("Step aside"),
            StepAsideEntryForm,
            inspections.step_aside,
            lambda plan, user, data, form: inspections.step_aside(data["assignment"], user, reason=data["reason"]),
            _("The inspector stepped aside; the next in rank is drawn."),
        ),
        _plan_step(
            "publish_results",
            _("Publish the results"),
            NothingForm,
            inspections.publish_results,
            lambda plan, user, data, form: inspections.publish_results(plan, user),
            _("The results are published."),
        ),
    ],
    form_kwargs=lambda step, record, user: {"plan": record} if step.key in ("result", "step_aside") else {},
)
