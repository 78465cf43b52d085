"""Reading cell values as exports write them: empties, dates, lists, names, yes/no; readers of limited text and
closed lists.

Each parser takes the cell as read (text, or a number/date from a spreadsheet) and returns the value or raises
ValueError with a message in the active language. Parsers used on every row keep a cache: a million-row
patent file has only a few thousand distinct dates.
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language
from ..plausible import TEXT_MAX_LENGTH, date_problem, max_length_of, text_problem

EMPTY = frozenset({"", "-", "--", "---", "—", "——", "(null)", "null", "none", "n/a", "暂无", "无数据", "/"})
FORMULA_STARTS = ("=", "+", "-", "@")
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def text(value) -> str:
    """A cell as text, stripped; the ways exports write "nothing" (-, --, (null), 暂无 …) become "".

    A leading apostrophe that a spreadsheet (or our own export) put before a formula-looking value is dropped,
    so the value is read back as it was written. Formula-looking text is kept as text, never evaluated.
    """
    if type(value) is str:
        value = value.strip()
        if not value:
            return value
        if len(value) <= 6 and (value.lower() in EMPTY or unicodedata.normalize("NFKC", value).lower() in EMPTY):
            return ""
        if value[0] == "'" and value[1:2] in FORMULA_STARTS:
            return value[1:]
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return text(str(value))


_DATE = re.compile(
    r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_date_cache: dict = {}


def parse_date(value) -> datetime.date | None:
    """2017-02-27, 2017.02.27, 2017/2/7, 20170503, 2017年02月27日, an Excel date cell or serial; None if empty."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return _date_cache[value]
    except (KeyError, TypeError):
        pass
    result = _parse_date(value)
    if len(_date_cache) < 100_000 and isinstance(value, str | int | float):
        _date_cache[value] = result
    return result


def _parse_date(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value)
        if 19000101 <= number <= 21001231:
            value = str(number)
        elif 1 <= number < 80000:  # an Excel serial day number
            return EXCEL_EPOCH + datetime.timedelta(days=number)
        else:
            raise ValueError(_("%(value)s is not a date.") % {"value": value})
    raw = text(value)
    if not raw:
        return None
    cleaned = unicodedata.normalize("NFKC", raw)
    match = _DATE.match(cleaned) or _COMPACT_DATE.match(cleaned)
    if match is None:
        raise ValueError(
            _("%(value)s is not a date: write it as 2017-02-27, 2017.02.27, 20170227 or 2017年02月27日.")
            % {"value": raw}
        )
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(_("%(value)s is not a date of the calendar.") % {"value": raw}) from None


_SEPARATORS = re.compile(r"\s*[;；,，|、\n]\s*")


def split_list(value) -> list[str]:
    """Several names or codes in one cell, split on ; ； , ， | 、 and line breaks; empties dropped."""
    raw = text(value)
    if not raw:
        return []
    return [part for part in _SEPARATORS.split(raw) if part and part.lower() not in EMPTY]


def fold_name(name: str) -> str:
    """An enterprise name for matching: NFKC (full-width parentheses become half-width), spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", name).split())


YES = frozenset({"是", "y", "yes", "1", "true", "t", "有", "√", "✓"})
NO = frozenset({"否", "n", "no", "0", "false", "f", "无", "×", "空"})


def parse_yes_no(value) -> bool:
    """是/否, Y/N, yes/no, 1/0, true/false (any case, full-width too) or a spreadsheet's TRUE/FALSE cell; an empty
    cell (or 空) is no."""
    if isinstance(value, bool):
        return value
    raw = text(value)
    if not raw:
        return False
    key = unicodedata.normalize("NFKC", raw).strip().lower()
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError(
        _("%(value)s is not yes or no: write 是 or 否 (or Y/N, 1/0); leave it empty for no.") % {"value": raw}
    )


def limited(model, name):
    """A text reader refusing control characters and more characters than the model's field holds (the rules of
    core/plausible.py, which the model's full_clean applies too)."""
    field = model._meta.get_field(name)
    limit, multiline = max_length_of(field), field.get_internal_type() == "TextField"

    def read(cell):
        value = text(cell)
        if value:
            problem = text_problem(value, max_length=limit, multiline=multiline)
            if problem:
                raise ValueError(problem)
        return value

    return read


