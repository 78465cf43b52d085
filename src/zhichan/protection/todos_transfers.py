"""The workbench to-dos of transfers to criminal justice, for each side: the police unit's liaison (transfers
awaiting its receipt, decision or answer to a reconsideration), the procuratorate's (supervision asked for), and the
reporting unit's (transfers awaiting the chief's approval or to be sent; and those awaiting its answer to a refusal
or the hand-over of the items). Each with the earliest due date of their running clocks; a few queries, never one
per row."""

import operator
from functools import reduce
from urllib.parse import urlencode

from django.db.models import BooleanField, Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhichan.core.clocks import State as ClockState
from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, role_of

from .models import Transfer, TransferState
from .models.transfers import REFUSAL, WITH_POLICE
from .services.transfers import open_readings

S = TransferState
# (the side's unit lookup, the transfers awaiting it, the state a link filters the list by, label, kind)
SIDES = [
    ("police", Q(state__in=WITH_POLICE), "", _("Transfers awaiting the police's decision"), "transfers-police"),
    (
        "procuratorate",
        Q(state=S.SUPERVISION),
        S.SUPERVISION,
        _("Transfers awaiting the procuratorate's supervision"),
        "transfers-procuratorate",
    ),
    ("unit", Q(state__in=[S.REPORTED, S.APPROVED]), "", _("Transfers to approve or send"), "transfers-unit"),
    (
        "unit",
        Q(state__in=REFUSAL) | Q(state=S.OPENED, handed_over_on=None),
        "",
        _("Transfers awaiting your answer to a refusal or the hand-over of the items"),
        "transfers-unit-answer",
    ),
]


def transfer_todos(user) -> list[Todo]:
    if role_of(user) not in LIAISONS or not user.unit_id:
        return []
    sides = [(Q(**{f"{lookup}_id": user.unit_id}) & awaiting, *rest) for lookup, awaiting, *rest in SIDES]
    # One query for every side, each row flagged with the sides it waits for (and the clocks' when any waits).
    rows = list(
        Transfer.objects.filter(reduce(operator.or_, (side[0] for side in sides))).annotate(
            **{f"side{n}": _flag(side[0]) for n, side in enumerate(sides)}
        )
    )
    if not rows:
        return []
    readings = open_readings(rows)
    todos = []
    for n, (_found, state, label, kind) in enumerate(sides):
        waiting = [row for row in rows if getattr(row, f"side{n}")]
        if not waiting:
            continue
        pending = [reading for row in waiting for reading in readings.get(row.pk, [])]
        first = min((reading.due for reading in pending), default=None)
        late = any(reading.state == ClockState.OVERDUE for reading in pending)
        url = reverse("transfer-list") + ("?" + urlencode({"state": state}) if state else "")
        todos.append(Todo(str(label), url, len(waiting), first, late, kind))
    return todos


def _flag(condition):
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())
