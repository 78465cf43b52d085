"""Random inspection plans (双随机抽查, reference §6): drawn up by a unit, their pools and seed commitment
published, objects and inspectors drawn through core/draws.py, results entered per object and published within
20 working days of the end of the inspection (the clock `random-inspection-results`).

The objects' pool and strata come from inspection_pool.py. The number drawn from a stratum is its proportion of
the stratum's objects, rounded up. The inspectors of one object are drawn from the plan's inspectors' pool (the
unit's inspectors in the list when the pool was published) with the plan's seed, a slash and the object's credit
code as seed, excluding inspectors who declared a tie to that object; one who steps aside (回避) is replaced by
the next in that ranking."""

import math

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core import draws
from zhichan.core.actions import action
from zhichan.core.plausible import date_problem
from zhichan.core.services import clocks

from .. import inspection_pool
from ..events import (
    INSPECTOR_STEPPED_ASIDE,
    PLAN_CREATED,
    PLAN_DRAWN,
    PLAN_PUBLISHED,
    RESULT_ENTERED,
    RESULTS_PUBLISHED,
)
from ..inspection_results import results_found
from ..models import (
    WITH_PROBLEMS,
    Finding,
    InspectionPlan,
    InspectionTarget,
    Inspector,
    InspectorTie,
    ObjectKind,
    PlanState,
    PublishedPlan,
    TargetInspector,
)
from .who import may_edit

RESULTS_RULE = "random-inspection-results"


def _for_unit(user, arguments) -> bool:
    from zhichan.core.scoping import works_for

    return user is None or works_for(user, arguments["unit"])


def _may_run(user, arguments) -> bool:
    record = arguments.get("plan") or arguments.get("target") or arguments.get("assignment")
    return may_edit(user, record)


def _in_state(plan, *states):
    if plan.state not in states:
        raise ValidationError(
            _("The plan is %(state)s: this cannot be done now.") % {"state": plan.get_state_display()}
        )


def _proportions(values) -> dict[str, float]:
    if not isinstance(values, dict) or not values:
        raise ValidationError({"proportions": _("Give the proportion to draw (%) of each stratum.")})
    clean = {}
    for stratum, percent in values.items():
        try:
            number = float(percent)
        except (TypeError, ValueError):
            number = -1
        if not 0 <= number <= 100:
            raise ValidationError(
                {"proportions": _("The proportion of %(stratum)s must be between 0 and 100 %%.") % {"stratum": stratum}}
            )
        clean[str(stratum)] = number
    return clean


@action(PLAN_CREATED, allow=_for_unit)
def create_plan(
    user,
    *,
    unit,
    name,
    items,
    starts_on,
    ends_on,
    region=None,
    industry_code="",
    size="",
    proportions=None,
    inspectors_per_object=None,
    synthetic=False,
    object_kind=ObjectKind.ENTERPRISES,
    service_kind="",
) -> InspectionPlan:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The inspection cannot end before it starts.")})
    object_kind = object_kind or ObjectKind.ENTERPRISES
    if object_kind == ObjectKind.AGENCIES and (industry_code or size):
        raise ValidationError({"object_kind": _("The industry and the size choose enterprises, not agencies.")})
    if object_kind == ObjectKind.ENTERPRISES and service_kind:
        raise ValidationError({"service_kind": _("The service offered chooses agencies, not enterprises.")})
    plan = InspectionPlan(
        unit=unit,
        name=(name or "").strip(),
        items=(items or "").strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        region=region,
        industry_code=(industry_code or "").strip().upper(),
        size=size or "",
        object_kind=object_kind,
        service_kind=service_kind or "",
        proportions=_proportions(proportions if proportions is not None else inspection_pool.default_proportions()),
        synthetic=synthetic,
    )
    if inspectors_per_object is not None:
        plan.inspectors_per_object = inspectors_per_object
    plan.full_clean()
    plan.save()
    return plan


def wanted_of(strata: dict[str, str], proportions: dict[str, float]) -> dict[str, int]:
    """Objects to draw per stratum: its proportion of the stratum's objects, rounded up (a stratum without a
    proportion: none)."""
    counts: dict[str, int] = {}
    for stratum in strata.values():
        counts[stratum] = counts.get(stratum, 0) + 1
    return {stratum: math.ceil(count * proportions.get(stratum, 0) / 100 - 1e-9) for stratum, count in counts.items()}


