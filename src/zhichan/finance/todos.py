"""The finance module's workbench to-dos: pledges naming a right the register does not hold yet, for the office to
match once the register has it; subsidy applications waiting for the user."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.clocks import State, readings
from zhichan.core.extensions import Todo
from zhichan.core.roles import Role, role_of

from .models import Pledge, Stage, SubsidyApplication, SubsidyScheme, unmatched
from .services.subsidies import CLOCK


def finance_todos(user) -> list[Todo]:
    if role_of(user) != Role.OFFICE:
        return []
    waiting = Pledge.objects.visible_to(user).filter(unmatched("rights")).distinct().count()
    if not waiting:
        return []
    url = reverse("finance-pledge-list") + "?state=unmatched"
    return [Todo(_("Pledges with rights to match to the register"), url, count=waiting, kind="match")]


def subsidy_todos(user) -> list[Todo]:
    """The subsidy applications waiting for the user: the reviews of its stage (the township's, the office's, the
    paying unit's), the payments due after the public notice, the applicant's returned ones; with the overdue."""
    role = role_of(user)
    found = SubsidyApplication.objects.visible_to(user)
    waiting = []
    if role == Role.OFFICE:
        waiting.append((_("Subsidy applications to review"), found.filter(stage=Stage.OFFICE), Stage.OFFICE))
    elif role == Role.TOWNSHIP_LIAISON:
        mine = found.filter(stage=Stage.TOWNSHIP, township=user.unit_id)
        waiting.append((_("Subsidy applications to review"), mine, Stage.TOWNSHIP))
    elif role == Role.UNIT_LIAISON:
        if not SubsidyScheme.objects.filter(payer=user.unit_id).exists():
            return []  # a unit that pays no scheme: one query, not one a kind
        mine = found.filter(scheme__payer=user.unit_id)
        waiting.append((_("Subsidy applications to review"), mine.filter(stage=Stage.FINANCE), Stage.FINANCE))
        payable = mine.notice_over(timezone.localdate())
        waiting.append((_("Subsidies to pay: public notice over"), payable, Stage.NOTICE))
    elif role == Role.ENTERPRISE:
        returned = found.filter(stage=Stage.RETURNED)
        waiting.append((_("Subsidy applications returned for correction"), returned, Stage.RETURNED))
    todos = []
    for label, rows, stage in waiting:
        count = rows.count()
        if not count:
            continue
        overdue = 0
        if stage in (Stage.TOWNSHIP, Stage.OFFICE, Stage.FINANCE):
            read = readings(SubsidyApplication, CLOCK[stage], object_ids=rows.values_list("pk", flat=True))
            overdue = sum(1 for reading in read.values() if reading.state == State.OVERDUE)
        url = reverse("finance-application-list") + f"?stage={stage}"
        detail = _("%(n)d overdue") % {"n": overdue} if overdue else ""
        todos.append(Todo(label, url, count=count, overdue=bool(overdue), kind="subsidy", detail=detail))
    return todos
