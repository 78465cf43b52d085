"""Reading the registry's own cell values: IPC codes, patent types, trademark terms (the common ones, dates,
lists and yes/no, are core's: core/imports/values.py)."""

import datetime
import re
import unicodedata

from zhichan.core.imports.values import parse_date, split_list, text
from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language

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
