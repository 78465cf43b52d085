"""The workbench to-dos of the services module, for those who keep agencies and custody engagements (the office,
a liaison for its own unit's): qualifications that expire within 30 days, custody engagements that end within
30 days, and custody applications awaiting a decision. One query each."""

import datetime

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import ApplicationState, CustodyApplication, CustodyEngagement, Qualification

SOON = datetime.timedelta(days=30)


def agency_todos(user) -> list[Todo]:
    if not (role_of(user) == Role.OFFICE or (role_of(user) in LIAISONS and user.unit_id)):
        return []
    today = timezone.localdate()
    todos = []
    expiring = (
        Qualification.objects.editable_by(user)
        .filter(valid_to__gte=today, valid_to__lte=today + SOON)
        .aggregate(n=Count("pk"), first=Min("valid_to"))
    )
    if expiring["n"]:
        url = reverse("agency-list") + "?expiring=1"
        todos.append(
            Todo(
                _("Agency qualifications expiring within 30 days"),
                url,
                expiring["n"],
                expiring["first"],
                False,
                "qualifications",
            )
        )
    ending = (
        CustodyEngagement.objects.editable_by(user)
        .filter(end__gte=today, end__lte=today + SOON)
        .aggregate(n=Count("pk"), first=Min("end"))
    )
    if ending["n"]:
        url = reverse("custody-list") + "?state=ending"
        todos.append(
            Todo(_("Custody engagements ending within 30 days"), url, ending["n"], ending["first"], False, "custody")
        )
    return todos


def custody_application_todos(user) -> list[Todo]:
    """The applications for custody the user's unit (the office: any) is to accept or decline, the longest waiting
    dating the line."""
    if not (role_of(user) == Role.OFFICE or (role_of(user) in LIAISONS and user.unit_id)):
        return []
    waiting = (
        CustodyApplication.objects.editable_by(user)
        .filter(state=ApplicationState.RECEIVED)
        .aggregate(n=Count("pk"), first=Min("received_on"))
    )
    if not waiting["n"]:
        return []
    url = reverse("custody-application-list") + f"?state={ApplicationState.RECEIVED}"
    detail = _("received since %(day)s") % {"day": waiting["first"].isoformat()}
    return [
        Todo(
            _("Custody applications awaiting a decision"), url, waiting["n"], kind="custody-applications", detail=detail
        )
    ]
