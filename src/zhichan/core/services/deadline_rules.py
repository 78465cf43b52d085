"""Loading deadline rules from `data/clocks/*.yaml` (format: docs/data-formats.md).

Every start loads the shipped file: new rules are added and rules still as the file wrote them follow it; a rule
the office has edited in the admin (`from_file` cleared) is left alone, so the office's word wins.
"""

from pathlib import Path

from django.db import transaction

from ..models import DeadlineRule, PeriodUnit
from .datafile import Reader
from .upsert import sync_from_file

DEFAULT_RULES = "data/clocks/deadline-rules.yaml"

FIELDS = {
    "key",
    "name",
    "name_en",
    "length",
    "unit",
    "start_event",
    "start_event_en",
    "start_day_counts",
    "roll_to_workday",
    "warn_days",
    "extensions_allowed",
    "max_extensions",
    "max_extension_total",
    "source",
    "confirmed",
}


def read_rules(reader: Reader) -> list[dict]:
    rules, keys = [], set()
    for path, item in reader.items(reader.data, "rules", required=True):
        reader.only(item, FIELDS, path)
        key = reader.get(item, "key", path)
        if key in keys:
            raise reader.error(f"{path}.key", f"duplicate key {key!r}")
        keys.add(key)
        length = reader.get(item, "length", path, kind=int)
        if length < 1:
            raise reader.error(f"{path}.length", "expected at least 1")
        warn = reader.get(item, "warn_days", path, kind=list, required=False, default=[])
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in warn):
            raise reader.error(f"{path}.warn_days", f"expected whole numbers of days, got {warn!r}")
        rules.append(
            {
                "key": key,
                "name": reader.get(item, "name", path),
                "name_en": reader.get(item, "name_en", path, required=False, default=""),
                "length": length,
                "unit": reader.choice(item, "unit", path, set(PeriodUnit.values)),
                "start_event": reader.get(item, "start_event", path),
                "start_event_en": reader.get(item, "start_event_en", path, required=False, default=""),
                "start_day_counts": reader.get(
                    item, "start_day_counts", path, kind=bool, required=False, default=False
                ),
                "roll_to_workday": reader.get(item, "roll_to_workday", path, kind=bool, required=False, default=True),
                "warn_days": sorted(set(warn), reverse=True),
                "extensions_allowed": reader.get(
                    item, "extensions_allowed", path, kind=bool, required=False, default=False
                ),
                "max_extensions": reader.get(item, "max_extensions", path, kind=int, required=False),
                "max_extension_total": reader.get(item, "max_extension_total", path, kind=int, required=False),
                "source": reader.get(item, "source", path, required=False, default="").strip(),
                "confirmed": reader.get(item, "confirmed", path, kind=bool, required=False, default=True),
            }
        )
    return rules


@transaction.atomic
def load_rules(file: str | Path) -> dict:
    """Bring the rules in line with the file; returns the counts created, updated and kept (edited by the office).

    A rule missing from the file is not deleted: clocks may run under it."""
    return sync_from_file(DeadlineRule, "key", read_rules(Reader(file)))
