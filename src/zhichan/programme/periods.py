"""Reporting periods of a programme: months or quarters from its start to its end.

No models are imported here, so the models show their periods with the same functions the services use."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from zhichan.core.messages import Message


class ReportingFrequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str

    @property
    def key(self) -> str:
        return self.start.isoformat()

    @property
    def shown(self) -> str:
        """The period as people read it, in the active language ("2024年第4季度"); `label` stays the short code."""
        return shown_between(self.start, self.end)

    @property
    def shown_message(self) -> "Message | str":
        """`shown` kept as its catalogue key, for texts stored for later readers (notifications)."""
        return period_message(self.start, self.end)


def shown_between(start: datetime.date, end: datetime.date) -> str:
    """A reporting period by its dates, as people read it: a quarter, a month, or else the two dates."""
    return str(period_message(start, end))


def period_message(start: datetime.date, end: datetime.date) -> "Message | str":
    """The period as people read it, as a Message, so that a stored text names it in each reader's language."""
    following = end + datetime.timedelta(days=1)
    months = (following.year - start.year) * 12 + following.month - start.month
    if start.day == 1 and following.day == 1 and months == 3 and start.month % 3 == 1:
        return Message(
            gettext_noop("%(year)d Q%(quarter)d"), {"year": start.year, "quarter": (start.month - 1) // 3 + 1}
        )
    if start.day == 1 and following.day == 1 and months == 1:
        return Message(gettext_noop("%(year)d-%(month)02d"), {"year": start.year, "month": start.month})
    return f"{start:%Y-%m-%d}–{end:%Y-%m-%d}"


def _month_start(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def periods(programme) -> list[Period]:
    step = 3 if programme.reporting == ReportingFrequency.QUARTERLY else 1
    first = datetime.date(programme.start.year, (programme.start.month - 1) // step * step + 1, 1)
    result = []
    start = first
    while start <= programme.end:
        following = _month_start(start, step)
        end = following - datetime.timedelta(days=1)
        if step == 3:
            label = f"{start.year}Q{(start.month - 1) // 3 + 1}"
        else:
            label = f"{start.year}-{start.month:02d}"
        result.append(Period(start, end, label))
        start = following
    return result


def period_starting(programme, start: datetime.date) -> Period | None:
    return next((p for p in periods(programme) if p.start == start), None)


def current_or_last(programme, today: datetime.date) -> Period:
    """The period containing today, or the last one once the programme has ended."""
    all_periods = periods(programme)
    return next((p for p in all_periods if p.start <= today <= p.end), all_periods[-1])
