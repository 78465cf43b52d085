"""A patent as the analyses read it: its lists cleaned and kept between `;`, its legal status in three words, its
applicants typed, its place found. One reading for the set's rows and for the figures' drill-downs, so a figure
and the patents behind it always agree."""

import re
import unicodedata
from functools import cache

from zhichan.core.imports.values import split_list
from zhichan.core.services.divisions import provinces_with_cities
from zhichan.registry.models import PatentEventKind
from zhichan.registry.models.patents import TERMINATING
from zhichan.registry.services.imports.statuses import read_status
from zhichan.registry.services.imports.values import parse_classes

VALID, ENDED, PENDING = "valid", "ended", "pending"
UNCLASSIFIED = "-"  # the IPC key of a patent whose classification is missing or not understood
_ENDING = {*TERMINATING, PatentEventKind.EXPIRY}
_KEEPING = {
    PatentEventKind.GRANT,
    PatentEventKind.RESTORATION,
    PatentEventKind.TRANSFER,
    PatentEventKind.PLEDGE,
    PatentEventKind.PLEDGE_RELEASE,
    PatentEventKind.LICENCE,
    PatentEventKind.PARTIAL_INVALIDATION,
}


def name(text: str) -> str:
    """A name as counted: NFKC (full-width parentheses become half-width), spaces inside Chinese dropped."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", folded)


def names(cell) -> list[str]:
    """The names in a cell, in order, each once."""
    found = []
    for part in split_list(cell):
        cleaned = name(part)
        if cleaned and cleaned not in found:
            found.append(cleaned)
    return found


def joined(values) -> str:
    """`;A;B;`: a list kept so that one item is found exactly by `LIKE '%;A;%'`."""
    values = [value for value in values if value]
    return f";{';'.join(values)};" if values else ""


def listed(text: str) -> list[str]:
    return text.strip(";").split(";") if text else []


_CLASS_SEPARATORS = re.compile(r"[;；,，|、\r\n]+")


def classes(cell) -> tuple[list[str], str]:
    """(IPC codes, what was not understood as written) of a classification cell. Each item of the cell is read on
    its own, so that a code not understood beside good ones is kept as written too, not dropped."""
    if cell is None or not str(cell).strip():
        return [], ""
    codes, unread = [], []
    for part in _CLASS_SEPARATORS.split(str(cell)):
        part = part.strip()
        if not part:
            continue
        try:
            ipc, _locarno = parse_classes(part)
        except ValueError:
            unread.append(part)
            continue
        codes.extend(code for code in ipc.split(";") if code and code not in codes)
    return codes, "; ".join(unread)[:300]


def ipc_levels(code: str) -> tuple[str, str, str, str]:
    """(section, class, subclass, main group) of `G06F17/30`: G, G06, G06F, G06F17/00."""
    return code[:1], code[:3], code[:4], f"{code.split('/', 1)[0]}/00"


def status(text: str) -> str:
    """valid, ended or pending from a status as an export states it; "" when it says nothing known."""
    if not text:
        return ""
    _phrase, _day, kind = read_status(text)
    if kind == "":
        return PENDING
    if kind in _ENDING:
        return ENDED
    if kind in _KEEPING:
        return VALID
    return ""


# Applicant types by the words a name ends or holds: lens_analysis-style typing, kept simple and stated in
# docs/navigation.md. A name of two to four Chinese characters with none of these words is a person.
UNIVERSITY = ("大学", "学院", "学校", "University", "College")
INSTITUTE = ("研究院", "研究所", "科学院", "研究中心", "实验室", "Institute", "Academy", "Laboratory")
ENTERPRISE = ("公司", "厂", "集团", "企业", "合作社", "商行", "工作室", "中心", "Co.", "Ltd", "Inc", "GmbH", "Corp")
_PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


@cache
def applicant_type(text: str) -> str:
    # 大学 first (a university's institute is the university's); then an institute (科学院 holds 学院); then 学院.
    if "大学" in text or "University" in text:
        return "university"
    if any(word in text for word in INSTITUTE):
        return "institute"
    if any(word in text for word in UNIVERSITY):
        return "university"
    if any(word in text for word in ENTERPRISE):
        return "enterprise"
    if _PERSON.match(text):
        return "individual"
    return "other"


@cache
def _places() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(full name, short name, [(city full, city short)]) of every province-level division."""

    def short(full: str) -> str:
        for ending in (
            "维吾尔自治区",
            "壮族自治区",
            "回族自治区",
            "特别行政区",
            "自治区",
            "自治州",
            "地区",
            "盟",
            "省",
            "市",
        ):
            if full.endswith(ending) and len(full) > len(ending) + 1:
                return full[: -len(ending)]
        return full

    return [(full, short(full), [(city, short(city)) for city in cities]) for full, cities in provinces_with_cities()]


@cache
def place(address: str, stated_province: str = "", stated_city: str = "") -> tuple[str, str]:
    """(province, city) by their full names, from the columns that state them or else from the address; "" where
    none is found. A municipality is its own city; an address that begins with a city names its province too."""
    province_text = name(stated_province) or name(address)
    city_text = name(stated_city) or name(address)
    for full, short, cities in _places():
        if province_text.startswith((full, short)):
            for prefix in (full, short):
                if city_text.startswith(prefix) and not _begins_with_city(city_text, cities):
                    city_text = city_text[len(prefix) :]
                    break
            found = _begins_with_city(city_text, cities)
            return full, found or (full if cities == [(full, short)] else "")
    for full, _short, cities in _places():
        found = _begins_with_city(city_text, cities)
        if found:
            return full, found
    return "", ""


def _begins_with_city(text: str, cities) -> str:
    for city, city_short in cities:
        if text.startswith((city, city_short)):
            return city
    return ""
