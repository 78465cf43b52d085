"""The activity list as its filters choose it, its Excel export, and an activity's sign-in sheet (the paper form
handed round at the door, typed in afterwards and imported: core's import kind `outreach-attendance`)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column, sheet
from zhichan.documents import xlsx

from ..forms import ActivityFilter
from ..models import Activity

ACTIVITY_COLUMNS = (
    Column("number", _("activity number"), "pk"),
    Column("title", _("title"), width=40),
    Column("kind", _("kind of activity"), lambda activity: activity.get_kind_display()),
    Column("campaign", _("campaign"), lambda activity: activity.get_campaign_display() if activity.campaign else ""),
    Column("audience", _("audience"), lambda activity: activity.get_audience_display()),
    Column("organiser", _("organiser"), "unit__name", width=24),
    Column("township", pgettext_lazy("activity", "where it takes place"), "region__name"),
    Column("starts_on", pgettext_lazy("activity", "held on")),
    Column("place", _("place"), width=24),
    Column("hours", _("hours")),
    Column("present", _("present"), lambda activity: getattr(activity, "present", None)),
    Column("attendees_reported", _("attendees (counted by the organiser)")),
    Column("media_items", _("media items")),
    Column("online_views", _("online views")),
    Column("school", _("school"), "school__name"),
    Column("teachers_trained", _("teachers trained")),
    Column("students_reached", _("students reached")),
)

# The sign-in sheet's columns, as the import kind reads them (data in outreach/imports.py).
SHEET_HEADERS = (
    _("activity number"),
    pgettext_lazy("person", "name"),
    _("work unit"),
    _("position"),
    pgettext_lazy("person", "phone"),
    _("signature"),
)
BLANK_ROWS = 30


def with_attendance(activities):
    return activities.annotate(present=Count("participants", filter=Q(participants__attended=True)))


def filtered_activities(user, data):
    found = Activity.objects.visible_to(user).select_related("region", "unit")
    form = ActivityFilter(data or None)
    if form.is_valid():
        chosen = form.cleaned_data
        for name in ("kind", "campaign"):
            if chosen.get(name):
                found = found.filter(**{name: chosen[name]})
        if chosen.get("year"):
            found = found.filter(starts_on__year=chosen["year"])
        if chosen.get("q"):
            text = chosen["q"].strip()
            found = found.filter(Q(title__icontains=text) | Q(place__icontains=text))
    return form, with_attendance(found).order_by("-starts_on", "-pk")


def activity_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_activities(request.user, request.GET)
    title = gettext("Trainings and publicity")
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(title)s · made %(time)s") % {"title": title, "time": made}
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, ACTIVITY_COLUMNS, found, note)], rows=found.count()
    )


def sign_in_sheet(activity) -> xlsx.Workbook:
    """The registered participants, then blank lines, each with the activity's number so the typed sheet imports
    into this activity."""
    people = [
        [activity.pk, one.name, one.employer, one.position, "", ""] for one in activity.participants.filter(guest=False)
    ]
    blanks = [[activity.pk, "", "", "", "", ""] for _ in range(BLANK_ROWS)]
    note = gettext("Sign-in sheet · %(title)s · %(day)s · %(place)s") % {
        "title": activity.title,
        "day": activity.starts_on.isoformat(),
        "place": activity.place,
    }
    title = gettext("Sign-in sheet")
    headers = [str(header) for header in SHEET_HEADERS]
    return xlsx.Workbook(
        filename=f"{title} {activity.pk}.xlsx",
        sheets=[xlsx.Sheet(title, headers, people + blanks, note, widths=[10, 14, 30, 16, 16, 16])],
        rows=len(people) + BLANK_ROWS,
    )
