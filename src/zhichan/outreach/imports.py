"""The outreach module's import kinds, found by core's import framework.

`outreach-attendance`: an activity's sign-in sheet (签到表), typed
from the paper sheet the activity's page prints — its registered participants, then blank lines, every line with
the activity number that names the activity.

Who came: a registered participant whose signature column is filled; anyone else written on the sheet (they wrote
themselves in), kept as a guest — never dropped. A registered line left unsigned, and a blank line, change
nothing. Each line is entered through `attendance.enter_sheet_row`.

`school-activities`: a list of activities in schools (进校园活动台账), one activity a row, each naming a school
the importer reads (by name, and township where two share a name); entered through `activities.create_activity`. A
row of a school, day and title imported before changes nothing."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.errors import RowRejected
from zhichan.core.imports.values import amount, dated, free_text, limited
from zhichan.core.roles import LIAISONS, Role

from .models import Activity, ActivityKind, Audience, Campaign, Participant, School
from .services import activities
from .services.attendance import enter_sheet_row, find_participant


def read_number(cell) -> int:
    text = str(cell).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        raise ValueError(gettext("Expected the activity number printed on the sheet, a whole number."))
    return int(text)


FIELDS = {
    "activity": read_number,
    "name": limited(Participant, "name"),
    "employer": limited(Participant, "employer"),
    "position": limited(Participant, "position"),
    "phone": limited(Participant, "phone"),
    "signature": free_text,
}

LABELS = {
    "activity": _("activity number"),
    "name": pgettext_lazy("person", "name"),
    "employer": _("work unit"),
    "position": _("position"),
    "phone": pgettext_lazy("person", "phone"),
    "signature": _("signature"),
}


class AttendanceWriter(ActionWriter):
    refused_field = "activity"

    def __init__(self, job):
        super().__init__(job)
        self.activities = {}

    def activity(self, number) -> Activity:
        if number not in self.activities:
            self.activities[number] = Activity.objects.editable_by(self.user).filter(pk=number).first()
        found = self.activities[number]
        if found is None:
            reason = gettext("No activity numbered %(number)s that you organise.") % {"number": number}
            raise RowRejected([("activity", number, reason)])
        return found

    def enter(self, record: dict):
        activity = self.activity(record["activity"])
        values = {name: (record.get(name) or "").strip() for name in ("name", "employer", "position", "phone")}
        signed = bool((record.get("signature") or "").strip())
        if not values["name"]:
            if signed or any(values.values()):
                raise ValidationError({"name": gettext("Write the name of who signed.")})
            return "unchanged"  # a blank line of the printed sheet
        registered = find_participant(activity, values["name"], values["phone"])
        if registered is not None and registered.attended:
            return "unchanged"  # present already (signed in on a phone, or an earlier import)
        if registered is not None and not registered.guest and not signed:
            return "unchanged"  # printed on the sheet, never signed: absent
        _participant, guest = enter_sheet_row(activity, self.user, **values)
        return "created" if guest else "updated"


def row_key(record: dict) -> tuple:
    name = (record.get("name") or "").strip()
    if not name:
        return (object(),)  # the printed sheet's blank lines are all alike: none is a second of another
    return (record.get("activity"), name, record.get("phone") or "")


def _outcome(counts: dict):
    return gettext("%(present)d registered participants marked present, %(guests)d guests added.") % {
        "present": counts.get("updated", 0),
        "guests": counts.get("created", 0),
    }


KINDS = [
    ImportKind(
        name="outreach-attendance",
        label=_("sign-in sheet"),
        fields=FIELDS,
        labels=LABELS,
        key=("activity", "name", "phone"),
        row_key=row_key,
        required=("activity",),
        writer=AttendanceWriter,
        uncached=frozenset({"name", "phone", "signature"}),
        outcome=_outcome,
        order=90,
        roles=frozenset({Role.OFFICE, *LIAISONS}),
    ),
]


def read_count(cell) -> int | None:
    text = str(cell if cell is not None else "").strip().removesuffix(".0").removesuffix("人").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(gettext("Expected a whole number of people."))
    return int(text)


SCHOOL_FIELDS = {
    "school": limited(School, "name"),
    "township": free_text,
    "title": limited(Activity, "title"),
    "starts_on": dated(Activity, "starts_on"),
    "place": limited(Activity, "place"),
    "hours": amount(),
    "teachers_trained": read_count,
    "students_reached": read_count,
    "speakers": free_text,
}

SCHOOL_LABELS = {
    "school": pgettext_lazy("school", "name"),
    "township": _("township"),
    "title": _("title"),
    "starts_on": pgettext_lazy("activity", "held on"),
    "place": _("place"),
    "hours": _("hours"),
    "teachers_trained": _("teachers trained"),
    "students_reached": _("students reached"),
    "speakers": _("speakers"),
}


class SchoolActivityWriter(ActionWriter):
    refused_field = "school"

    def __init__(self, job):
        super().__init__(job)
        self.schools = {}

    def school(self, name: str, township: str) -> School:
        key = (name, township)
        if key not in self.schools:
            found = School.objects.visible_to(self.user).filter(name=name).select_related("region", "unit")
            if township:
                found = found.filter(region__name=township)
            self.schools[key] = list(found[:2])
        found = self.schools[key]
        if len(found) != 1:
            reason = (
                gettext("No school of this name that you read; enter it on the schools page first.")
                if not found
                else gettext("Two schools share this name: give the township.")
            )
            raise RowRejected([("school", name, reason)])
        return found[0]

    def enter(self, record: dict):
        school = self.school(record["school"], (record.get("township") or "").strip())
        title = record["title"].strip()
        if Activity.objects.filter(school=school, starts_on=record["starts_on"], title=title).exists():
            return "unchanged"
        activities.create_activity(
            self.user,
            kind=ActivityKind.SCHOOL,
            campaign=Campaign.SCHOOLS,
            title=title,
            audience=Audience.STUDENTS,
            starts_on=record["starts_on"],
            place=record.get("place") or "",
            hours=record.get("hours"),
            speakers=record.get("speakers") or "",
            unit=school.unit,
            school=school,
            teachers_trained=record.get("teachers_trained"),
            students_reached=record.get("students_reached"),
        )
        return "created"


KINDS.append(
    ImportKind(
        name="school-activities",
        label=_("activities in schools"),
        fields=SCHOOL_FIELDS,
        labels=SCHOOL_LABELS,
        key=("school", "starts_on", "title"),
        required=("school", "title", "starts_on"),
        writer=SchoolActivityWriter,
        uncached=frozenset({"title", "place", "speakers"}),
        order=91,
        roles=frozenset({Role.OFFICE, *LIAISONS}),
    )
)