@action(PLAN_PUBLISHED, allow=_may_run)
def publish_plan(plan, user, *, day=None, seed=None) -> InspectionPlan:
    """Fix and publish the objects' and inspectors' pools and the seed's commitment; the seed stays secret."""
    _in_state(plan, PlanState.DRAFT)
    day = day or timezone.localdate()
    objects = inspection_pool.objects_of(plan)
    if not objects:
        raise ValidationError(_("Nothing matches the plan's filters: the objects' pool is empty."))
    strata = inspection_pool.strata_of([obj.key for obj in objects], day)
    inspectors = Inspector.objects.filter(unit=plan.unit, active=True).order_by("certificate_number")
    if inspectors.count() < plan.inspectors_per_object:
        raise ValidationError(
            _("%(wanted)d inspectors are wanted per object, but the unit has only %(available)d in the list.")
            % {"wanted": plan.inspectors_per_object, "available": inspectors.count()}
        )
    plan.pool_text = draws.pool_text(draws.Entry(obj.key, strata[obj.key]) for obj in objects)
    plan.pool_hash = draws.sha256(plan.pool_text)
    plan.inspector_pool_text = draws.pool_text(draws.Entry(i.certificate_number) for i in inspectors)
    plan.inspector_pool_hash = draws.sha256(plan.inspector_pool_text)
    plan.wanted = wanted_of(strata, plan.proportions)
    plan.seed = seed or draws.new_seed()
    plan.seed_hash = draws.commitment(plan.seed)
    plan.published_on = day
    plan.state = PlanState.PUBLISHED
    plan.save()
    return plan


def inspector_seed(plan, key: str) -> str:
    return f"{plan.seed}/{key}"


def ties_to(keys) -> dict[str, set[str]]:
    """Credit code: the certificate numbers of the inspectors tied to it."""
    found: dict[str, set[str]] = {}
    for code, number in InspectorTie.objects.filter(credit_code__in=list(keys)).values_list(
        "credit_code", "inspector__certificate_number"
    ):
        found.setdefault(code, set()).add(number)
    return found


@action(PLAN_DRAWN, allow=_may_run)
def draw_plan(plan, user, *, day=None) -> InspectionPlan:
    """Draw the objects per stratum, then each object's inspectors; publish the seed; start the results' clock."""
    _in_state(plan, PlanState.PUBLISHED)
    day = day or timezone.localdate()
    objects = draws.draw(draws.parse_pool(plan.pool_text), plan.seed, plan.wanted)
    inspector_pool = draws.parse_pool(plan.inspector_pool_text)
    by_number = {
        i.certificate_number: i
        for i in Inspector.objects.filter(certificate_number__in=[entry.key for entry in inspector_pool])
    }
    names = {obj.key: obj for obj in inspection_pool.objects_of(plan)}
    ties = ties_to(objects.keys)
    order = 0
    for stratum, keys in objects.drawn.items():
        for key in keys:
            order += 1
            known = names.get(key)
            excluded = sorted(ties.get(key, set()))
            target = InspectionTarget.objects.create(
                plan=plan,
                key=key,
                name=known.name if known else key,
                enterprise_id=known.enterprise_id if known else None,
                agency_id=known.agency_id if known else None,
                stratum=stratum,
                order=order,
                excluded_inspectors=excluded,
            )
            try:
                chosen = draws.draw(
                    inspector_pool, inspector_seed(plan, key), {"": plan.inspectors_per_object}, excluded
                )
            except ValidationError as error:
                raise ValidationError(_("%(object)s: %(why)s") % {"object": target, "why": error.messages[0]}) from None
            for rank, number in enumerate(chosen.drawn[""], start=1):
                TargetInspector.objects.create(target=target, inspector=by_number[number], order=rank)
    plan.drawn_on = day
    plan.state = PlanState.DRAWN
    plan.save()
    clocks.start_clock(user, plan, RESULTS_RULE, plan.ends_on)
    return plan


@action(
    INSPECTOR_STEPPED_ASIDE,
    on=lambda arguments, result: arguments["assignment"].target.plan,
    reason="reason",
    allow=_may_run,
)
def step_aside(assignment, user, *, reason: str) -> TargetInspector:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for stepping aside.")})
    if assignment.stepped_aside:
        raise ValidationError(_("This inspector has already stepped aside."))
    target = assignment.target
    plan = target.plan
    _in_state(plan, PlanState.DRAWN)
    taken = target.inspectors.values_list("inspector__certificate_number", flat=True)
    number = draws.replacement(
        draws.parse_pool(plan.inspector_pool_text),
        inspector_seed(plan, target.key),
        "",
        taken,
        target.excluded_inspectors,
    )
    assignment.stepped_aside, assignment.reason = True, reason.strip()
    assignment.save()
    order = target.inspectors.aggregate(last=Max("order"))["last"] + 1
    return TargetInspector.objects.create(
        target=target, inspector=Inspector.objects.get(certificate_number=number), order=order, replacement=True
    )


