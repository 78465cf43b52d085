"""IP custody (知识产权托管): an enterprise's engagement with an agency under a custody agreement, the services
rendered, the visits with the needs found and their follow-up, and the enterprise's satisfaction. The office (or
the liaison of the following unit, for its own) keeps them; each write leaves an event on the engagement."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.registry.models import Enterprise

from ..events import CUSTODY_ADDED, CUSTODY_CHANGED, CUSTODY_RATED, CUSTODY_SERVICE_RECORDED, CUSTODY_VISITED
from ..models import CustodyEngagement, CustodyScope, CustodyService, CustodyServiceRecord, CustodyVisit, Payer
from .common import check_amount, check_day, check_period, choices, may_enter, may_keep, required, text, unit_for

FIELDS = (
    "enterprise",
    "agency",
    "agreement_number",
    "start",
    "end",
    "custody_scope",
    "services",
    "patents",
    "trademarks",
    "rights_note",
    "fee",
    "payer",
    "enterprise_share",
    "subsidy",
    "note",
)
RELATED = ("patents", "trademarks")


def enterprise_by_code(code: str):
    """The registry's enterprise with this unified social credit code, or None."""
    code = text(code).upper()
    return Enterprise.objects.filter(uscc=code).first() if code else None


def _rights(rows, enterprise, field: str) -> list:
    rows = list({row.pk: row for row in rows or []}.values())
    for row in rows:
        holders = getattr(row, "holders", None)
        if holders is not None and enterprise is not None and not holders.filter(pk=enterprise.pk).exists():
            raise ValidationError(
                {field: _("%(right)s is not held by %(enterprise)s.") % {"right": row, "enterprise": enterprise}}
            )
    return rows


def _cleaned(values, exclude=None) -> dict:
    enterprise, agency = values.get("enterprise"), values.get("agency")
    if enterprise is None:
        raise ValidationError({"enterprise": _("Choose the enterprise (by its unified social credit code).")})
    if agency is None:
        raise ValidationError({"agency": _("Choose the service agency.")})
    start, end = check_period(values.get("start"), values.get("end"), CustodyEngagement)
    number = required(values.get("agreement_number"), "agreement_number", _("Give the agreement number."))
    taken = CustodyEngagement.objects.filter(agency=agency, agreement_number=number)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError(
            {
                "agreement_number": _("%(agency)s already has an agreement numbered %(number)s.")
                % {"agency": agency, "number": number}
            }
        )
    scope = text(values.get("custody_scope"))
    if scope not in CustodyScope.values:
        raise ValidationError({"custody_scope": _("Choose full or partial custody.")})
    services = choices(values.get("services"), CustodyService, "services", needed=scope == CustodyScope.PARTIAL)
    payer = text(values.get("payer"))
    if payer not in Payer.values:
        raise ValidationError({"payer": _("Say who pays: the enterprise, a government subsidy or both.")})
    fee = check_amount(values.get("fee"), "fee")
    share = check_amount(values.get("enterprise_share"), "enterprise_share")
    subsidy = check_amount(values.get("subsidy"), "subsidy")
    if payer == Payer.ENTERPRISE:
        share, subsidy = (share or fee), 0
    elif payer == Payer.GOVERNMENT:
        share, subsidy = 0, (subsidy or fee)
    if share + subsidy != fee:
        raise ValidationError(
            {
                "subsidy": _("The enterprise's share and the subsidy (%(sum)s) must add up to the fee (%(fee)s).")
                % {"sum": share + subsidy, "fee": fee}
            }
        )
    return {
        "enterprise": enterprise,
        "agency": agency,
        "agreement_number": number,
        "start": start,
        "end": end,
        "custody_scope": scope,
        "services": services,
        "patents": _rights(values.get("patents"), enterprise, "patents"),
        "trademarks": _rights(values.get("trademarks"), enterprise, "trademarks"),
        "rights_note": text(values.get("rights_note")),
        "fee": fee,
        "payer": payer,
        "enterprise_share": share,
        "subsidy": subsidy,
        "note": text(values.get("note")),
    }


