"""The objects' pool of a random inspection plan, and the stratum of each object: the seams other modules plug
into. Each is one function.

- `objects_of(plan)`: the registry's enterprises with a credit code, of the plan's organisation, filtered by the
  plan's region, industry and size; or the IP service agencies its organisation supervises, filtered by region
  and the service they offer; in credit-code order.
- `strata_of(codes, day)`: each object's credit grade on the day (the credit module's `grades_of`): the draw takes
  a proportion of each grade (信用分级分类监管, reference §5.4).
- `default_proportions()`: a new plan's proportion per grade, the credit module's inspection percentages
  (data/credit/grade-rules.yaml; no national figures, unconfirmed, the office's setting).
"""

from dataclasses import dataclass

from zhichan.registry.models import Enterprise

from .models import Agency, ObjectKind


@dataclass(frozen=True)
class PoolObject:
    key: str  # the unified social credit code
    name: str
    enterprise_id: int | None = None
    agency_id: int | None = None


def objects_of(plan) -> list[PoolObject]:
    if plan.object_kind == ObjectKind.AGENCIES:
        return _agencies(plan)
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


def _agencies(plan) -> list[PoolObject]:
    rows = Agency.objects.filter(supervisor__organisation=plan.unit.organisation)
    if plan.region_id:
        rows = rows.filter(region__path__startswith=plan.region.path)
    found = rows.order_by("uscc").values_list("pk", "uscc", "name", "kinds")
    return [
        PoolObject(key=uscc, name=name, agency_id=pk)
        for pk, uscc, name, kinds in found
        if not plan.service_kind or plan.service_kind in (kinds or [])
    ]


def strata_of(codes, day) -> dict[str, str]:
    from zhichan.credit.services.grades import grades_of

    return grades_of(codes, day)


def default_proportions() -> dict[str, float]:
    from zhichan.credit.services.settings import inspection_proportions

    return {grade: float(percent) for grade, percent in inspection_proportions().items()}