@action(RESULT_ENTERED, on="target", allow=_may_run)
def enter_result(target, user, *, finding, inspected_on, note="") -> InspectionTarget:
    plan = target.plan
    _in_state(plan, PlanState.DRAWN)
    if finding not in Finding.values:
        raise ValidationError({"finding": _("Choose the finding.")})
    if inspected_on is None:
        raise ValidationError({"inspected_on": _("Give the date of the inspection.")})
    problem = date_problem(inspected_on, InspectionTarget, "inspected_on")
    if problem:
        raise ValidationError({"inspected_on": problem})
    if inspected_on < plan.starts_on:
        raise ValidationError(
            {
                "inspected_on": _("The inspection cannot be before the plan's period (%(day)s).")
                % {"day": plan.starts_on}
            }
        )
    if finding in WITH_PROBLEMS and not (note or "").strip():
        raise ValidationError({"note": _("Say what was found.")})
    target.finding, target.inspected_on, target.note, target.entered_by = finding, inspected_on, note.strip(), user
    target.full_clean()
    target.save()
    if finding in WITH_PROBLEMS:
        results_found(user, target)
    return target


@action(RESULTS_PUBLISHED, allow=_may_run)
def publish_results(plan, user, *, day=None) -> InspectionPlan:
    _in_state(plan, PlanState.DRAWN)
    day = day or timezone.localdate()
    missing = plan.targets.filter(finding="").count()
    if missing:
        raise ValidationError(_("%(n)d objects have no result yet.") % {"n": missing})
    plan.results_published_on = day
    plan.state = PlanState.RESULTS_PUBLISHED
    plan.save()
    clock = clocks.start_clock(user, plan, RESULTS_RULE, plan.ends_on)
    if day < clock.started_on:  # published before the planned end: the inspection ended with its results
        clocks.start_clock(user, plan, RESULTS_RULE, day)
    clocks.stop_clock(user, plan, RESULTS_RULE, day)
    return plan


# --- verification -----------------------------------------------------------------------------------------------


def verification(plan) -> list[str]:
    """Recompute the plan's draw from what it published: a list of problems (empty: everything matches)."""
    if not plan.drawn_on:
        return [_("The plan has not been drawn yet.")]
    targets = list(plan.targets.prefetch_related("inspectors__inspector"))
    problems = draws.verify(
        plan.pool_text, plan.pool_hash, plan.seed, plan.seed_hash, plan.wanted, [t.key for t in targets]
    )
    if draws.sha256(plan.inspector_pool_text) != plan.inspector_pool_hash:
        problems.append(_("The inspectors' pool does not match its published fingerprint."))
    pool = draws.parse_pool(plan.inspector_pool_text)
    for target in targets:
        first = [a.inspector.certificate_number for a in target.inspectors.all() if not a.replacement]
        try:
            again = draws.draw(
                pool, inspector_seed(plan, target.key), {"": plan.inspectors_per_object}, target.excluded_inspectors
            )
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        if again.drawn[""] != first:
            problems.append(_("%(object)s: recomputing gives other inspectors.") % {"object": target})
    return problems


def published_draw(plan) -> dict:
    """What a drawn plan published, as the verification page hands it to the reader's browser to recompute: the
    pools, the seed and its commitment, the numbers wanted and, per object, the inspectors excluded for ties and
    those first drawn (not the replacements), in rank order."""
    targets = plan.targets.prefetch_related("inspectors__inspector")
    return {
        "seed": plan.seed,
        "seed_hash": plan.seed_hash,
        "pool_text": plan.pool_text,
        "pool_hash": plan.pool_hash,
        "inspector_pool_text": plan.inspector_pool_text,
        "inspector_pool_hash": plan.inspector_pool_hash,
        "wanted": plan.wanted,
        "inspectors_per_object": plan.inspectors_per_object,
        "targets": [
            {
                "key": target.key,
                "excluded": list(target.excluded_inspectors),
                "inspectors": [a.inspector.certificate_number for a in target.inspectors.all() if not a.replacement],
            }
            for target in targets
        ],
    }


def published_plans(user):
    """The plans whose pools and commitment are published: public under 一公开, read by anyone (the verification
    page), with nothing of a plan before publication and its seed only once drawn (`seed_shown`)."""
    return PublishedPlan.objects.visible_to(user).select_related("unit")


def recorded_exclusions(plan) -> list[tuple]:
    """(object, excluded inspectors' certificate numbers) where any, for the verification page."""
    return [(t, t.excluded_inspectors) for t in plan.targets.all() if t.excluded_inspectors]
