"""The outreach module's kinds of events: on the activity, or on the survey round."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

ACTIVITY_CREATED = EventKind("activity.created", _("activity entered"))
ACTIVITY_CHANGED = EventKind("activity.changed", _("activity details changed"))
REACH_RECORDED = EventKind("activity.reach_recorded", _("reach recorded"))
SIGN_IN_OPENED = EventKind("activity.sign_in_opened", _("sign-in opened"))
SIGN_IN_CLOSED = EventKind("activity.sign_in_closed", _("sign-in closed"))
PARTICIPANTS_REGISTERED = EventKind("activity.registered", _("participants registered"))
PARTICIPANT_SIGNED_IN = EventKind("activity.signed_in", _("participant signed in"), order=("name", "guest"))
SHEET_ROW_ENTERED = EventKind("activity.sheet_row", _("sign-in sheet row entered"), order=("name", "guest"))
ATTENDANCE_MARKED = EventKind("activity.attendance_marked", _("attendance marked"), order=("name", "attended"))
FEEDBACK_GIVEN = EventKind("activity.feedback", _("feedback given"), order=("rating",))
PHOTO_ADDED = EventKind("activity.photo_added", _("photo attached"))

ROUND_CREATED = EventKind("survey.created", _("survey round prepared"))
ROUND_OPENED = EventKind("survey.opened", _("survey round opened"))
ROUND_CLOSED = EventKind("survey.closed", _("survey round closed"))
