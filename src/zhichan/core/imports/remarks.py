"""What a batch's summary says beyond its counts: the columns of the file that no field takes, and the remarks the
row rules left on rows they accepted (a legal status not understood, a date taken from another column …).

Nothing a file holds is dropped silently: a column no field takes is named, and a value kept without its effect is
named with its row. Remarks are grouped by reason; each group gives its count and its first rows.
"""

from django.utils.translation import gettext_noop

from ..messages import Message, bracketed, listed

ROWS_SHOWN = 20  # rows named per reason; the rest are counted


class Remarks:
    def __init__(self, ignored: list[str] | tuple = ()):
        self.ignored = list(ignored)
        self.groups: dict[tuple, list] = {}  # the reason's key → [reason, count, [(row, value)]]

    def add(self, row: int, noted: list):
        """The remarks on one accepted row: (field, value as written, reason) each."""
        for _field, value, reason in noted:
            key = (reason.msgid, repr(reason.params)) if isinstance(reason, Message) else ("", str(reason))
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = [reason, 0, []]
            group[1] += 1
            if len(group[2]) < ROWS_SHOWN:
                group[2].append((row, "" if value is None else str(value)[:100]))

    def sentences(self) -> list[Message]:
        found = []
        if self.ignored:
            found.append(
                Message(
                    gettext_noop("Columns no field takes, not imported: %(columns)s."),
                    {"columns": "、".join(self.ignored)},
                )
            )
        for reason, count, rows in self.groups.values():
            named = listed([bracketed(str(row), value) for row, value in rows])
            if count > len(rows):
                named = Message(gettext_noop("%(rows)s and %(more)d more"), {"rows": named, "more": count - len(rows)})
            found.append(
                Message(
                    gettext_noop("%(reason)s: %(count)d rows (row numbers: %(rows)s)."),
                    {"reason": reason, "count": count, "rows": named},
                )
            )
        return found
