"""An activity and what is entered on it, each an action.

Who may: the office, and the liaison of the organising member unit, enter an activity, change it, register its
participants, mark attendance, record its reach, attach photos and open or close its sign-in page. Anyone holding
the sign-in page's address signs in while it is open (services/attendance.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import (
    action,
    office_or_liaison,
    office_or_system,
    office_or_unit_liaison,
    within_own_region,
)
from zhichan.core.events import record
from zhichan.core.inputs import stripped
from zhichan.core.models import Region, Unit
from zhichan.core.roles import LIAISONS, role_of
from zhichan.core.services import attachments
from zhichan.core.services.organisation import organisation_of

from ..events import (
    ACTIVITY_CHANGED,
    ACTIVITY_CREATED,
    ACTIVITY_PUBLISHED,
    ACTIVITY_WITHDRAWN,
    ATTENDANCE_MARKED,
    PARTICIPANTS_REGISTERED,
    PHOTO_ADDED,
    REACH_RECORDED,
    SIGN_IN_CLOSED,
    SIGN_IN_OPENED,
)
from ..models import Activity, ActivityKind, Campaign, Participant, Source

PHOTOS = "photos"
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def manages(user, activity) -> bool:
    """The office (of the activity's organisation), or the liaison of the organising unit."""
    return office_or_unit_liaison(user, activity, "activity")


def _allow(user, arguments) -> bool:
    return manages(user, arguments["activity"])


may_create = office_or_liaison


DETAILS = (
    "kind",
    "campaign",
    "title",
    "audience",
    "starts_on",
    "ends_on",
    "place",
    "hours",
    "speakers",
    "school",
    "teachers_trained",
    "students_reached",
    "note",
)
NULLABLE = ("ends_on", "hours", "school", "teachers_trained", "students_reached")


def _check(values: dict):
    errors = {}
    if values.get("ends_on") and values.get("starts_on") and values["ends_on"] < values["starts_on"]:
        errors["ends_on"] = _("The activity ends before it begins.")
    if values.get("hours") is not None and values["hours"] <= 0:
        errors["hours"] = _("Give the hours as a number above zero.")
    if values.get("kind") == ActivityKind.SCHOOL:
        if values.get("campaign") not in ("", Campaign.SCHOOLS):
            errors["campaign"] = _("An activity in schools belongs to the IP in schools campaign or none.")
        if values.get("school") is None:
            errors["school"] = _("Choose the school it is held at.")
    elif values.get("school") is not None:
        errors["school"] = _("Only an activity in schools names a school.")
    for name in ("teachers_trained", "students_reached"):
        if values.get(name) is not None and values[name] < 0:
            errors[name] = _("The figure is below zero.")
        elif values.get(name) is not None and values.get("kind") != ActivityKind.SCHOOL:
            errors[name] = _("Only an activity in schools counts teachers trained and students reached.")
    if errors:
        raise ValidationError(errors)


@action(ACTIVITY_CREATED, allow=may_create)
def create_activity(
    user,
    *,
    kind: str,
    title: str,
    audience: str,
    starts_on: datetime.date,
    campaign: str = "",
    ends_on: datetime.date | None = None,
    place: str = "",
    hours=None,
    speakers: str = "",
    note: str = "",
    unit: Unit | None = None,
    region: Region | None = None,
    school=None,
    teachers_trained=None,
    students_reached=None,
    synthetic: bool = False,
) -> Activity:
    """Enter an activity. A liaison's activity is its own unit's; it takes place in the unit's region unless a
    township is chosen."""
    if user is not None and role_of(user) in LIAISONS:
        unit = user.unit
    if unit is None:
        raise ValidationError({"unit": _("Choose the organising member unit.")})
    within_own_region(user, region)
    values = {"kind": kind, "campaign": campaign or "", "starts_on": starts_on, "ends_on": ends_on, "hours": hours}
    _check({**values, "school": school, "teachers_trained": teachers_trained, "students_reached": students_reached})
    activity = Activity(
        kind=kind,
        campaign=campaign or "",
        title=stripped(title),
        audience=audience,
        unit=unit,
        region=region or (school.region if school is not None else unit.region),
        organisation=unit.organisation if unit.organisation_id else organisation_of(user) if user else None,
        starts_on=starts_on,
        ends_on=ends_on,
        place=stripped(place),
        hours=hours,
        speakers=stripped(speakers),
        school=school,
        teachers_trained=teachers_trained,
        students_reached=students_reached,
        note=stripped(note),
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    activity.full_clean()
    activity.save()
    return activity


def _labels(names) -> str:
    return "、".join(str(Activity._meta.get_field(name).verbose_name) for name in names)


@action(allow=_allow)
def change_activity(activity, user, *, unit: Unit | None = None, region: Region | None = None, **values) -> Activity:
    """Change the activity's details (those of DETAILS given), its organiser and where it takes place, by the rules
    it was entered by: a liaison's activity stays its own unit's, placed within its unit's region (a township
    liaison's, in its township); the office names another organiser or township. None keeps the organiser or the
    place as they are. An event names what changed (nothing changed: no event)."""
    values = {name: value for name, value in values.items() if name in DETAILS}
    for name in ("title", "place", "speakers", "note"):
        if name in values:
            values[name] = stripped(values[name])
    _check({name: values.get(name, getattr(activity, name)) for name in DETAILS})
    if unit is not None and unit.pk != activity.unit_id:
        if user is not None and role_of(user) in LIAISONS:
            raise ValidationError({"unit": _("Only the office gives an activity another organiser.")})
        values["unit"] = unit
        if unit.organisation_id:
            values["organisation"] = unit.organisation
    if region is not None and region.pk != activity.region_id:
        within_own_region(user, region)
        values["region"] = region
    before = {name: getattr(activity, name) for name in values}
    for name, value in values.items():
        setattr(activity, name, value if value is not None or name in NULLABLE else "")
    changed = [name for name in values if name != "organisation" and getattr(activity, name) != before[name]]
    activity.full_clean()
    activity.save()
    if changed:
        record(user, ACTIVITY_CHANGED, activity, changed=_labels(changed))
    return activity


@action(REACH_RECORDED, on="activity", allow=_allow)
def record_reach(activity, user, *, attendees_reported=None, media_items=None, online_views=None) -> Activity:
    """A publicity activity's reach as the organiser counts it: attendees (where no list of participants was
    kept), media items (reports, articles, broadcasts) and online views."""
    for name, value in (
        ("attendees_reported", attendees_reported),
        ("media_items", media_items),
        ("online_views", online_views),
    ):
        if value is not None and value < 0:
            raise ValidationError({name: _("The figure is below zero.")})
    activity.attendees_reported, activity.media_items, activity.online_views = (
        attendees_reported,
        media_items,
        online_views,
    )
    activity.save()
    return activity


@action(SIGN_IN_OPENED, on="activity", allow=_allow)
def open_sign_in(activity, user) -> Activity:
    activity.sign_in_open = True
    activity.save()
    return activity


@action(SIGN_IN_CLOSED, on="activity", allow=_allow)
def close_sign_in(activity, user) -> Activity:
    activity.sign_in_open = False
    activity.save()
    return activity


def may_publish(user, arguments) -> bool:
    """The calendar is the office's: it alone (of the activity's organisation) publishes and withdraws."""
    return office_or_system(user, arguments)


@action(
    ACTIVITY_PUBLISHED,
    on="activity",
    allow=may_publish,
    data=lambda arguments, found: {"day": found.published_on.isoformat()},
)
def publish(activity, user, *, day: datetime.date | None = None) -> Activity:
    """Put the activity on the public calendar (the portal's open data) from the day given (today by default):
    its title, kind, audience, organiser, place and dates, never its participants, speakers or note."""
    day = day or timezone.localdate()
    if activity.published_on is not None:
        raise ValidationError(_("It is already published."))
    activity.published_on = day
    activity.save(update_fields=["published_on", "updated"])
    return activity


@action(ACTIVITY_WITHDRAWN, on="activity", allow=may_publish)
def withdraw(activity, user) -> Activity:
    """Take the activity off the public calendar."""
    if activity.published_on is None:
        raise ValidationError(_("It is not published."))
    activity.published_on = None
    activity.save(update_fields=["published_on", "updated"])
    return activity


def read_people(text: str) -> list[dict]:
    """People pasted one a line — name, work unit, position, phone, separated by commas, tabs or spaces (as a
    column copied from a spreadsheet gives them); a line's reason named when it cannot be read."""
    people, errors = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = [part.strip() for part in line.replace("，", ",").replace("\t", ",").split(",")]
        if len(parts) == 1:
            parts = line.split()
        parts = [part for part in parts if part]
        if not parts:
            continue
        name = parts[0]
        if len(name) > Participant._meta.get_field("name").max_length:
            errors.append(_("Line %(line)d: the name is too long.") % {"line": number})
            continue
        phone = next((part for part in parts[1:] if part.replace("-", "").replace(" ", "").isdigit()), "")
        rest = [part for part in parts[1:] if part != phone]
        people.append(
            {
                "name": name,
                "employer": rest[0] if rest else "",
                "position": rest[1] if len(rest) > 1 else "",
                "phone": phone,
            }
        )
    if errors:
        raise ValidationError({"people": errors})
    if not people:
        raise ValidationError({"people": _("Write at least one name.")})
    return people


@action(PARTICIPANTS_REGISTERED, on="activity", allow=_allow, data=lambda arguments, made: {"count": len(made)})
def register(activity, user, *, people: str) -> list[Participant]:
    """Register participants beforehand, one a line; a name (with the same phone) registered already is left."""
    made, known = [], []
    for person in read_people(people):
        same = activity.participants.filter(name=person["name"], phone=person["phone"])
        if same.exists():
            known.append(person["name"])
            continue
        participant = Participant(activity=activity, source=Source.REGISTERED, **person)
        participant.full_clean()
        participant.save()
        made.append(participant)
    if not made:
        raise ValidationError({"people": _("Registered already: %(names)s.") % {"names": "、".join(known)}})
    return made


@action(
    ATTENDANCE_MARKED,
    on="activity",
    allow=_allow,
    data=lambda arguments, participant: {"name": participant.name, "attended": participant.attended},
)
def mark_attendance(activity, user, *, participant: Participant, attended: bool) -> Participant:
    """Tick (or untick) a participant present, by hand on the page."""
    if participant.activity_id != activity.pk:
        raise ValidationError(_("This participant belongs to another activity."))
    participant.attended = attended
    if attended and participant.signed_in_at is None:
        participant.signed_in_at = timezone.now()
    participant.save()
    return participant


@action(PHOTO_ADDED, on="activity", allow=_allow, data=lambda arguments, file: {"name": file.name})
def add_photo(activity, user, *, file, label: str = ""):
    return attachments.attach(
        user, activity, file, kind=PHOTOS, label=stripped(label), accept=PHOTO_TYPES, may_write=lambda *_: True
    )
