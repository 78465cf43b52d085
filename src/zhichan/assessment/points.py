"""Points as people read them (40 rather than 40.00 or 4E+1, 2.5 rather than 2.50), and the points an item counts
with."""

from decimal import Decimal


def shown(value) -> str:
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")


def counted(points, auto, claimed, submitted: bool) -> Decimal | None:
    """The points an item counts with: the review's, else the platform's, else the unit's submitted claim."""
    if points is not None:
        return points
    if auto is not None:
        return auto
    return claimed if submitted else None
