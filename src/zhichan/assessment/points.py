"""Points as people read them: 40 rather than 40.00 or 4E+1, 2.5 rather than 2.50."""

from decimal import Decimal


def shown(value) -> str:
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")
