"""What is done on an activity's page and on a survey round's page, one table each for the page and the API
(core/steps.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.steps import Step, Steps, by_action

from .forms import (
    AttendanceForm,
    ChangeForm,
    CloseRoundForm,
    EmptyForm,
    OpenRoundForm,
    PhotoForm,
    PilotForm,
    ReachForm,
    RegisterForm,
    SchoolChangeForm,
    WorkChoiceForm,
    WorkForm,
)
from .models import RoundState
from .services import activities, schools, survey


def _step(key, label, form, action, done, style="primary", files=False, when=None, states=None, name="activity"):
    def run(record, user, data, form):
        return action(record, user, **data)

    return Step(
        key, label, form, states, run, style, files=files, allowed=by_action(action, name), when=when, done=done
    )


ACTIVITY_STEPS = Steps(
    [
        _step(
            "open",
            _("Open the sign-in page"),
            EmptyForm,
            activities.open_sign_in,
            _("The sign-in page is open."),
            when=lambda activity: not activity.sign_in_open,
        ),
        _step(
            "close",
            _("Close the sign-in page"),
            EmptyForm,
            activities.close_sign_in,
            _("The sign-in page is closed."),
            style="outline-secondary",
            when=lambda activity: activity.sign_in_open,
        ),
        _step(
            "register",
            _("Register participants"),
            RegisterForm,
            activities.register,
            _("The participants are registered."),
        ),
        _step(
            "attendance",
            _("Mark attendance"),
            AttendanceForm,
            activities.mark_attendance,
            _("The attendance is marked."),
            style="outline-primary",
            when=lambda activity: activity.participants.exists(),
        ),
        _step(
            "reach",
            _("Record the reach"),
            ReachForm,
            activities.record_reach,
            _("The reach is recorded."),
            style="outline-primary",
        ),
        _step(
            "photo",
            _("Attach a photo"),
            PhotoForm,
            activities.add_photo,
            _("The photo is attached."),
            style="outline-primary",
            files=True,
        ),
        _step(
            "change",
            _("Change the details"),
            ChangeForm,
            activities.change_activity,
            _("The details are changed."),
            style="outline-secondary",
        ),
        _step(
            "publish",
            _("Put on the public calendar"),
            EmptyForm,
            activities.publish,
            _("The activity is on the public calendar from today."),
            style="outline-primary",
            when=lambda activity: activity.published_on is None,
        ),
        _step(
            "withdraw",
            _("Take off the public calendar"),
            EmptyForm,
            activities.withdraw,
            _("The activity is off the public calendar."),
            style="outline-secondary",
            when=lambda activity: activity.published_on is not None,
        ),
    ],
    form_kwargs=lambda step, record, user: {"activity": record, "user": user},
)

ROUND_STEPS = Steps(
    [
        _step(
            "open",
            _("Open the round"),
            OpenRoundForm,
            survey.open_round,
            _("The round is open: its link takes answers."),
            states=(RoundState.DRAFT,),
            name="survey_round",
        ),
        _step(
            "close",
            _("Close the round"),
            CloseRoundForm,
            survey.close_round,
            _("The round is closed."),
            style="outline-secondary",
            states=(RoundState.OPEN,),
            name="survey_round",
        ),
    ],
    form_kwargs=lambda step, record, user: {"survey_round": record, "user": user},
)

SCHOOL_STEPS = Steps(
    [
        _step("work", _("Add a student work"), WorkForm, schools.add_work, _("The work is added."), name="school"),
        _step(
            "pilot",
            _("Record the pilot school naming"),
            PilotForm,
            schools.name_pilot,
            _("The naming is recorded."),
            style="outline-primary",
            name="school",
        ),
        _step(
            "unwork",
            _("Remove a student work"),
            WorkChoiceForm,
            schools.remove_work,
            _("The work is removed."),
            style="outline-secondary",
            when=lambda school: school.works.exists(),
            name="school",
        ),
        _step(
            "change",
            pgettext_lazy("school", "Correct the details"),
            SchoolChangeForm,
            schools.change_school,
            pgettext_lazy("school", "The details are corrected."),
            style="outline-secondary",
            name="school",
        ),
    ],
    form_kwargs=lambda step, record, user: {"school": record, "user": user},
)
