"""Reading the registry's own cell values: IPC codes, patent types, trademark terms (the common ones, dates,
lists and yes/no, are core's: core/imports/values.py)."""

import datetime
import re
import unicodedata

from zhichan.core.imports.values import parse_date, text
from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language

_IPC = re.compile(r"([A-H])\s*(\d{2})\s*([A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})")
# A Locarno class of a design: `14-02`, with its edition `14-02(10)` or `LOC(10)CL.14-02`; never part of a longer
# run of digits and dashes (a date).
_LOCARNO = re.compile(
    r"(?<![\d-])(?:LOC\s*\(\s*(\d{1,2})\s*\)\s*CL\.?\s*)?(\d{2})\s*-\s*(\d{2})(?:\s*\(\s*(\d{1,2})\s*\))?(?![\d-])"
)
_SEPARATORS = re.compile(r"[\s;；,，|、/]+")
_classes_cache: dict = {}


def parse_classes(value) -> tuple[str, str]:
    """The IPC codes and the Locarno classes in a classification cell, each joined by `;`.

    IPC codes: `G06F17/30(2006.01)`, `F16K 11/065`, several joined by spaces, ; or , → `G06F17/30;F16K11/065`.
    Locarno classes of designs (`14-02`, `14-02(10)` with its edition, `LOC(10)CL.14-02`) → `14-02(10)`: they are
    taken out first, so the IPC reading never sees them. A cell with neither is refused.
    """
    try:
        return _classes_cache[value]
    except (KeyError, TypeError):
        pass
    raw = text(value)
    found = ("", "")
    if raw:
        cleaned = unicodedata.normalize("NFKC", raw).upper()
        locarno = []
        for match in _LOCARNO.finditer(cleaned):
            edition = match[1] or match[4]
            code = f"{match[2]}-{match[3]}" + (f"({int(edition)})" if edition else "")
            if code not in locarno:
                locarno.append(code)
        rest = _LOCARNO.sub(" ", cleaned)
        ipc = []
        for match in _IPC.finditer(rest):
            code = f"{match[1]}{match[2]}{match[3]}{match[4]}/{match[5]}"
            if code not in ipc:
                ipc.append(code)
        if not ipc and not locarno:
            raise ValueError(
                _("%(value)s holds no IPC code such as G06F17/30 and no Locarno class such as 14-02.") % {"value": raw}
            )
        found = (";".join(ipc), ";".join(locarno))
    if len(_classes_cache) < 200_000:
        _classes_cache[value] = found
    return found


def parse_locarno(value) -> str:
    """Locarno classes only (a design's 外观设计洛迦诺分类号 column), as `14-02(10);14-04(10)`."""
    raw = text(value)
    if not raw:
        return ""
    ipc, locarno = parse_classes(value)
    rest = _SEPARATORS.sub("", _LOCARNO.sub("", unicodedata.normalize("NFKC", raw).upper()))
    if ipc or not locarno or rest:
        raise ValueError(_("%(value)s is not a list of Locarno classes such as 14-02 or 14-02(10).") % {"value": raw})
    return locarno


def parse_ipc(value) -> list[str]:
    """The IPC codes of a cell (its Locarno classes left aside), as ["G06F17/30", …]."""
    ipc, _locarno = parse_classes(value)
    return ipc.split(";") if ipc else []


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
