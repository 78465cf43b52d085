"""Attendance: a person signs in on the activity's sign-in page (a phone, no account), or a row of the paper
sign-in sheet is imported. Either way the person is matched to the registered participants by name — and by phone
where both have one, so two people of one name stay two —; someone not registered is kept as a guest, never
dropped. Feedback (a rating of 1 to 5 and a comment) follows the sign-in on the same page."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action

from ..events import FEEDBACK_GIVEN, PARTICIPANT_SIGNED_IN, SHEET_ROW_ENTERED
from ..models import Activity, Participant, Source
from .activities import manages


def _digits(phone: str) -> str:
    return "".join(char for char in phone or "" if char.isdigit())


def find_participant(activity, name: str, phone: str) -> Participant | None:
    """The participant this person is: same name, and the same phone where both gave one."""
    phone = _digits(phone)
    for participant in activity.participants.filter(name=name.strip()).order_by("pk"):
        theirs = _digits(participant.phone)
        if not phone or not theirs or phone == theirs:
            return participant
    return None


def _attend(activity, *, name, employer, position, phone, source) -> tuple[Participant, bool]:
    """Mark the person present; returns the participant and whether they came as a guest just now."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Write your name.")})
    participant = find_participant(activity, name, phone)
    guest = participant is None
    if guest:
        participant = Participant(activity=activity, name=name, source=source, guest=True)
    for field, value in (("employer", employer), ("position", position), ("phone", phone)):
        if (value or "").strip() and not getattr(participant, field):
            setattr(participant, field, value.strip())
    participant.attended = True
    participant.signed_in_at = participant.signed_in_at or timezone.now()
    participant.full_clean()
    participant.save()
    return participant, guest


def _signed(arguments, result) -> dict:
    participant, guest = result
    return {"name": participant.name, "guest": guest}


@action(PARTICIPANT_SIGNED_IN, on="activity", data=_signed)
def sign_in(activity: Activity, user, *, name, employer="", position="", phone="") -> tuple[Participant, bool]:
    """Sign in on the activity's page: only while its organiser keeps the page open."""
    if not activity.sign_in_open:
        raise ValidationError(_("Sign-in for this activity is closed."))
    return _attend(activity, name=name, employer=employer, position=position, phone=phone, source=Source.PHONE)


@action(
    SHEET_ROW_ENTERED, on="activity", allow=lambda user, arguments: manages(user, arguments["activity"]), data=_signed
)
def enter_sheet_row(activity: Activity, user, *, name, employer="", position="", phone="") -> tuple[Participant, bool]:
    """A row of the paper sign-in sheet: the person was there."""
    return _attend(activity, name=name, employer=employer, position=position, phone=phone, source=Source.SHEET)


@action(FEEDBACK_GIVEN, on="activity", data=lambda arguments, participant: {"rating": participant.rating})
def give_feedback(activity: Activity, user, *, participant: Participant, rating: int, comment: str = "") -> Participant:
    """A participant's feedback, from the sign-in page they signed in on (a second one replaces the first)."""
    if participant.activity_id != activity.pk or not participant.attended:
        raise ValidationError(_("Sign in first, then give your feedback."))
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    participant.rating, participant.comment = rating, (comment or "").strip()
    participant.full_clean()
    participant.save()
    return participant


def attendance_figures(activity) -> dict:
    """Registered, present (of them guests), and the feedback's mean rating."""
    people = list(activity.participants.all())
    present = [one for one in people if one.attended]
    ratings = [one.rating for one in people if one.rating]
    return {
        "registered": sum(1 for one in people if not one.guest),
        "present": len(present),
        "guests": sum(1 for one in present if one.guest),
        "ratings": len(ratings),
        "mean_rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
    }
