"""Texts kept as their catalogue key and values, so that each reader sees them in their own language.

Where a text is made for later readers (a notification, the reason an import refused a row), make a Message
and store `as_key()` in a JSONField beside the text as it first read; `render_key()` gives the stored key back
as text in the active language. A row stored before there were keys keeps its plain text, which is shown as it
is. Mark the key with gettext_noop so that it is in the catalogue.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values. Values are stored as numbers (so that %(n)d formats), as another
    Message (a label from the catalogue, shown in the reader's language too) or as text."""

    msgid: str
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "params", {name: _stored(value) for name, value in self.params.items()})

    def __str__(self):
        """In the active language; a key that does not fit its values fails here, where it is made."""
        return _render(self.as_key())

    def __mod__(self, params: dict) -> "Message":
        """`Message(key) % {...}`: the same key with these values, the way a translated text is formatted."""
        return Message(self.msgid, {**self.params, **params})

    def as_key(self) -> dict:
        return {"msgid": self.msgid, "params": self.params}


def gettext_key(msgid: str) -> Message:
    """gettext that keeps the key: `gettext_key("%(n)d given.") % {"n": 3}` is a Message. Imported as `_` in a
    module whose texts are all kept for later readers, so that makemessages finds them as it finds gettext's."""
    return Message(msgid)


def keyed(text) -> "Message | str":
    """A Message for `text` when its key can be known (a Message, or a gettext_lazy text); other text as is.
    A lazy text is taken as a key only when translating that key gives back the same text, so that a
    pgettext or plural text is never mistaken for a plain key."""
    if isinstance(text, Message):
        return text
    if isinstance(text, Promise):
        args = getattr(text, "_args", ())
        if len(args) == 1 and isinstance(args[0], str) and gettext(args[0]) == str(text):
            return Message(args[0])
    return str(text)


def joined(parts: list) -> "Message | str":
    """Several texts as one, separated by spaces, each part still shown in the reader's language."""
    parts = [keyed(part) for part in parts]
    if len(parts) == 1:
        return parts[0]
    names = [f"p{index}" for index in range(len(parts))]
    return Message(" ".join(f"%({name})s" for name in names), dict(zip(names, parts, strict=True)))


# A list's separator and a remark in brackets, in the reader's language (Chinese writes ；、（）).
SEPARATED = gettext_noop("%(before)s; %(after)s")
LISTED = gettext_noop("%(before)s, %(after)s")
BRACKETED = gettext_noop("%(text)s (%(inside)s)")


def listed(parts: list, separator: str = LISTED) -> "Message | str":
    """Items of a list as one text, separated as the reader's language separates them (`SEPARATED` for `; `)."""
    parts = [keyed(part) for part in parts]
    if not parts:
        return ""
    found = parts[0]
    for part in parts[1:]:
        found = Message(separator, {"before": found, "after": part})
    return found


def bracketed(text, inside) -> "Message | str":
    """`text (inside)` with the reader's language's brackets; the text alone when there is nothing inside."""
    return Message(BRACKETED, {"text": text, "inside": inside}) if inside not in (None, "") else keyed(text)


def _stored(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    value = keyed(value)
    return value.as_key() if isinstance(value, Message) else value


def _shown(value):
    return render_key(value) if isinstance(value, dict) else value


def render_key(data) -> str:
    """A catalogue message in the active language; "" when there is none or it no longer fits its values."""
    if not data or "msgid" not in data:
        return ""
    try:
        return _render(data)
    except (KeyError, TypeError, ValueError):
        return ""


def _render(data: dict) -> str:
    text = gettext(data["msgid"])
    params = data.get("params") or {}
    return text % {name: _shown(value) for name, value in params.items()} if params else text


def key_of(text) -> dict:
    """What to store in a key field for `text`: its key when it has one, else {}."""
    text = keyed(text) if isinstance(text, Promise) else text
    return text.as_key() if isinstance(text, Message) else {}


__all__ = ["Message", "bracketed", "gettext_key", "joined", "key_of", "keyed", "listed", "render_key"]
