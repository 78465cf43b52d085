"""How figures are shown: counts as whole numbers, amounts with their unit's decimals, thousands separated (12,000).

One function for every place a figure is shown (pages, the API's display fields, exports), so a count never shows
as 10.00 and an amount never as 12000.0000.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def as_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None


def rounded(value, decimals: int):
    """The figure as a number with the given decimals: an int for whole numbers, else a Decimal (for exports)."""
    number = as_decimal(value)
    if number is None:
        return None
    if not decimals:
        return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return number.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)


def format_figure(value, decimals: int = 0) -> str:
    """12000 → "12,000"; 1234.5 with 2 decimals → "1,234.50"; nothing → "—"."""
    number = rounded(value, int(decimals or 0))
    if number is None:
        return "—"
    return f"{number:,}" if isinstance(number, int) else f"{number:,.{int(decimals)}f}"


def parse_figure(text: str) -> Decimal:
    """What a person typed, thousands separators and full-width digits allowed; InvalidOperation if no number."""
    cleaned = str(text).strip().translate(_FULL_WIDTH).replace(",", "").replace(" ", "")
    if not cleaned:
        raise InvalidOperation
    number = Decimal(cleaned)
    if not number.is_finite():
        raise InvalidOperation
    return number


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
