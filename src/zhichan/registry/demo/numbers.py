"""Identifiers for synthetic records: valid by the rules the register checks, and easy to tell apart.

- Unified social credit codes: 91 (enterprise) or 51 (social organisation), Nan'an's division code 350583,
  then MADEM and a serial, with the check character of GB 32100-2015 (python-stdnum).
- Patent application numbers: year, type digit and a 7-digit serial from the top of the serial range
  (9000000 and up), with the correct check digit.
- Trademark numbers: 9 digits starting with 9; copyright numbers carry a D (demo) before the serial.
A generated number that is already in the register (a real record) is skipped when loading.
"""

from stdnum.cn import uscc

from ..identifiers import patent_check_digit

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
TYPE_DIGIT = {"invention": "1", "utility_model": "2", "design": "3"}


def demo_uscc(serial: int, entity: str = "91") -> str:
    """A valid unified social credit code for the n-th demo enterprise (up to 31**4 of them)."""
    body = ""
    for _position in range(4):
        serial, digit = divmod(serial, len(USCC_ALPHABET))
        body = USCC_ALPHABET[digit] + body
    stem = f"{entity}350583MADEM{body}"
    return stem + uscc.calc_check_digit(stem)


def patent_number(year: int, patent_type: str, serial: int) -> str:
    """The normalized application number (`2019290012345.X` form) for a serial below 1,000,000."""
    digits = f"{year:04d}{TYPE_DIGIT[patent_type]}{9_000_000 + serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def trademark_number(serial: int) -> str:
    return str(900_000_000 + serial)


def software_number(serial: int) -> str:
    return f"软著登字第D{serial:07d}号"


def work_number(year: int, serial: int) -> str:
    return f"国作登字-{year}-D-{serial:08d}"
