"""The workbench to-dos of the services module, for those who keep agencies and custody engagements (the office,
a liaison for its own unit's): qualifications that expire within 30 days, and custody engagements that end within
30 days. One query each."""

import datetime

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import CustodyEngagement, Qualification

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
