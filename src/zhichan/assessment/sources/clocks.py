"""A source read from any record's clocks (core clocks): the share of a unit's time limits met, for the cases,
complaints or public requests a scheme's item names by their model."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy

from zhichan.core import runs
from zhichan.core.bulk_work import one_of
from zhichan.core.clocks import State, read
from zhichan.core.models import Clock, ExcludedPeriod, Extension
from zhichan.core.services.calendar import WorkCalendar

from .base import Evidence, Measure, Source


class ClocksOnTime(Source):
    key = "clocks_on_time"
    label = gettext_lazy("Time limits met")
    wording = gettext_lazy("%(done)s of %(due)s time limits met")
    params = {"model": True, "rules": False, "unit": False}

    def check(self, params):
        try:
            model = apps.get_model(params.get("model", ""))
        except (LookupError, ValueError):
            return f"unknown model {params.get('model')!r} (write app_label.ModelName, e.g. protection.Case)"
        lookup = params.get("unit", "unit")
        try:
            model._meta.get_field(lookup.split("__")[0])
        except Exception:  # noqa: BLE001 - any missing field is the same mistake
            return f"{model._meta.label} has no field {lookup!r} leading to its unit"
        return ""

    def measure(self, units, start, end, params):
        model = apps.get_model(params["model"])
        lookup = params.get("unit", "unit")
        ids = tuple(sorted(unit.pk for unit in units))
        # Items of a round naming the same model with different rules read its clocks once (core.runs).
        due = runs.once(
            ("assessment.clocks", model._meta.label, lookup, ids, start, end),
            lambda: _due_clocks(model, lookup, ids, start, end),
        )
        rules = set(params.get("rules") or ())
        found = defaultdict(lambda: Measure(due=Decimal(0)))
        for unit_id, rule, met, evidence in due:
            if rules and rule not in rules:
                continue
            measure = found[unit_id]
            measure.due += 1
            measure.done += met
            measure.records.append(evidence)
        return dict(found)


def _due_clocks(model, lookup: str, ids: tuple, start, end) -> list[tuple]:
    """(unit id, rule key, met, evidence) of every clock of the units' records due in the period (not one still
    running on the as-of date), read as of the as-of date."""
    owners = dict(
        model._default_manager.filter(**{f"{lookup}__in": ids}).values_list(
            "pk", f"{lookup}_id" if "__" not in lookup else lookup
        )
    )
    clocks = list(
        Clock.objects.filter(
            one_of("object_id", list(owners), "bigint"),
            content_type=ContentType.objects.get_for_model(model),
            started_on__lte=end,
        ).prefetch_related("rule")
    )
    extensions, excluded = _entries([clock.pk for clock in clocks])
    records = {
        record.pk: record
        for record in model._default_manager.filter(one_of("pk", {clock.object_id for clock in clocks}, "bigint"))
    }
    calendar, found = WorkCalendar(), []
    for row in clocks:
        stopped = row.stopped_on if row.stopped_on and row.stopped_on <= end else None
        reading = read(
            row.rule,
            row.started_on,
            end,
            stopped=stopped,
            extensions=[e for e in extensions[row.pk] if e.approved_on <= end],
            excluded=excluded[row.pk],
            calendar=calendar,
        )
        if reading.due < start or (reading.due > end and stopped is None):
            continue
        record = records.get(row.object_id)
        url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
        evidence = Evidence(f"{record} · {row.rule.worded_name}", url, reading.state == State.MET, reading.summary)
        found.append((owners[row.object_id], row.rule.key, evidence.ok, evidence))
    return found


@dataclass(frozen=True)
class _Extension:
    length: int
    approved_on: object
    approver: str
    reason: str


@dataclass(frozen=True)
class _Excluded:
    start: object
    end: object
    reason: str


def _entries(clock_ids: list) -> tuple[dict, dict]:
    """The clocks' extensions and periods not counted, read once for all of them (not a query per clock)."""
    extensions, excluded = defaultdict(list), defaultdict(list)
    for clock, *fields in Extension.objects.filter(one_of("clock_id", clock_ids, "bigint")).values_list(
        "clock_id", "length", "approved_on", "approver", "reason"
    ):
        extensions[clock].append(_Extension(*fields))
    for clock, *fields in ExcludedPeriod.objects.filter(one_of("clock_id", clock_ids, "bigint")).values_list(
        "clock_id", "start", "end", "reason"
    ):
        excluded[clock].append(_Excluded(*fields))
    return extensions, excluded