@action(CUSTODY_ADDED, allow=may_enter)
def create_engagement(user, *, unit=None, synthetic: bool = False, **values) -> CustodyEngagement:
    """Enter a custody engagement, followed by the liaison's own unit or the unit the office names."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a custody engagement.") for name in sorted(unknown)})
    unit = unit_for(user, unit)
    cleaned = _cleaned(values)
    related = {name: cleaned.pop(name) for name in RELATED}
    engagement = CustodyEngagement(unit=unit, synthetic=synthetic, created_by=user, **cleaned)
    engagement.full_clean()
    engagement.save()
    for name, rows in related.items():
        getattr(engagement, name).set(rows)
    return engagement


def _values(engagement) -> dict:
    values = {name: getattr(engagement, name) for name in FIELDS if name not in RELATED}
    for name in RELATED:
        values[name] = list(getattr(engagement, name).all())
    return values


def _compared(value):
    if isinstance(value, list) and value and hasattr(value[0], "pk"):
        return {row.pk for row in value}
    return value.pk if hasattr(value, "pk") else value


@action(allow=may_keep("engagement"))
def update_engagement(engagement, user, **values) -> CustodyEngagement:
    """Change an engagement: only the fields given; an event names the fields changed."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a custody engagement.") for name in sorted(unknown)})
    before = _values(engagement)
    after = _cleaned({**before, **values}, exclude=engagement)
    changed = [name for name in FIELDS if _compared(before[name]) != _compared(after[name])]
    for name, value in after.items():
        if name not in RELATED:
            setattr(engagement, name, value)
    engagement.full_clean()
    engagement.save()
    for name in RELATED:
        getattr(engagement, name).set(after[name])
    if changed:
        labels = "、".join(str(CustodyEngagement._meta.get_field(name).verbose_name) for name in changed)
        record(user, CUSTODY_CHANGED, engagement, changed=labels)
    return engagement


def _within(engagement, day, field):
    day = check_day(day, CustodyServiceRecord, field, label=_("date"))
    if day < engagement.start:
        raise ValidationError(
            {field: _("The date cannot be before the engagement begins (%(day)s).") % {"day": engagement.start}}
        )
    return day


@action(
    CUSTODY_SERVICE_RECORDED,
    on="engagement",
    allow=may_keep("engagement"),
    data=lambda arguments, found: {"item": found.get_item_display()},
)
def record_service(engagement, user, *, day, item, note="") -> CustodyServiceRecord:
    """A service the agency rendered under the engagement."""
    item = text(item)
    if item not in CustodyService.values:
        raise ValidationError({"item": _("Choose the service item.")})
    service = CustodyServiceRecord(
        engagement=engagement, day=_within(engagement, day, "day"), item=item, note=text(note)
    )
    service.full_clean()
    service.save()
    return service


@action(
    CUSTODY_VISITED,
    on="engagement",
    allow=may_keep("engagement"),
    data=lambda arguments, found: {"visitor": found.visitor},
)
def record_visit(
    engagement, user, *, day, visitor="", expert=None, visitor_note="", needs="", follow_up=""
) -> CustodyVisit:
    """A visit to the enterprise: who came (an expert of the pool, or a name), the needs found and the follow-up."""
    if expert is not None and not (visitor or "").strip():
        visitor = expert.name
    visit = CustodyVisit(
        engagement=engagement,
        expert=expert,
        day=_within(engagement, day, "day"),
        visitor=required(visitor, "visitor", _("Name the visitor, or choose an expert of the pool.")),
        visitor_note=text(visitor_note),
        needs=text(needs),
        follow_up=text(follow_up),
    )
    visit.full_clean()
    visit.save()
    return visit


@action(
    CUSTODY_RATED,
    on="engagement",
    allow=may_keep("engagement"),
    data=lambda arguments, found: {"satisfaction": found.satisfaction},
)
def rate(engagement, user, *, satisfaction, day, comment="") -> CustodyEngagement:
    """The enterprise's satisfaction (1 to 5) with a comment, at a review or once the engagement ends; a later
    rating replaces it (the history keeps the earlier)."""
    try:
        score = int(satisfaction)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise ValidationError({"satisfaction": _("Rate the satisfaction from 1 to 5.")})
    engagement.satisfaction = score
    engagement.rated_on = _within(engagement, day, "rated_on")
    engagement.satisfaction_comment = text(comment)
    engagement.full_clean()
    engagement.save(update_fields=["satisfaction", "rated_on", "satisfaction_comment", "updated"])
    return engagement


def counts_by(engagements, field: str) -> list[tuple[str, int]]:
    """How many engagements per township (`enterprise__region__name`) or industry (`enterprise__industry_code`),
    most first."""
    counted = Counter(engagements.order_by().values_list(field, flat=True))
    return sorted(((name or "—", n) for name, n in counted.items()), key=lambda pair: (-pair[1], pair[0]))
