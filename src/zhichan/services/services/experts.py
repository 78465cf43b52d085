"""The expert pool (人才专家库) and random selections of experts for a purpose.

Experts are kept by the office. A person is in an organisation's pool once: a second entry with the same ID number
is refused naming the one already there. Draws go through core/draws.py: the pool is every expert of the field
wanted (or every expert) in number order, one stratum; excluded are the experts tied to a party named (their
employer, an enterprise they declared), those unavailable on the day, and those drawn within the organisation's
rest period (ExpertRules, unconfirmed default). One who steps aside (回避) is replaced by the next in rank."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core import draws
from zhichan.core.actions import action
from zhichan.registry.models import Enterprise
from zhichan.registry.models.enterprises import validate_uscc

from ..events import (
    EXPERT_ADDED,
    EXPERT_CHANGED,
    EXPERT_RULES_SET,
    EXPERT_STEPPED_ASIDE,
    EXPERT_TIE_DECLARED,
    EXPERTS_DRAWN,
)
from ..models import DrawPurpose, Expert, ExpertDraw, ExpertField, ExpertPick, ExpertRules, ExpertTie
from ..models.experts import DEFAULT_REST_DAYS
from .who import office_of, organisation_of


def _may_keep_pool(user, arguments) -> bool:
    record = arguments.get("expert") or arguments.get("draw") or arguments.get("pick")
    if record is not None:
        organisation = record.draw.organisation if isinstance(record, ExpertPick) else record.organisation
        return office_of(user, organisation)
    return office_of(user, arguments.get("organisation") or organisation_of(user, None))


def _fields(values) -> list[str]:
    codes = [str(value) for value in values or []]
    unknown = [code for code in codes if code not in ExpertField.values]
    if unknown or not codes:
        raise ValidationError({"fields": _("Choose one or more fields of expertise.")})
    return [code for code in ExpertField.values if code in codes]  # in the list's order, once each


def _code(value, field: str) -> str:
    value = (value or "").strip().upper()
    if value:
        try:
            validate_uscc(value)
        except ValidationError as error:
            raise ValidationError({field: error.messages}) from None
    return value


def _next_number() -> str:
    last = Expert.objects.aggregate(last=Max("pk"))["last"] or 0
    return f"ZJ{last + 1:05d}"


@action(EXPERT_ADDED, allow=_may_keep_pool)
def add_expert(
    user,
    *,
    organisation=None,
    name,
    id_number,
    fields,
    employer,
    employer_credit_code="",
    title="",
    phone="",
    email="",
    conflicts_note="",
    synthetic=False,
) -> Expert:
    organisation = organisation_of(user, organisation)
    id_number = (id_number or "").strip().upper()
    existing = Expert.objects.filter(organisation=organisation, id_number=id_number).first()
    if id_number and existing:
        raise ValidationError(
            {"id_number": _("This person is already in the pool as %(expert)s.") % {"expert": existing}}
        )
    expert = Expert(
        organisation=organisation,
        number=_next_number(),
        name=(name or "").strip(),
        id_number=id_number,
        fields=_fields(fields),
        employer=(employer or "").strip(),
        employer_credit_code=_code(employer_credit_code, "employer_credit_code"),
        title=title,
        phone=phone,
        email=email,
        conflicts_note=conflicts_note,
        synthetic=synthetic,
    )
    expert.full_clean()
    expert.save()
    return expert


EDITABLE = ("name", "id_number", "employer", "employer_credit_code", "title", "phone", "email", "conflicts_note")


@action(EXPERT_CHANGED, allow=_may_keep_pool)
def update_expert(expert, user, *, fields, **values) -> Expert:
    """Change what the pool keeps of an expert; a new ID number another expert of the pool has is refused naming
    that expert. The number, the draws and the uses stay."""
    values = {name: (values.get(name) or "").strip() for name in EDITABLE if name in values}
    if "id_number" in values:
        values["id_number"] = values["id_number"].upper()
        other = (
            Expert.objects.filter(organisation=expert.organisation, id_number=values["id_number"])
            .exclude(pk=expert.pk)
            .first()
        )
        if values["id_number"] and other:
            raise ValidationError(
                {"id_number": _("This person is already in the pool as %(expert)s.") % {"expert": other}}
            )
    if "employer_credit_code" in values:
        values["employer_credit_code"] = _code(values["employer_credit_code"], "employer_credit_code")
    for name, value in values.items():
        setattr(expert, name, value)
    expert.fields = _fields(fields)
    expert.full_clean()
    expert.save()
    return expert


@action(EXPERT_CHANGED, allow=_may_keep_pool)
def set_availability(expert, user, *, available: bool, until=None) -> Expert:
    """Available, or not (until a day, or until further notice)."""
    if available and until:
        raise ValidationError({"unavailable_until": _("An available expert has no 'unavailable until' date.")})
    expert.available, expert.unavailable_until = available, None if available else until
    expert.full_clean()
    expert.save()
    return expert


@action(EXPERT_TIE_DECLARED, on="expert", allow=_may_keep_pool)
def declare_tie(expert, user, *, credit_code="", name="") -> ExpertTie:
    """An enterprise the expert advises or is tied to: by credit code (linked to the registry) or by name."""
    code, name = _code(credit_code, "credit_code"), (name or "").strip()
    if not code and not name:
        raise ValidationError({"credit_code": _("Give the enterprise's credit code or its name.")})
    enterprise = Enterprise.objects.filter(uscc=code).first() if code else None
    tie = ExpertTie(
        expert=expert, credit_code=code, name=name or (enterprise.name if enterprise else ""), enterprise=enterprise
    )
    tie.full_clean()
    tie.save()
    return tie


def rules_of(organisation) -> ExpertRules:
    return ExpertRules.objects.filter(organisation=organisation).first() or ExpertRules(
        organisation=organisation, rest_days=DEFAULT_REST_DAYS
    )


@action(EXPERT_RULES_SET, allow=_may_keep_pool)
def set_rules(user, *, organisation=None, rest_days: int) -> ExpertRules:
    rules = rules_of(organisation_of(user, organisation))
    rules.rest_days = rest_days
    rules.full_clean(validate_unique=False)
    rules.save()
    return rules


# --- draws ------------------------------------------------------------------------------------------------------


def parties_named(text: str) -> tuple[set[str], set[str]]:
    """The credit codes and the names among the parties given one per line."""
    codes, names = set(), set()
    for line in (text or "").splitlines():
        value = line.strip()
        if not value:
            continue
        if len(value) == 18 and value.isalnum():
            codes.add(value.upper())
        else:
            names.add(value)
    return codes, names


def _conflicted(expert, ties, codes, names) -> bool:
    if expert.employer_credit_code in codes or expert.employer in names:
        return True
    return any((tie.credit_code and tie.credit_code in codes) or (tie.name and tie.name in names) for tie in ties)


def exclusions(organisation, experts, parties: str, day: datetime.date) -> dict[str, str]:
    """Expert number: why they cannot be drawn for a matter with these parties on that day."""
    codes, names = parties_named(parties)
    rest = rules_of(organisation).rest_days
    recent = set(
        ExpertPick.objects.filter(
            draw__organisation=organisation,
            draw__drawn_on__gt=day - datetime.timedelta(days=rest),
            draw__drawn_on__lte=day,
        ).values_list("expert_id", flat=True)
    )
    ties: dict[int, list] = {}
    for tie in ExpertTie.objects.filter(expert__in=[e.pk for e in experts]):
        ties.setdefault(tie.expert_id, []).append(tie)
    why = {}
    for expert in experts:
        if _conflicted(expert, ties.get(expert.pk, []), codes, names):
            why[expert.number] = _("tied to a party")
        elif not expert.available_on(day):
            why[expert.number] = _("unavailable")
        elif expert.pk in recent:
            why[expert.number] = _("drawn within the last %(days)d days") % {"days": rest}
    return why


def pool_of(organisation, field: str) -> list[Expert]:
    experts = Expert.objects.filter(organisation=organisation).order_by("number")
    return [expert for expert in experts if not field or field in expert.fields]


@action(EXPERTS_DRAWN, allow=_may_keep_pool)
def draw_experts(
    user,
    *,
    organisation=None,
    purpose,
    subject,
    wanted: int,
    parties="",
    field="",
    day=None,
    seed=None,
    synthetic=False,
) -> ExpertDraw:
    """Draw `wanted` experts (of a field, or of any) for a purpose, recorded with its seed, pool and result."""
    organisation = organisation_of(user, organisation)
    day = day or timezone.localdate()
    if purpose not in DrawPurpose.values:
        raise ValidationError({"purpose": _("Choose the purpose of the draw.")})
    if field and field not in ExpertField.values:
        raise ValidationError({"field": _("Choose a field of expertise, or none.")})
    if not isinstance(wanted, int) or wanted < 1:
        raise ValidationError({"wanted": _("Draw at least one expert.")})
    experts = pool_of(organisation, field)
    text = draws.pool_text(draws.Entry(expert.number, field) for expert in experts)
    seed = seed or draws.new_seed()
    excluded = exclusions(organisation, experts, parties, day)
    try:
        result = draws.draw(draws.parse_pool(text), seed, {field: wanted}, exclude=excluded)
    except ValidationError as error:
        raise ValidationError({"wanted": error.messages}) from None
    record = ExpertDraw(
        organisation=organisation,
        purpose=purpose,
        subject=(subject or "").strip(),
        parties=parties or "",
        field=field,
        wanted=wanted,
        drawn_on=day,
        seed=seed,
        seed_hash=draws.commitment(seed),
        pool_text=text,
        pool_hash=draws.sha256(text),
        excluded=excluded,
        drawn_by=user,
        synthetic=synthetic,
    )
    record.full_clean()
    record.save()
    by_number = {expert.number: expert for expert in experts}
    for order, number in enumerate(result.drawn[field], start=1):
        ExpertPick.objects.create(draw=record, expert=by_number[number], order=order)
    return record


@action(
    EXPERT_STEPPED_ASIDE, on=lambda arguments, result: arguments["pick"].draw, reason="reason", allow=_may_keep_pool
)
def step_aside(pick, user, *, reason: str) -> ExpertPick:
    """The drawn expert steps aside (回避); the next in rank not drawn nor excluded at the draw takes their place."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for stepping aside.")})
    if pick.stepped_aside:
        raise ValidationError(_("This expert has already stepped aside."))
    draw = pick.draw
    taken = draw.picks.values_list("expert__number", flat=True)
    number = draws.replacement(draws.parse_pool(draw.pool_text), draw.seed, draw.field, taken, draw.excluded)
    pick.stepped_aside, pick.reason = True, reason.strip()
    pick.save()
    order = draw.picks.aggregate(last=Max("order"))["last"] + 1
    expert = Expert.objects.get(organisation=draw.organisation, number=number)
    return ExpertPick.objects.create(draw=draw, expert=expert, order=order, replacement=True)


def uses_of(expert):
    """The expert's history of use: every draw that took them, newest first."""
    return expert.picks.select_related("draw").order_by("-draw__drawn_on", "-draw__pk")


def active_picks(draw):
    return [pick for pick in draw.picks.select_related("expert") if not pick.stepped_aside]
