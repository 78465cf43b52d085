"""How the registry's large registers are written set-based (core/imports/writing.py): their SetSpecs, and the
legal-status events a patent row brings."""

from zhichan.core.imports.bulk import q
from zhichan.core.imports.writing import HISTORY_MARKS, SetSpec

from ...models import Copyright, Patent, PatentEvent, Trademark


class PatentEvents:
    """A patent row's legal-status event (kind, date, text), added where the patent lacks it, with its history."""

    name = "events"
    columns = (("event_kind", "varchar(30)", True), ("event_date", "date", False), ("event_text", "varchar(500)", True))
    models = (PatentEvent,)

    def write(self, writer, cursor, ops: dict) -> int:
        """The chunk's events: every one of a new patent's, and those an existing patent lacks."""
        table = q(writer.table)
        events = q(PatentEvent._meta.db_table)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {events}")
        (before,) = cursor.fetchone()
        select = (
            f"INSERT INTO {events} (patent_id, date, kind, text) SELECT t.record_id, t.event_date, "
            f"t.event_kind, t.event_text FROM {table} AS t WHERE t.event_kind <> ''"
        )
        added = 0
        if ops.get("+"):
            cursor.execute(f"{select} AND t.op = '+'")
            added += max(cursor.rowcount, 0)
        if ops.get("~") or ops.get("="):
            cursor.execute(
                f"{select} AND t.op <> '+' AND NOT EXISTS (SELECT 1 FROM {events} AS e "
                f"WHERE e.patent_id = t.record_id AND e.kind = t.event_kind AND e.date = t.event_date)"
            )
            added += max(cursor.rowcount, 0)
        if added:
            history = q(PatentEvent.history.model._meta.db_table)
            cursor.execute(
                f"INSERT INTO {history} (id, patent_id, date, kind, text, {HISTORY_MARKS}) "
                f"SELECT e.id, e.patent_id, e.date, e.kind, e.text, %s, %s, '+', %s FROM {events} AS e WHERE e.id > %s",
                [*writer.stamp(), before],
            )
        return added


# The region found by address is kept when a later file finds none; holders are linked from the ids found.
PATENTS = SetSpec(
    model=Patent,
    key="application_number",
    always=("patent_type",),  # derived from the number
    # the main IPC code is the first code; a classification column holds a design's Locarno classes too
    derived={"ipc_codes": ("main_ipc", "locarno_classes"), "main_ipc": ("locarno_classes",)},
    kept=("region_id",),
    links="holders",
    links_from="holder_ids",
    extras=(PatentEvents(),),
)
TRADEMARKS = SetSpec(
    model=Trademark,
    key="registration_number",
    always=("madrid",),
    derived={"term": ("registration_date", "expiry_date")},  # a term gives both dates
    kept=("region_id",),
    links="holders",
    links_from="holder_ids",
)
COPYRIGHTS = SetSpec(
    model=Copyright,
    key="registration_number",
    always=("kind",),
    kept=("region_id",),
    links="owners",
    links_from="holder_ids",
)
