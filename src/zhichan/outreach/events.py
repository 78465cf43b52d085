"""The outreach module's kinds of events: on the activity, or on the survey round."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind


def _guest(guest) -> str:
    return str(_("guest (not registered)")) if guest else str(_("registered beforehand"))


def _attended(attended) -> str:
    return str(_("present")) if attended else str(_("absent"))


def _people(count) -> str:
    return str(_("%(n)s people")) % {"n": count}


ACTIVITY_CREATED = EventKind("activity.created", _("activity entered"))
ACTIVITY_CHANGED = EventKind("activity.changed", _("activity details changed"))
REACH_RECORDED = EventKind("activity.reach_recorded", _("reach recorded"))
SIGN_IN_OPENED = EventKind("activity.sign_in_opened", _("sign-in opened"))
SIGN_IN_CLOSED = EventKind("activity.sign_in_closed", _("sign-in closed"))
PARTICIPANTS_REGISTERED = EventKind("activity.registered", _("participants registered"), shown={"count": _people})
PARTICIPANT_SIGNED_IN = EventKind(
    "activity.signed_in", _("participant signed in"), shown={"guest": _guest}, order=("name", "guest")
)
SHEET_ROW_ENTERED = EventKind(
    "activity.sheet_row", _("sign-in sheet row entered"), shown={"guest": _guest}, order=("name", "guest")
)
ATTENDANCE_MARKED = EventKind(
    "activity.attendance_marked", _("attendance marked"), shown={"attended": _attended}, order=("name", "attended")
)
FEEDBACK_GIVEN = EventKind("activity.feedback", _("feedback given"), shown={"rating": lambda n: f"{n}/5"})
PHOTO_ADDED = EventKind("activity.photo_added", _("photo attached"))
ACTIVITY_PUBLISHED = EventKind("activity.published", _("put on the public calendar"))
ACTIVITY_WITHDRAWN = EventKind("activity.withdrawn", _("taken off the public calendar"))

ROUND_CREATED = EventKind("survey.created", _("survey round prepared"))
ROUND_OPENED = EventKind("survey.opened", _("survey round opened"))
ROUND_CLOSED = EventKind("survey.closed", _("survey round closed"))

SCHOOL_CREATED = EventKind("school.created", _("school entered"))
SCHOOL_CHANGED = EventKind("school.pilot", _("pilot school naming recorded"))
SCHOOL_CORRECTED = EventKind("school.corrected", _("school details corrected"))
WORK_ADDED = EventKind("school.work_added", _("student work added"))
WORK_REMOVED = EventKind("school.work_removed", _("student work removed"))
