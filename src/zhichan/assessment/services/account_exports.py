"""The yearly account and the acceptance package as documents: Word and PDF in the official layout (documents,
GB/T 9704-2012) and an Excel annex, built from services/account.py and sent through core's one export path
(`core.services.exports.respond`): at once when small, in the background with progress when large. The builders
read only the user and the query (`?programme=&year=`, `?programme=&index=`, `?number=`), so a background task
asks the same question again."""

from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.numbers import format_figure
from zhichan.documents.docx import Word
from zhichan.documents.official import Heading, OfficialDocument, Paragraph, Table, chinese_number, written_date
from zhichan.documents.pdf import Pdf
from zhichan.documents.xlsx import Sheet, Workbook
from zhichan.indicators.templatetags.indicators import light_label
from zhichan.programme.models import Programme
from zhichan.programme.services.choice import chosen_programme

from ..models import EvaluationIndex, Round
from .account import acceptance, account, programme_years, year_end

DOCUMENTS = {"docx": Word, "pdf": Pdf}
NUMBER_LENGTH = 60  # a document number such as 南知强办〔2025〕3号; longer input is cut


# What the reader asked for.


def asked_programme(request):
    """The programme of `?programme=`, else the one the reader chose; 404 when the reader may see none."""
    wanted = request.GET.get("programme", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404
        return get_object_or_404(Programme.objects.visible_to(request.user).select_related("region"), pk=wanted)
    found = chosen_programme(request)
    if found is None:
        raise Http404
    return found


def default_year(programme, today=None) -> int:
    """The last programme year that has ended (the one a summary is written for), else the first."""
    today = today or timezone.localdate()
    years = programme_years(programme, today)
    ended = [year for year in years if year_end(programme, year, today) < today]
    return ended[-1] if ended else years[0]


def asked_year(request, programme) -> int:
    wanted = request.GET.get("year", "")
    if not wanted:
        return default_year(programme)
    if not wanted.isdigit() or int(wanted) not in programme_years(programme):
        raise Http404
    return int(wanted)


def indexes_for(user, programme):
    return EvaluationIndex.objects.visible_to(user).filter(organisation=programme.region).order_by("key", "-version")


def asked_index(request, programme):
    """The evaluation index of `?index=`, else the version saved last; None when the office has entered none."""
    wanted = request.GET.get("index", "")
    found = indexes_for(request.user, programme)
    if wanted:
        if not wanted.isdigit():
            raise Http404
        return get_object_or_404(found, pk=wanted)
    return found.order_by("-updated").first()


# The builders `respond` calls (module level, JSON arguments).


def account_file(request, kind: str):
    programme = asked_programme(request)
    found = account(programme, asked_year(request, programme), request.user)
    name = _("%(programme)s-work summary %(year)s") % {"programme": programme.name, "year": found.year}
    if kind == "xlsx":
        sheets = account_sheets(found)
        return Workbook(f"{name}.xlsx", sheets, rows=sum(len(s.rows) for s in sheets))
    document = account_document(found, request)
    return DOCUMENTS[kind](document, f"{name}.{kind}", rows=_rows(document))


def acceptance_file(request, kind: str):
    programme = asked_programme(request)
    found = acceptance(programme, request.user, asked_index(request, programme))
    name = _("%(programme)s-acceptance package") % {"programme": programme.name}
    if kind == "xlsx":
        sheets = acceptance_sheets(found)
        return Workbook(f"{name}.xlsx", sheets, rows=sum(len(s.rows) for s in sheets))
    document = acceptance_document(found, request)
    return DOCUMENTS[kind](document, f"{name}.{kind}", rows=_rows(document))


def _rows(document: OfficialDocument) -> int:
    return sum(len(block.rows) for block in document.body if isinstance(block, Table))


# The documents.


class _Numbered:
    """Level-1 headings numbered 一、二、… in the order they are written."""

    def __init__(self):
        self.count = 0

    def __call__(self, text: str) -> Heading:
        self.count += 1
        return Heading(f"{chinese_number(self.count)}、{text}", 1)


def _frame(request, programme, title: str, body: list) -> OfficialDocument:
    unit = getattr(request.user, "unit", None)
    return OfficialDocument(
        title=title,
        body=body,
        number=request.GET.get("number", "").strip()[:NUMBER_LENGTH],
        authority=unit.name if unit else programme.issuer,
        date=timezone.localdate(),
    )


def _office_writes(what: str) -> Paragraph:
    return Paragraph(_("To be written by the programme office: %(what)s") % {"what": what})


def year_office_parts() -> list[tuple[str, str]]:
    """The sections of a yearly summary the office writes: (heading, what goes in it)."""
    return [
        (_("Typical cases"), _("the year's typical cases: what was done, by whom, and what came of it.")),
        (
            _("Problems and next year's measures"),
            _("the problems the year showed and the measures planned for next year."),
        ),
    ]


def acceptance_office_parts() -> list[tuple[str, str]]:
    """The sections of the acceptance package the office writes; the self-evaluation report comes first."""
    return [
        (
            _("Self-evaluation report"),
            _("the self-evaluation of the programme against its work plan and the evaluation index."),
        ),
        (_("Typical cases"), _("the programme's typical cases: what was done, by whom, and what came of it.")),
        (_("Problems and further work"), _("the problems that remain and the work planned after the programme.")),
    ]


def places_word(found) -> str:
    return _("Figures by year and township") if found.township_level else _("Figures by year and county")


def account_document(found, request) -> OfficialDocument:
    programme, heading = found.programme, _Numbered()
    body = [Paragraph(_intro(found.day))]
    if found.year_to_date:
        body.append(Paragraph(_("The year is not over: its figures are those of the year to date.")))
    body += [heading(_("Progress on the targets")), *_targets_blocks(found.targets, found.year)]
    body += [heading(_("Progress on the key tasks")), *_tasks_blocks(found.tasks, found.day)]
    body += [heading(places_word(found)), *_figure_blocks(found.figures)]
    body += [heading(_("Assessment results")), *_results_blocks(found.results, found.year)]
    body += [heading(_("List of evidence")), *_evidence_blocks(found.evidence)]
    for title, what in year_office_parts():
        body += [heading(title), _office_writes(what)]
    title = _("Work summary for %(year)s of %(programme)s") % {"year": found.year, "programme": programme.name}
    return _frame(request, programme, title, body)


def acceptance_document(found, request) -> OfficialDocument:
    programme, heading = found.programme, _Numbered()
    body = [Paragraph(_intro(found.day))]
    own = acceptance_office_parts()
    body += [heading(own[0][0]), _office_writes(own[0][1])]
    body += [heading(_("Targets over the programme period")), _targets_by_year_table(found)]
    body += [heading(_("Against the evaluation index")), *_index_blocks(found)]
    body += [heading(_("Work-plan completion")), *_tasks_blocks(found.tasks, found.day)]
    body += [heading(_("Task completion by year")), _counts_by_year_table(found)]
    body += [heading(places_word(found)), *_figure_blocks(found.figures)]
    body += [heading(_("Assessment rounds and results")), *_rounds_blocks(found)]
    body += [heading(_("List of evidence")), *_evidence_blocks(found.evidence)]
    for title, what in own[1:]:
        body += [heading(title), _office_writes(what)]
    title = _("Acceptance package of %(programme)s") % {"programme": programme.name}
    return _frame(request, programme, title, body)


def _intro(day) -> str:
    return _(
        "Prepared from the platform's records as of %(day)s: each figure can be traced on the platform to the "
        "records behind it. The sections the platform cannot write are left for the programme office."
    ) % {"day": written_date(day)}


def _target_name(line) -> str:
    prefix = _("of which") + " " if line.depth else ""
    return f"{prefix}{line.target.code} {line.target.title}"


def _targets_blocks(lines, year) -> list:
    if not lines:
        return [Paragraph(_("The programme sets no quantitative targets."))]
    met = sum(1 for line in lines if line.met)
    summary = _("%(met)d of %(count)d targets are met as of the end of %(year)s.") % {
        "met": met,
        "count": len(lines),
        "year": year,
    }
    table = Table(
        [_("target"), _("baseline"), _("value"), _("target value"), _("completion rate"), _("met"), _("data source")],
        [
            [
                _target_name(line),
                line.baseline_shown,
                f"{line.shown}（{line.period}）" if line.period and line.shown != "—" else line.shown,
                line.target_shown,
                line.percent_shown,
                line.met_shown,
                line.source,
            ]
            for line in lines
        ],
        widths=[3, 1.4, 2.2, 1.8, 1.2, 1, 3.4],
    )
    return [Paragraph(summary), table]


def _counts_text(part, day) -> str:
    return _("%(count)d tasks are assigned to units; as of %(day)s: %(counts)s.") % {
        "count": part.assigned,
        "day": written_date(day),
        "counts": "，".join(
            _("%(status)s %(count)d") % {"status": label, "count": count} for _s, label, count in part.counts
        ),
    }


def _tasks_blocks(part, day) -> list:
    table = Table(
        [
            _("key"),
            _("task"),
            _("lead unit"),
            _("co-operating units"),
            _("deadline"),
            _("status"),
            _("percent complete"),
        ],
        [
            [
                line.task.key,
                "　" * line.depth + f"{line.task.number}{line.task.title}",
                line.leads,
                line.co_operating,
                line.state.deadline or line.task.effective_deadline,
                str(line.state.status.label),
                f"{line.state.percent}%",
            ]
            for line in part.lines
        ],
        widths=[1, 4.4, 2.2, 2.4, 2, 1.2, 1.2],
    )
    return [Paragraph(_counts_text(part, day)), table]


def _figure_blocks(tables) -> list:
    """One table an indicator; the places without any value are named in a line under it rather than as rows of
    dashes (the Excel annex keeps every row)."""
    if not tables:
        return [Paragraph(_("No indicator has yearly values yet."))]
    blocks = []
    for number, table in enumerate(tables, start=1):
        indicator = table.indicator
        title = f"{indicator.name}（{indicator.unit_of_measure}）" if indicator.unit_of_measure else indicator.name
        valued = [(region, values) for region, values in table.rows if any(_valued(v) for v in values)]
        empty = [region.name for region, values in table.rows if not any(_valued(v) for v in values)]
        blocks.append(Heading(f"（{chinese_number(number)}）{title}", 2))
        blocks.append(
            Table(
                [_("region")] + [str(year) for year in table.years],
                [[region.name] + [_cell(value, indicator.decimals) for value in values] for region, values in valued],
                widths=[3] + [1.6] * len(table.years),
            )
        )
        if empty:
            blocks.append(Paragraph(_("No value: %(places)s.") % {"places": "、".join(empty)}))
    return blocks


def _valued(value) -> bool:
    return value is not None and value.value is not None


def _cell(value, decimals: int) -> str:
    return format_figure(value.value, decimals) if value is not None and value.value is not None else "—"


def _results_blocks(results, year) -> list:
    if not results:
        return [Paragraph(_("No assessment round of %(year)s has approved results yet.") % {"year": year})]
    blocks = []
    for number, result in enumerate(results, start=1):
        blocks.append(Heading(f"（{chinese_number(number)}）{result.round.title}", 2))
        blocks.append(_ranking_table(result))
    return blocks


def _ranking_table(result) -> Table:
    return Table(
        [_("group"), _("rank"), _("unit"), _("total score"), _("grade")],
        [
            [group["name"], p.rank, p.unit.name, _score(p.total), p.grade_name]
            for group in result.groups
            for p in group["rows"]
        ],
        widths=[2.4, 0.8, 4, 1.4, 1.4],
    )


def _round_label(name: str) -> str:
    """A round's field as the round's own pages name it (公布 and 关闭 of a round, not of a case)."""
    return str(Round._meta.get_field(name).verbose_name)


def _score(value) -> str:
    """60.00 → 60, 87.50 → 87.5: as the notices write a total, without an exponent."""
    return f"{value.normalize():f}"


def _evidence_blocks(lines) -> list:
    if not lines:
        return [Paragraph(_("No evidence is attached to the records of this period."))]
    return [
        Table(
            [_("No."), _("file"), _("attached to"), _("unit"), _("period or round")],
            [[str(n), line.attachment.name, line.what, line.unit.name, line.period] for n, line in enumerate(lines, 1)],
            widths=[0.8, 3.2, 4, 2.4, 2],
        )
    ]


def _targets_by_year_table(found) -> Table:
    rows = []
    for final, by_year in found.by_year():
        cells = [_target_name(final), final.baseline_shown]
        cells += [line.shown if line else "—" for line in by_year]
        cells += [final.target_shown, final.percent_shown, final.met_shown, final.source]
        rows.append(cells)
    return Table(
        [_("target"), _("baseline")]
        + [_("end of %(year)s") % {"year": year} for year in found.years]
        + [_("target value"), _("completion rate"), _("met"), _("data source")],
        rows,
        widths=[2.6, 1.2] + [1.6] * len(found.years) + [1.6, 1.1, 0.9, 2.8],
    )


def _index_blocks(found) -> list:
    index = found.index
    if index is None:
        return [
            Paragraph(
                _(
                    "No evaluation index has been entered. The programme office enters CNIPA's index from the notice "
                    "it holds; the platform then fills in every indicator it can compute."
                )
            )
        ]
    intro = _("%(name)s, version %(version)s (%(source)s).") % {
        "name": index.name,
        "version": index.version,
        "source": index.source_document,
    }
    blocks = [Paragraph(intro)]
    if index.data.get("illustrative"):
        blocks.append(Paragraph(_("This version is marked as an example of the format, not CNIPA's index.")))
    blocks.append(
        Table(
            [_("No."), _("indicator"), _("type"), _("points"), _("value"), _("data source"), _("evidence required")],
            [
                [
                    str(n),
                    _index_name(line.indicator),
                    _type_word(line.indicator["type"]),
                    _points(line.indicator.get("points")),
                    _index_value(line),
                    line.source,
                    line.indicator.get("evidence", ""),
                ]
                for n, line in enumerate(found.index_lines, 1)
            ],
            widths=[0.7, 3, 1.2, 0.9, 2.2, 2.6, 2.4],
        )
    )
    return blocks


def _index_name(item: dict) -> str:
    return f"{item['group']} › {item['name']}" if item.get("group") else item["name"]


def _type_word(kind: str) -> str:
    return _("quantitative") if kind == "quantitative" else _("qualitative")


def _points(points) -> str:
    """10 → 10, 5.5 → 5.5: as the notice writes them."""
    return "" if points is None else f"{Decimal(str(points)).normalize():f}"


def _index_value(line) -> str:
    if not line.filled:
        return _("to be entered by the programme office")
    return f"{line.shown}（{line.period}）" if line.period else line.shown


def _index_cell(line):
    """The figure as a number where the platform has one, so the sheet sums and sorts it."""
    if not line.filled:
        return _("to be entered by the programme office")
    return line.value if line.value is not None else line.shown


def _counts_by_year_table(found) -> Table:
    labels = [label for _status, label, _count in found.tasks.counts]
    rows = [
        [str(year)] + [count for _status, _label, count in one.tasks.counts] + [one.tasks.assigned]
        for year, one in zip(found.years, found.accounts, strict=True)
    ]
    return Table([_("year")] + [str(label) for label in labels] + [_("tasks assigned")], rows)


def _rounds_blocks(found) -> list:
    if not found.rounds:
        return [Paragraph(_("No assessment round has been held in the programme period."))]
    blocks = [
        Table(
            [_("round"), _("year"), _("state"), _("as of"), _round_label("published_on")],
            [[r.title, str(r.year), r.get_state_display(), r.as_of, r.published_on] for r in found.rounds],
            widths=[4.4, 1, 1.8, 2, 2],
        )
    ]
    results = [result for one in found.accounts for result in one.results]
    for number, result in enumerate(results, start=1):
        blocks.append(Heading(f"（{chinese_number(number)}）{result.round.title}", 2))
        blocks.append(_ranking_table(result))
    return blocks


# The Excel annex.


def _note(programme, day) -> str:
    return _("%(programme)s · as of %(day)s · exported %(now)s") % {
        "programme": programme.name,
        "day": day.isoformat(),
        "now": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }


def _target_sheet(lines, note) -> Sheet:
    return Sheet(
        _("Targets"),
        [
            _("code"),
            _("target"),
            _("baseline"),
            _("value"),
            _("period"),
            _("target value"),
            _("completion rate"),
            _("met"),
            _("status"),
            _("data source"),
        ],
        [
            [
                line.target.code,
                line.target.title,
                line.baseline,
                line.value if line.value is not None else line.shown if line.shown != "—" else None,
                line.period,
                line.target_shown,
                line.percent,
                line.met_shown,
                str(light_label(line.light)) if line.light else "",
                line.source,
            ]
            for line in lines
        ],
        note,
    )


def _task_sheet(part, note) -> Sheet:
    return Sheet(
        _("Tasks"),
        [
            _("key"),
            _("task"),
            _("kind"),
            _("lead unit"),
            _("co-operating units"),
            _("deadline"),
            _("completed on"),
            _("status"),
            _("percent complete"),
            _("why"),
        ],
        [
            [
                line.task.key,
                "　" * line.depth + f"{line.task.number}{line.task.title}",
                line.task.get_kind_display(),
                line.leads,
                line.co_operating,
                line.state.deadline or line.task.effective_deadline,
                line.task.completed_on,
                str(line.state.status.label),
                line.state.percent,
                line.why,
            ]
            for line in part.lines
        ],
        note,
    )


def _figure_sheet(found, tables, note) -> Sheet:
    return Sheet(
        _("Figures"),
        [_("indicator"), _("unit of measure"), _("region"), _("year"), _("value")],
        [
            [
                table.indicator.name,
                table.indicator.unit_of_measure,
                region.name,
                year,
                value.value if value is not None else None,
            ]
            for table in tables
            for region, values in table.rows
            for year, value in zip(table.years, values, strict=True)
        ],
        f"{places_word(found)} · {note}",
    )


def _results_sheet(results, note) -> Sheet:
    return Sheet(
        _("Assessment"),
        [_("round"), _("group"), _("rank"), _("unit"), _("total score"), _("vetoed"), _("grade")],
        [
            [
                result.round.title,
                group["name"],
                p.rank,
                p.unit.name,
                p.total,
                _("yes") if p.vetoed else "",
                p.grade_name,
            ]
            for result in results
            for group in result.groups
            for p in group["rows"]
        ],
        note,
    )


def _evidence_sheet(lines, note) -> Sheet:
    return Sheet(
        _("Evidence"),
        [_("file"), _("attached to"), _("unit"), _("period or round"), _("uploaded at"), _("size (bytes)")],
        [
            [
                line.attachment.name,
                line.what,
                line.unit.name,
                line.period,
                line.attachment.uploaded_at,
                line.attachment.size,
            ]
            for line in lines
        ],
        note,
    )


def account_sheets(found) -> list[Sheet]:
    note = _note(found.programme, found.day)
    counts = Sheet(
        _("Task counts"),
        [_("status"), _("tasks")],
        [[str(label), count] for _status, label, count in found.tasks.counts],
        note,
    )
    return [
        _target_sheet(found.targets, note),
        _task_sheet(found.tasks, note),
        counts,
        _figure_sheet(found, found.figures, note),
        _results_sheet(found.results, note),
        _evidence_sheet(found.evidence, note),
    ]


def acceptance_sheets(found) -> list[Sheet]:
    note = _note(found.programme, found.day)
    by_year = Sheet(
        _("Targets by year"),
        [_("code"), _("target"), _("baseline")]
        + [_("end of %(year)s") % {"year": year} for year in found.years]
        + [_("target value"), _("completion rate"), _("met"), _("data source")],
        [
            [final.target.code, final.target.title, final.baseline]
            + [(line.value if line.value is not None else line.shown) if line else None for line in lines]
            + [final.target_shown, final.percent, final.met_shown, final.source]
            for final, lines in found.by_year()
        ],
        note,
    )
    index = Sheet(
        _("Evaluation index"),
        [
            _("key"),
            _("group"),
            _("indicator"),
            _("type"),
            _("points"),
            _("definition"),
            _("unit of measure"),
            _("scoring rule"),
            _("evidence required"),
            _("source"),
            _("value"),
            _("period"),
            _("data source"),
        ],
        [
            [
                line.indicator["key"],
                line.indicator.get("group", ""),
                line.indicator["name"],
                _type_word(line.indicator["type"]),
                line.indicator.get("points"),
                line.indicator.get("definition", ""),
                line.indicator.get("unit", ""),
                line.indicator.get("scoring_rule", ""),
                line.indicator.get("evidence", ""),
                line.indicator.get("source", ""),
                _index_cell(line),
                line.period,
                line.source,
            ]
            for line in found.index_lines
        ],
        _("%(name)s, version %(version)s (%(source)s)")
        % {"name": found.index.name, "version": found.index.version, "source": found.index.source_document}
        if found.index
        else _("No evaluation index has been entered."),
    )
    labels = [str(label) for _status, label, _count in found.tasks.counts]
    counts = Sheet(
        _("Task counts by year"),
        [_("year")] + labels + [_("tasks assigned")],
        [
            [year] + [count for _s, _l, count in one.tasks.counts] + [one.tasks.assigned]
            for year, one in zip(found.years, found.accounts, strict=True)
        ],
        note,
    )
    rounds = Sheet(
        _("Rounds"),
        [_("round"), _("year"), _("state"), _("as of"), _round_label("published_on"), _round_label("closed_on")],
        [[r.title, r.year, r.get_state_display(), r.as_of, r.published_on, r.closed_on] for r in found.rounds],
        note,
    )
    results = [result for one in found.accounts for result in one.results]
    return [
        by_year,
        index,
        _task_sheet(found.tasks, note),
        counts,
        _figure_sheet(found, found.figures, note),
        rounds,
        _results_sheet(results, note),
        _evidence_sheet(found.evidence, note),
    ]