def free_text(cell):
    """Text of no particular field: no control characters, at most TEXT_MAX_LENGTH characters."""
    value = text(cell)
    if value:
        problem = text_problem(value, max_length=TEXT_MAX_LENGTH, multiline=True)
        if problem:
            raise ValueError(problem)
    return value


def dated(model, name):
    """A date reader refusing what the model's date field cannot plausibly hold (core/plausible.py): before the
    registers' earliest date, or after today for a date that cannot lie ahead."""

    def read(cell):
        day = parse_date(cell)
        if day is not None:
            problem = date_problem(day, model, name)
            if problem:
                raise ValueError(problem)
        return day

    return read


def words(mapping: dict, message):
    """A reader for a closed list: a value is matched by the first keyword of `mapping` it contains; `message()`
    says what may be written, with %(value)s for the value given."""

    def read(cell):
        raw = text(cell)
        if not raw:
            return ""
        folded = raw.lower()
        for keyword, value in mapping.items():
            if keyword in folded:
                return value
        raise ValueError(message() % {"value": raw})

    return read


def closed(values: str):
    """The message of a closed list's reader: the value given is not one of `values`."""
    return lambda: _("%(value)s is not one of: %(values)s") % {"values": values}


def choice_list(choices, message, also=None):
    """A reader for a cell naming several choices of a closed list (separated as `split_list` separates them),
    each by its code or its label in Chinese or English, or a name `also(value, label)` gives; an unknown name is
    refused with `message`, %(value)s the unknown names and %(values)s the labels. Returns the codes in the
    order written."""
    names: dict[str, str] = {}

    def fold(name) -> str:
        return "".join(unicodedata.normalize("NFKC", str(name)).split()).lower()

    def lookup() -> dict[str, str]:
        if not names:  # built on first use: the labels are translated then
            from django.utils.translation import override

            for language in ("zh-hans", "en"):
                with override(language):
                    for value, label in choices.choices:
                        for name in (label, *(also(value, str(label)) if also else ())):
                            names.setdefault(fold(name), value)
            for value in choices.values:
                names.setdefault(fold(value), value)
        return names

    def read(cell) -> list[str]:
        written, found = split_list(cell), lookup()
        unknown = [name for name in written if fold(name) not in found]
        if unknown:
            labels = "、".join(str(label) for _value, label in choices.choices)
            raise ValueError(message % {"value": "、".join(unknown), "values": labels})
        return [found[fold(name)] for name in written]

    return read


def amount(scale: int = 1, largest=None):
    """A reader for an amount of money, written with or without thousands separators (1,234.5; ￥; 元 or 万元
    after it), divided by `scale` (10,000: a column in 元 read into 万元). `largest` (in the unit read into) refuses
    a larger figure as written in the wrong unit."""

    def read(cell):
        raw = text(cell)
        if not raw:
            return None
        cleaned = unicodedata.normalize("NFKC", raw).replace(",", "").replace("¥", "").replace("￥", "").strip()
        cleaned = cleaned.removesuffix("万元").removesuffix("元").strip()
        try:
            value = Decimal(cleaned) / scale
        except InvalidOperation:
            raise ValueError(_("%(value)s is not an amount of money.") % {"value": raw}) from None
        if value < 0:
            raise ValueError(_("%(value)s is below zero.") % {"value": raw})
        if largest is not None and value > largest:
            raise ValueError(
                _("%(value)s is more than %(largest)s in this column's unit: is it written in 元 in a column of 万元?")
                % {"value": raw, "largest": largest}
            )
        return value

    return read
