"""The automatic items' sources, by key: what a scheme's `source:` may name (besides `manual`)."""

from .base import COUNT, RATIO, Evidence, Measure, Source
from .clocks import ClocksOnTime
from .indicators import TownshipIndicator
from .programme import ReportsOnTime, ReportsReturned, TasksOnTime, UrgingsAnswered
from .quality import ImportedRowsAccepted

SOURCES: dict[str, Source] = {
    source.key: source
    for source in (
        ReportsOnTime(),
        TasksOnTime(),
        UrgingsAnswered(),
        ReportsReturned(),
        ClocksOnTime(),
        TownshipIndicator(),
        ImportedRowsAccepted(),
    )
}

__all__ = ["COUNT", "RATIO", "SOURCES", "Evidence", "Measure", "Source"]
