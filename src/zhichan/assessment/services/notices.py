"""Praise and criticism notices (通报表扬、通报批评) drafted from a round's results, edited by the office, numbered
and issued; a public one goes on the portal as a notice the day it is issued. The document itself is written by
documents (GB/T 9704-2012), in Word and PDF: `official(notice)`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from zhichan.core.actions import action
from zhichan.core.inputs import past_day, stripped
from zhichan.documents.official import OfficialDocument, Paragraph, Table, written_date
from zhichan.portal.models import NoticeKind as PortalKind
from zhichan.portal.services import news

from ..events import NOTICE_DRAFTED, NOTICE_EDITED, NOTICE_ISSUED
from ..models import Notice, NoticeKind, NoticeState, RoundState
from ..points import shown
from .rounds import office

SETTLED = (RoundState.APPROVED, RoundState.PUBLISHED, RoundState.CLOSED)
REASONS = 3  # the items a unit is praised or criticised for, named in the notice


def _round_office(user, arguments) -> bool:
    found = arguments.get("assessment_round") or arguments["notice"].round
    return office(user, {"assessment_round": found})


def named(assessment_round, kind: str) -> list:
    """The units a notice names: for praise, those in each group's best grade; for criticism, those in its last
    grade (a vetoed unit among them)."""
    found = []
    for group in assessment_round.data["groups"]:
        grade = group["grades"][0 if kind == NoticeKind.PRAISE else -1]["key"]
        found += list(
            assessment_round.participants.filter(group=group["key"], grade=grade)
            .select_related("unit")
            .prefetch_related("items")  # each unit's reasons read from its items, not a query per unit
            .order_by("rank", "unit__order")
        )
    return found


def _for_what(participant, kind: str) -> str:
    """Why a unit is named: the items it scored in full (praise) or lost most on (criticism), a veto first."""
    items = list(participant.items.all())
    if kind == NoticeKind.PRAISE:
        best = [i for i in items if i.kind == "score" and i.settled is not None and i.settled >= i.max_points]
        names = [i.name for i in best[:REASONS]]
        return _("full marks in %(items)s") % {"items": "、".join(names)} if names else ""
    vetoes = [i.name for i in items if i.kind == "veto" and (i.settled or 0) > 0]
    lost = sorted(
        (i for i in items if i.kind == "score" and i.settled is not None and i.settled < i.max_points),
        key=lambda i: i.settled - i.max_points,
    )
    parts = [_("veto: %(item)s") % {"item": name} for name in vetoes]
    parts += [
        _("%(item)s lost %(points)s points") % {"item": i.name, "points": shown(i.max_points - i.settled)}
        for i in lost[:REASONS]
    ]
    return "；".join(parts)


def _text(assessment_round, kind: str, participants: list) -> tuple[str, str]:
    scheme = assessment_round.data["name"]
    if kind == NoticeKind.PRAISE:
        title = _("Notice praising the units graded best in %(round)s") % {"round": assessment_round.title}
        opening = _(
            "Under %(scheme)s, %(round)s is complete and its results are approved. The following units earned the "
            "best grade of their group and are praised:"
        )
        closing = _(
            "The units praised are asked to keep up their work; the others are asked to learn from them and to "
            "carry out the programme's tasks in full."
        )
    else:
        title = _("Notice criticising the units graded lowest in %(round)s") % {"round": assessment_round.title}
        opening = _(
            "Under %(scheme)s, %(round)s is complete and its results are approved. The following units were graded "
            "lowest in their group and are criticised:"
        )
        closing = _(
            "The units criticised are asked to find the causes, correct them within the time the office sets and "
            "report what they have done to the office."
        )
    lines = [opening % {"scheme": f"《{scheme}》", "round": assessment_round.title}]
    for number, participant in enumerate(participants, start=1):
        why = _for_what(participant, kind)
        line = _("%(number)s. %(unit)s: %(group)s, %(total)s points, %(grade)s") % {
            "number": number,
            "unit": participant.unit.name,
            "group": participant.group_name,
            "total": shown(participant.total),
            "grade": participant.grade_name,
        }
        lines.append(f"{line}；{why}。" if why else f"{line}。")
    lines.append(closing)
    return title, "\n\n".join(lines)


@action(NOTICE_DRAFTED, allow=_round_office)
def draft(assessment_round, user, *, kind: str, synthetic: bool = False) -> Notice:
    """Draft a notice from the round's results (its units, for what), for the office to edit and issue."""
    if kind not in NoticeKind.values:
        raise ValidationError({"kind": _("Choose praise or criticism.")})
    if assessment_round.state not in SETTLED:
        raise ValidationError(_("A notice is drafted once the round's results are approved."))
    if assessment_round.notices.filter(kind=kind, state=NoticeState.DRAFT).exists():
        raise ValidationError(_("A draft of this notice exists: edit it and issue it."))
    issued = assessment_round.notices.filter(kind=kind, state=NoticeState.ISSUED).first()
    if issued is not None:
        raise ValidationError(_("This notice is issued already: %(number)s.") % {"number": issued.number})
    participants = named(assessment_round, kind)
    if not participants:
        raise ValidationError(_("No unit has the grade this notice is about."))
    with translation.override(settings.LANGUAGE_CODE):  # an official document, in the platform's language
        title, body = _text(assessment_round, kind, participants)
        addressee = _("All member units, townships and parks")
    office_unit = assessment_round.organisation.organisation_units.filter(kind="office").first()
    notice = Notice.objects.create(
        round=assessment_round,
        kind=kind,
        title=title[:200],
        addressee=addressee,
        body=body,
        authority=office_unit.name if office_unit else "",
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    notice.participants.set(participants)
    return notice


def _final(assessment_round) -> None:
    """A notice names units by results that no appeal may still change: the round is closed, or the time to appeal
    has passed with every appeal decided."""
    if assessment_round.state == RoundState.CLOSED:
        return
    if assessment_round.state != RoundState.PUBLISHED or timezone.localdate() <= assessment_round.appeal_deadline:
        raise ValidationError(
            _("A notice is issued once the results are final: after the time to appeal, with every appeal decided.")
        )
    if assessment_round.participants.filter(appeals__state="pending").exists():
        raise ValidationError(_("An appeal is still to be decided: issue the notice once it is."))


def _draft_only(notice):
    if notice.state != NoticeState.DRAFT:
        raise ValidationError(_("An issued notice is kept as issued."))


@action(NOTICE_EDITED, on="notice", allow=_round_office)
def edit(notice, user, *, title: str, addressee: str, body: str, authority: str, public: bool = False) -> Notice:
    _draft_only(notice)
    notice.title, notice.authority = stripped(title), stripped(authority)
    notice.addressee = stripped(addressee).rstrip("：:")  # the document adds its colon
    notice.body, notice.public = news._text(body), bool(public)
    notice.full_clean()
    notice.save()
    return notice


@action(NOTICE_ISSUED, on="notice", allow=_round_office, data=lambda a, r: {"number": r.number})
def issue(notice, user, *, number: str, issued_on=None) -> Notice:
    """Issue the notice under its document number (南知强办〔2024〕3号); a public one goes on the portal."""
    _draft_only(notice)
    _final(notice.round)
    number = stripped(number)
    if not number:
        raise ValidationError({"number": _("Give the document number, e.g. 南知强办〔2024〕3号.")})
    if (
        Notice.objects.filter(round__organisation=notice.round.organisation, number=number)
        .exclude(pk=notice.pk)
        .exists()
    ):
        raise ValidationError({"number": _("Another notice has this number.")})
    day = past_day(issued_on, "issued_on")
    approved = notice.round.approved_on
    if approved and day < approved:
        raise ValidationError(
            {
                "issued_on": _("A notice is issued on or after the day the results were approved, %(day)s.")
                % {"day": approved}
            }
        )
    notice.number, notice.state, notice.issued_on = number, NoticeState.ISSUED, day
    if notice.public:
        item = news.write(
            user, kind=PortalKind.NOTICE, title=notice.title, body=_public_text(notice), synthetic=notice.synthetic
        )
        notice.portal_notice = news.publish(item, user, day=notice.issued_on)
    notice.save()
    return notice


def _public_text(notice) -> str:
    """The notice as the portal shows it: its number, addressee, text, issuer and date, as the document has them."""
    return "\n\n".join(
        [notice.number, f"{notice.addressee}：", notice.body, notice.authority, written_date(notice.issued_on)]
    )


def official(notice) -> OfficialDocument:
    with translation.override(settings.LANGUAGE_CODE):
        return _official(notice)


def _official(notice) -> OfficialDocument:
    paragraphs = [part.strip() for part in notice.body.split("\n\n") if part.strip()]
    rows = [
        [str(index), p.unit.name, p.group_name, shown(p.total), p.grade_name]
        for index, p in enumerate(notice.participants.select_related("unit", "round").order_by("group", "rank"), 1)
    ]
    table = Table(
        [_("No."), _("unit"), _("group"), _("total score"), pgettext("assessment", "grade")],
        rows,
        widths=[0.8, 4, 2.4, 1.4, 1.2],
        caption=_("Units named in this notice"),
    )
    return OfficialDocument(
        title=notice.title,
        body=[Paragraph(text) for text in paragraphs] + [table],
        number=notice.number,
        addressee=notice.addressee,
        authority=notice.authority,
        date=notice.issued_on or timezone.localdate(),
    )
