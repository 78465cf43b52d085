"""The workbench to-dos of the credit module: credit-repair applications awaiting the reader's review, and
published records whose publication ends within the next 30 days."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import DishonestyRecord, RecordState, RepairApplication, RepairState

ENDING_WITHIN_DAYS = 30


def credit_todos(user) -> list[Todo]:
    if role_of(user) not in {Role.OFFICE, *LIAISONS}:
        return []
    found = []
    repairs = RepairApplication.objects.editable_by(user).filter(state=RepairState.ASKED)
    waiting = repairs.count()
    if waiting:
        oldest = repairs.order_by("asked_on").values_list("asked_on", flat=True).first()
        found.append(
            Todo(
                _("Credit-repair applications to review"),
                reverse("credit-record-list") + "?state=repair-asked",
                count=waiting,
                due=oldest,
                kind="review",
            )
        )
    today = timezone.localdate()
    ending = DishonestyRecord.objects.editable_by(user).filter(
        state=RecordState.IN_FORCE,
        published_to__gte=today,
        published_to__lte=today + datetime.timedelta(days=ENDING_WITHIN_DAYS),
    )
    count = ending.count()
    if count:
        first = ending.order_by("published_to").values_list("published_to", flat=True).first()
        found.append(
            Todo(
                _("Dishonesty records whose publication ends soon"),
                reverse("credit-record-list") + "?ending=1",
                count=count,
                due=first,
                kind="credit",
            )
        )
    return found
