"""Reading the legal status an export states for a patent: which event it is (grant, termination …), and its date.

Exports write a status as a phrase (授权, 未缴年费专利权终止: services/patents.py `legal_event_kind`), as a simple
status (简单法律状态: 有效, 失效, 审中), or as a list of dated entries (法律状态/事件: `2019-05-10 授权;
2021-07-01 专利权的终止`, of which the latest is the current status). A phrase that names none of these is not
guessed: the row rules keep it as written and say so (rows.py).
"""

import re
import unicodedata

from zhichan.core.imports.values import parse_date

from ...models import PatentEventKind
from ...services.patents import legal_event_kind

# The simple statuses of commercial exports. 失效 says the rights ended, not why.
SIMPLE = {"有效": PatentEventKind.GRANT, "失效": PatentEventKind.TERMINATION, "审中": ""}
# Stages of an application before any decision: known, and no event (the patent is not valid yet).
PENDING = ("审中", "在审", "受理", "初步审查", "实质审查", "公开", "公布")

_DATE = re.compile(r"(?<!\d)(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?|\d{8})(?!\d)")
_ENTRIES = re.compile(r"[;；\n|]+")


def event_kind(phrase: str) -> str | None:
    """The event a status phrase records; "" for a stage that records none (审中, 实质审查); None: not understood."""
    key = "".join(unicodedata.normalize("NFKC", phrase).split())
    if key in SIMPLE:
        return SIMPLE[key]
    kind = legal_event_kind(key)
    if kind != PatentEventKind.OTHER:
        return str(kind)
    if any(word in key for word in PENDING):
        return ""
    return None


def latest_entry(status: str):
    """(phrase, date) of a status cell: its latest dated entry when it lists several, else the whole cell and None."""
    entries = []
    for part in _ENTRIES.split(status):
        found = _DATE.search(part)
        if found is None:
            continue
        try:
            day = parse_date(re.sub(r"\s+", "", found[1]))
        except ValueError:
            continue
        phrase = (part[: found.start()] + part[found.end() :]).strip(" :：,，-")
        if day and phrase:
            entries.append((day, phrase))
    if not entries:
        return status, None
    day, phrase = sorted(entries, key=lambda entry: entry[0])[-1]  # of one day's entries, the last written
    return phrase, day


def read_status(status: str) -> tuple[str, object, str | None]:
    """(phrase, its own date or None, event kind or "" or None) for a status cell; see event_kind."""
    phrase, day = latest_entry(status)
    return phrase, day, event_kind(phrase)
