"""A round's results and the trends in Excel, and a notice in Word and PDF, through core's one export path
(`core.services.exports.respond`): at once when small, in the background with progress when large."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from zhichan.documents.docx import Word
from zhichan.documents.pdf import Pdf
from zhichan.documents.xlsx import Sheet, Workbook

from ..models import ItemScore, Notice, Round
from .notices import official
from .reading import explained, groups, sees_all
from .trends import trends

DOCUMENTS = {"docx": Word, "pdf": Pdf}


def round_workbook(request, pk):
    assessment_round = get_object_or_404(Round.objects.visible_to(request.user), pk=pk)
    ranking = []
    # a unit reads results once published: before, its own state and what the platform measured only
    results = assessment_round.results_public or sees_all(request.user)
    for group in groups(assessment_round, request.user):
        for row in group["rows"]:
            full = results and (not group["summary"] or row.pk in group["own"])
            ranking.append(
                [
                    group["name"],
                    row.rank if results else None,
                    row.unit.name,
                    row.get_state_display() if not group["summary"] or row.pk in group["own"] else "",
                    row.base if full else None,
                    row.bonus if full else None,
                    row.deduction if full else None,
                    row.total if results else None,
                    _("yes") if full and row.vetoed else "",
                    row.grade_name if results else "",
                ]
            )
    items = (
        ItemScore.objects.visible_to(request.user)
        .filter(participant__round=assessment_round)
        .select_related("participant__unit", "participant__round")
        .order_by("participant__group", "participant__rank", "participant_id", "order")
    )
    item_rows = [
        [
            item.participant.unit.name,
            item.name,
            item.get_kind_display(),
            item.max_points,
            explained(item),
            item.auto_points,
            item.self_points,
            item.self_note,
            item.points if results else None,
            item.reason if results else "",
            item.settled if results else None,
        ]
        for item in items
    ]
    note = _("%(round)s, as of %(day)s; exported %(now)s") % {
        "round": assessment_round.title,
        "day": assessment_round.as_of,
        "now": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }
    sheets = [
        Sheet(
            _("Ranking"),
            [
                _("group"),
                _("rank"),
                _("unit"),
                _("state"),
                _("item points"),
                _("bonus points"),
                _("points deducted"),
                _("total score"),
                _("vetoed"),
                pgettext("assessment", "grade"),
            ],
            ranking,
            note=note,
        ),
        Sheet(
            _("Item scores"),
            [
                _("unit"),
                pgettext("assessment", "item"),
                _("kind"),
                _("full marks"),
                _("how it was measured"),
                _("computed points"),
                _("self-assessed points"),
                _("self-assessment"),
                _("reviewed points"),
                _("reason for the review"),
                _("points counted"),
            ],
            item_rows,
            note=note,
        ),
    ]
    return Workbook(f"{assessment_round.title}.xlsx", sheets, rows=len(ranking) + len(item_rows))


def trends_workbook(request):
    found = trends(request.user)
    headers = [_("group"), _("unit")]
    for held in found["rounds"]:
        headers += [f"{held.title} · {_('total score')}", f"{held.title} · {_('rank')}", f"{held.title} · {_('grade')}"]
    rows = []
    for group in found["groups"]:
        for line in group["rows"]:
            row = [group["name"], line["unit"].name]
            for cell in line["cells"]:
                row += [cell.total, cell.rank, cell.grade_name] if cell else [None, None, ""]
            rows.append(row)
    return Workbook(_("assessment-trends.xlsx"), [Sheet(_("Trends"), headers, rows)], rows=len(rows))


def notice_document(request, pk, kind):
    notice = get_object_or_404(Notice.objects.visible_to(request.user).select_related("round"), pk=pk)
    return DOCUMENTS[kind](official(notice), f"{notice.title}.{kind}", rows=notice.participants.count())
