"""The workbench to-dos of joint meetings: for the office, a plenary meeting due soon, due or overdue; for a unit's
liaison, its open decisions near or past their deadline. One query each."""

from django.urls import reverse
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .services.meetings import meeting_due, pressing_for_unit


def meeting_todos(user) -> list[Todo]:
    role = role_of(user)
    if role == Role.OFFICE and user.unit_id:
        due = meeting_due(user.unit.organisation_id)
        if due is None or not due.pressing:
            return []
        label = _("Hold a plenary joint meeting") if due.last else _("Hold the first plenary joint meeting")
        detail = _("last held on %(day)s") % {"day": due.last.isoformat()} if due.last else ""
        return [Todo(label, reverse("meeting-list"), 1, due.due, due.late, "meeting", detail)]
    if role in LIAISONS and user.unit_id:
        found = pressing_for_unit(user.unit_id)
        if not found["count"]:
            return []
        url = reverse("decision-list")
        label = _("Decisions of joint meetings near or past their deadline")
        return [Todo(label, url, found["count"], found["first"], bool(found["overdue"]), "decisions")]
    return []
