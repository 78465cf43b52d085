"""Reading cell values as exports write them: empties, dates, lists, IPC codes, patent types, yes/no.

Each parser takes the cell as read (text, or a number/date from a spreadsheet) and returns the value or raises
ValueError with a message in the active language. Parsers used on every row keep a cache: a million-row
patent file has only a few thousand distinct dates.
"""

import datetime
import re
import unicodedata

from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language

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


_IPC = re.compile(r"([A-H])\s*(\d{2})\s*([A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})")
_LOCARNO = re.compile(r"^(\d{2})\s*-\s*(\d{2})$")
_ipc_cache: dict = {}


def parse_ipc(value) -> list[str]:
    """IPC codes in a cell (`G06F17/30(2006.01)`, `F16K 11/065`, several joined by spaces, ; or ,) as G06F17/30.

    Locarno classes of designs (`09-01`) are kept as written. Text with no code in it is refused.
    """
    try:
        return _ipc_cache[value]
    except (KeyError, TypeError):
        pass
    raw = text(value)
    if not raw:
        codes = []
    else:
        cleaned = unicodedata.normalize("NFKC", raw).upper()
        codes = []
        for match in _IPC.finditer(cleaned):
            code = f"{match[1]}{match[2]}{match[3]}{match[4]}/{match[5]}"
            if code not in codes:
                codes.append(code)
        if not codes:
            codes = [f"{m[1]}-{m[2]}" for m in (_LOCARNO.match(part) for part in split_list(cleaned)) if m]
        if not codes:
            raise ValueError(_("%(value)s holds no IPC code such as G06F17/30.") % {"value": raw})
    if len(_ipc_cache) < 200_000:
        _ipc_cache[value] = codes
    return codes


PATENT_TYPE_WORDS = {
    "invention": (
        "发明",
        "发明专利",
        "发明申请",
        "授权发明",
        "发明授权",
        "发明公开",
        "invention",
        "1",
        "8",
        "a",
        "b",
        "c",
    ),
    "utility_model": ("实用新型", "实用新型专利", "新型", "utility_model", "utility model", "2", "9", "u", "y"),
    "design": ("外观设计", "外观设计专利", "外观", "design", "3", "s"),
}
_TYPE_BY_WORD = {word: kind for kind, words in PATENT_TYPE_WORDS.items() for word in words}


def parse_patent_type(value) -> str:
    """invention, utility_model or design from a word (发明, 实用新型, 外观设计 …), a code 1/2/3 or a kind letter."""
    raw = text(value)
    if not raw:
        return ""
    key = "".join(unicodedata.normalize("NFKC", raw).split()).lower()
    if key in _TYPE_BY_WORD:
        return _TYPE_BY_WORD[key]
    if key[:1] in ("a", "b", "c", "u", "y", "s") and key[1:].isdigit():  # A1, B2, U …
        return _TYPE_BY_WORD[key[:1]]
    raise ValueError(
        _("%(value)s is not a patent type: write 发明, 实用新型 or 外观设计 (or 1, 2, 3).") % {"value": raw}
    )


_TERM = re.compile(r"^(.+?)\s*(?:至|到|~|～|—|--|-\s)\s*(.+)$")


def parse_term(value) -> tuple[datetime.date | None, datetime.date | None]:
    """A trademark's 专用权期限 `2013年05月21日至2023年05月20日` as (first day, last day)."""
    raw = text(value)
    if not raw:
        return None, None
    match = _TERM.match(unicodedata.normalize("NFKC", raw))
    if match is None:
        raise ValueError(_("%(value)s is not a term: write it as 2013年05月21日至2023年05月20日.") % {"value": raw})
    return parse_date(match[1]), parse_date(match[2])


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
