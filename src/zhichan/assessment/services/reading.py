"""What a reader sees of a round: the rows of each group's ranking and the items of a unit, as their role allows.

The office and the leadership read every unit (the leadership, once a unit has submitted). A unit reads its own
items and, once the round is published, its group's ranking — each unit's total, grade and rank, not their items:
the published ranking is the summary every unit of the group is told."""

from django.utils.translation import gettext as _

from zhichan.core.locale import in_language
from zhichan.core.roles import SEE_ALL, Role, role_of

from ..models import ItemScore, Participant, ParticipantState
from ..points import shown
from ..sources import SOURCES


def sees_all(user) -> bool:
    return role_of(user) in SEE_ALL


def groups(assessment_round, user) -> list[dict]:
    """Each group with the rows the user reads: every unit for the office and the leadership; for a unit, its
    group's ranking once published (else its own row alone)."""
    own = list(Participant.objects.visible_to(user).filter(round=assessment_round).select_related("unit"))
    own_groups = {p.group for p in own}
    found = []
    for group in assessment_round.data["groups"]:
        if sees_all(user):
            rows = [p for p in own if p.group == group["key"]]
            summary = False
        elif group["key"] in own_groups and assessment_round.results_public:
            rows = list(
                assessment_round.participants.filter(group=group["key"]).select_related("unit").order_by("rank")
            )
            summary = True
        elif group["key"] in own_groups:
            rows, summary = [p for p in own if p.group == group["key"]], False
        else:
            continue
        rows.sort(key=lambda p: (p.rank or 10**6, p.unit.order, p.unit.name))
        drafting = 0
        if sees_all(user) and role_of(user) != Role.OFFICE:  # the leadership reads no draft: it is told how many
            drafting = assessment_round.participants.filter(group=group["key"], state=ParticipantState.DRAFT).count()
        found.append(
            {
                "group": group,
                "name": in_language(group["name"], group.get("name_en", "")),
                "rows": rows,
                "summary": summary,
                "own": {p.pk for p in own},
                "drafting": drafting,
            }
        )
    return found


def explained(item: ItemScore) -> str:
    """An item's figure in words: "9 of 12 reports due submitted on time: 75 % of 25 points = 18.75"."""
    if item.source == "manual":
        return ""
    basis, source = item.basis or {}, SOURCES.get(item.source)
    if source is None:
        return ""
    if basis.get("nothing_due"):
        return _("Nothing was due by the as-of date: full marks.")
    words = str(source.wording) % {"done": basis.get("done"), "due": basis.get("due")}
    if item.kind == "score" and item.value is not None:
        return _("%(words)s: %(share)s %% of %(weight)s points = %(points)s") % {
            "words": words,
            "share": f"{item.value * 100:.1f}",
            "weight": shown(item.max_points),
            "points": shown(item.auto_points),
        }
    if item.kind == "veto":
        return _("%(words)s: the veto applies.") % {"words": words} if item.auto_points else words
    per = item.item.get("per")
    return _("%(words)s × %(per)s points, at most %(cap)s = %(points)s") % {
        "words": words,
        "per": per,
        "cap": shown(item.max_points),
        "points": shown(item.auto_points),
    }


def scheme_shown(data: dict, organisation) -> list[dict]:
    """A scheme's groups as its page shows them: names in the reader's language, each item's source in words, each
    quota as a percentage."""
    from zhichan.core.models import Unit

    names = {unit.key: unit.display_name for unit in Unit.objects.filter(organisation=organisation)}
    shown_groups = []
    for group in data["groups"]:
        items = []
        for item in group["items"]:
            source = SOURCES.get(item["source"])
            if source is not None:
                how = str(source.label)
            elif item["kind"] == "veto":
                how = _("decided by the office")
            elif item.get("assessor"):
                how = _("assessed by %(unit)s, with evidence") % {"unit": names.get(item["assessor"], item["assessor"])}
            else:
                how = _("self-assessed with evidence, reviewed by the office")
            items.append({**item, "name": in_language(item["name"], item.get("name_en", "")), "how": how})
        grades = [
            {
                **grade,
                "name": in_language(grade["name"], grade.get("name_en", "")),
                "percent": None if grade.get("share") is None else f"{grade['share'] * 100:g}",
            }
            for grade in group["grades"]
        ]
        shown_groups.append(
            {**group, "name": in_language(group["name"], group.get("name_en", "")), "items": items, "grades": grades}
        )
    return shown_groups
