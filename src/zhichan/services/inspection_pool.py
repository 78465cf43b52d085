"""The objects' pool of a random inspection plan, and the stratum of each object: the seams other modules plug
into. Each is one function.

- `objects_of(plan)`: today the registry's enterprises with a credit code, of the plan's organisation, filtered by
  the plan's region, industry and size, in credit-code order. Service agencies join here.
- `strata_of(codes, day)`: today a single stratum, 未评级 (ungraded), for every object. The credit grades slot in
  here (the credit module's `grades_of(credit_codes, as_of)`).
- `default_proportions()`: a new plan's proportion per stratum. The credit module's `inspection_proportions()`
  slots in here. 5 % is a typical local default, not a national figure (reference §6, unconfirmed).
"""

from dataclasses import dataclass

from zhichan.registry.models import Enterprise

UNGRADED = "未评级"
DEFAULT_PERCENT = 5


@dataclass(frozen=True)
class PoolObject:
    key: str  # the unified social credit code
    name: str
    enterprise_id: int | None


def objects_of(plan) -> list[PoolObject]:
    rows = Enterprise.objects.filter(
        uscc__isnull=False, merged_into__isnull=True, region__path__startswith=plan.unit.organisation.path
    ).exclude(uscc="")
    if plan.region_id:
        rows = rows.filter(region__path__startswith=plan.region.path)
    if plan.industry_code:
        rows = rows.filter(industry_code__startswith=plan.industry_code)
    if plan.size:
        rows = rows.filter(size=plan.size)
    return [
        PoolObject(key=uscc, name=name, enterprise_id=pk)
        for pk, uscc, name in rows.order_by("uscc").values_list("pk", "uscc", "name")
    ]


def strata_of(codes, day) -> dict[str, str]:
    return dict.fromkeys(codes, UNGRADED)


def default_proportions() -> dict[str, int]:
    return {UNGRADED: DEFAULT_PERCENT}
