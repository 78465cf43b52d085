"""Synthetic resident population for the demo's townships, so per-10,000-resident figures have a denominator.

Township populations are in no published source the platform has (reference/README.md): real ones are reported by
the townships or entered by the office. For the demo each township-level region with a statistical code gets a
made-up figure for each year the county has one, marked 演示数据（虚构） in its source, scaled so the townships add up
to the county's published figure. Shares can lean on weights the caller gives (the demo register's share of each
township), so a township's synthetic patents per 10,000 residents land near the county's. A region without a
code (a management zone such as 南安经济开发区) lies across towns' territory and gets none, so no resident is
counted twice.
"""

import random

from django.db import transaction

from ..models import Population, Region, RegionKind

DEMO_SOURCE = "演示数据（虚构）"
DEMO_NOTE = "演示数据（虚构），不是统计数据：正式使用时由乡镇（街道）报送或办公室录入并注明来源。"

# Rough sizes by kind, in residents: synthetic assumptions, only to make the shares look like a county's.
SIZES = {
    RegionKind.SUBDISTRICT: (80_000, 150_000),
    RegionKind.TOWN: (20_000, 110_000),
    RegionKind.TOWNSHIP: (8_000, 20_000),
    RegionKind.DEVELOPMENT_ZONE: (10_000, 30_000),
}


def demo_population_present() -> bool:
    return Population.objects.filter(source=DEMO_SOURCE).exists()


@transaction.atomic
def create_demo_population(county_code: str, weights: dict[str, float] | None = None, seed: int = 2022) -> int:
    """Give every coded township-level region of the county a synthetic figure for each year the county has a
    published one; regions or years that already have a figure keep it. Returns how many figures were added."""
    county = Region.objects.filter(code=county_code).first()
    if county is None:
        return 0
    totals = list(Population.objects.filter(region=county).order_by("year"))
    townships = [
        region
        for region in Region.objects.filter(path__startswith=county.path, depth=county.depth + 1, code__isnull=False)
        if region.kind in SIZES
    ]
    if not totals or not townships:
        return 0
    rng = random.Random(seed)
    drawn = {region.pk: rng.uniform(*SIZES[region.kind]) for region in townships}
    shares = {pk: value / sum(drawn.values()) for pk, value in drawn.items()}
    if weights:  # half from the size of its kind, half from the caller's weight
        total = sum(weights.get(region.code, 0) for region in townships) or 1
        shares = {r.pk: (shares[r.pk] + weights.get(r.code, 0) / total) / 2 for r in townships}
    whole = sum(shares.values())
    taken = set(Population.objects.filter(region__in=townships).values_list("region_id", "year"))
    rows = []
    for total in totals:
        for region in townships:
            if (region.pk, total.year) in taken:
                continue
            value = round(total.value * shares[region.pk] / whole)
            rows.append(
                Population(
                    region=region, year=total.year, as_of=total.as_of, value=value, source=DEMO_SOURCE, note=DEMO_NOTE
                )
            )
    Population.objects.bulk_create(rows)
    return len(rows)


def remove_demo_population() -> int:
    return Population.objects.filter(source=DEMO_SOURCE).delete()[0]
