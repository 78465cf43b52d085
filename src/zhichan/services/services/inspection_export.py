"""A random inspection plan's draw and results as an Excel workbook: the plan, the objects drawn with their
inspectors and results, and the published pool."""

from django.utils.translation import gettext as _

from zhichan.documents import xlsx


def workbook(plan) -> xlsx.Workbook:
    targets = list(plan.targets.prefetch_related("inspectors__inspector"))
    overview = [
        [_("plan"), plan.name],
        [_("unit"), str(plan.unit)],
        [_("inspection items"), plan.items],
        [_("inspection from"), plan.starts_on],
        [_("inspection until"), plan.ends_on],
        [_("state"), plan.get_state_display()],
        [_("objects' pool fingerprint (SHA-256)"), plan.pool_hash],
        [_("inspectors' pool fingerprint (SHA-256)"), plan.inspector_pool_hash],
        [_("seed commitment (SHA-256)"), plan.seed_hash],
        [_("seed"), plan.seed_shown],
        [_("drawn on"), plan.drawn_on],
        [_("results published on"), plan.results_published_on],
    ]
    rows = [
        [
            target.order,
            target.stratum,
            target.key,
            target.name,
            "、".join(str(a.inspector) for a in target.inspectors.all() if not a.stepped_aside),
            target.get_finding_display() if target.finding else "",
            target.inspected_on,
            target.note,
        ]
        for target in targets
    ]
    headers = [
        _("order"),
        _("stratum"),
        _("unified social credit code"),
        _("name"),
        _("inspectors"),
        _("finding"),
        _("inspected on"),
        _("note on the result"),
    ]
    pool = [line.split("\t") for line in plan.pool_text.splitlines()]
    sheets = [
        xlsx.Sheet(_("Plan"), [_("item"), _("value")], overview),
        xlsx.Sheet(_("Draw and results"), headers, rows),
        xlsx.Sheet(_("Objects' pool"), [_("stratum"), _("unified social credit code")], pool),
    ]
    return xlsx.Workbook(f"{plan.name}.xlsx", sheets, rows=len(rows) + len(pool))
