"""A project's outputs with the register's records behind them, and what the targets' measures count of them.

An output is linked to the register by its number whenever it is read: one query for all of a project's outputs
(or of many projects'). What counts, per measure, from the project's start (the period's first day, else the
approval) — an output filed earlier is shown but counted under no measure:
- applications filed: outputs the register holds, filed from the start on;
- invention applications filed: of them, invention patents;
- PCT applications filed: outputs with a PCT application filed from the start on;
- patents granted / invention patents granted: outputs filed from the start on, granted;
- patents licensed or transferred: outputs filed from the start on that a licence, transfer or auction entered in
  IP finance names."""

from collections import defaultdict
from dataclasses import dataclass, field

from zhichan.core.bulk_work import one_of
from zhichan.finance.models import TransactionRight
from zhichan.registry.models import Patent
from zhichan.registry.models.patents import PatentType
from zhichan.registry.services.patents import patents_by_number

from ..models import Measure

# What the outputs' page and measures read of a patent (its other fields are not loaded).
PATENT_FIELDS = (
    "application_number",
    "title",
    "patent_type",
    "filing_date",
    "grant_date",
    "pct_number",
    "pct_filing_date",
)


@dataclass
class Linked:
    """An output with its register record (None: not in the register yet) and why it counts, or does not."""

    output: object
    patent: Patent | None = None
    before_start: bool = False
    licensed: bool = False
    measures: list = field(default_factory=list)


def since(project):
    return project.starts_on or project.approved_on


def _measures(patent, start, licensed: bool) -> set:
    if patent is None or (start and patent.filing_date and patent.filing_date < start):
        return set()
    found = {Measure.APPLICATIONS}
    invention = patent.patent_type == PatentType.INVENTION
    if invention:
        found.add(Measure.INVENTIONS)
    if patent.pct_number and (not start or (patent.pct_filing_date or patent.filing_date) >= start):
        found.add(Measure.PCT)
    if patent.grant_date:
        found.add(Measure.GRANTS)
        if invention:
            found.add(Measure.INVENTION_GRANTS)
    if licensed:
        found.add(Measure.LICENSED)
    return found


def linked_outputs(projects) -> dict[int, list[Linked]]:
    """{project id: its outputs, linked}, for any number of projects: two queries (and the outputs')."""
    projects = list(projects)
    outputs = [output for project in projects for output in project.outputs.all()]
    patents = patents_by_number((output.number for output in outputs), PATENT_FIELDS)
    traded = set(
        TransactionRight.objects.filter(
            one_of("patent_id", sorted(p.pk for p in patents.values()), "bigint", walk=True)
        )
        .values_list("patent_id", flat=True)
        .order_by()
    )
    starts = {project.pk: since(project) for project in projects}
    found = defaultdict(list)
    for output in outputs:
        patent, start = patents.get(output.number), starts[output.project_id]
        licensed = patent is not None and patent.pk in traded
        linked = Linked(output, patent, licensed=licensed)
        linked.before_start = bool(patent and start and patent.filing_date and patent.filing_date < start)
        counted = _measures(patent, start, licensed)
        linked.measures = [measure for measure in Measure if measure in counted]  # in the measures' order
        found[output.project_id].append(linked)
    return found


def achieved(linked: list[Linked]) -> dict[str, int]:
    """{measure: how many outputs count under it}."""
    counts = defaultdict(int)
    for one in linked:
        for measure in one.measures:
            counts[measure] += 1
    return counts


def target_rows(project, linked: list[Linked]) -> list[dict]:
    """Each target with the number achieved, in the measures' order."""
    counts = achieved(linked)
    planned = {target.measure: target.planned for target in project.targets.all()}
    return [
        {"measure": measure, "label": label, "planned": planned[measure], "achieved": counts.get(measure, 0)}
        for measure, label in Measure.choices
        if measure in planned
    ]
