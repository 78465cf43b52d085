"""What an action is given, read the one way every app reads it: text without the blanks around it, and a day that
is not one still to come (a step taken, a round opened: the day it was done, today by default)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def stripped(value) -> str:
    """The text given without the blanks around it; "" for None."""
    return (value or "").strip()


def past_day(day, field: str, default=None) -> datetime.date:
    """The day given (else `default`, else today); a day still to come is refused under `field`."""
    today = timezone.localdate()
    day = day or default or today
    if day > today:
        raise ValidationError({field: _("A day still to come cannot be recorded yet.")})
    return day
