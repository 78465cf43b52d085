"""The patent navigation report (专利导航报告) of a set: what the set is, then each analysis the office chose, in the
catalogue's order, with the office's own text, its chart (drawn on the server), how it is counted and its table;
written as Word and PDF in documents' report layout and kept with the set's navigation project as a deliverable of
its results phase, or on the set itself when it has no project."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, refuse
from zhichan.core.events import events_of
from zhichan.core.models import Attachment
from zhichan.core.services.attachments import attach
from zhichan.documents import charts, docx, pdf
from zhichan.documents.files import clean_filename
from zhichan.documents.official import Figure, Heading, Paragraph, Table, text_width
from zhichan.documents.report import Report
from zhichan.projects.services.phases import phases
from zhichan.projects.services.projects import add_deliverable

from ..events import REPORT_BUILT
from ..models import DateBasis, SetKind
from .analyses import CATALOGUE, analyse
from .rows import described_query
from .sets import may_manage

ROWS = 30  # rows of an analysis's table in the report
RESULTS = "results"  # the navigation project's phase a report belongs to (data/projects/navigation-phases.yaml)
KIND = "navigation-report"  # the report's files kept on a set without a project
INTRODUCTION, CONCLUSIONS = "introduction", "conclusions"  # the office's texts before and after the analyses
ACCEPTED = (".docx", ".pdf")


@dataclass
class Built:
    word: Attachment
    pdf: Attachment
    sections: list
    texts: dict = field(default_factory=dict)  # the office's texts it was built with: the next one starts from them
    level: str = "subclass"
    against: int | None = None  # the set compared with


def offered(patent_set, *, level="subclass", against=None) -> list:
    """Every analysis of the catalogue, in its order, as this set would draw it (`cannot` says why not)."""
    return [analyse(patent_set, key, level=level, against=against) for key in CATALOGUE]


def title_of(patent_set) -> str:
    name = patent_set.name.removesuffix("专利")  # “…发明专利专利导航报告” reads “…发明专利导航报告”
    return _("%(set)s patent navigation report") % {"set": name}


def _data(arguments, built) -> dict:
    return {
        "word": built.word.pk,
        "word_name": built.word.name,
        "pdf": built.pdf.pk,
        "pdf_name": built.pdf.name,
        "sections": built.sections,
        # What the next report starts from (an object: the event's line names only the files).
        "choice": {"texts": built.texts, "level": built.level, "against": built.against},
    }


@action(REPORT_BUILT, on="patent_set", allow=may_manage, data=_data)
def build_report(
    patent_set, user, *, sections: list, texts: dict, level="subclass", against=None, progress=None
) -> Built:
    """The report as Word and PDF, attached to the set's navigation project (results phase) or to the set."""
    chosen = _chosen(patent_set, sections, level, against)
    texts = {key: (text or "").strip() for key, text in (texts or {}).items()}
    steps = _Steps(progress, 2 * len(chosen) + 2)
    for found in chosen:
        steps.tell(found.title)  # each analysis read from the set's kept figures: quick
    drawn = charts.render(
        [found.chart for found in chosen], progress=lambda done, total, message: steps.tell(chosen[done - 1].title)
    )
    document = _document(patent_set, chosen, drawn, texts, against)
    day = timezone.localdate()
    stem = clean_filename(f"{document.title} {day:%Y-%m-%d}")
    steps.tell(_("Writing the Word file"))
    word = docx.Word(document, f"{stem}.docx").render()
    steps.tell(_("Writing the PDF"))
    printed = pdf.Pdf(document, f"{stem}.pdf").render()
    kept = [
        _keep(patent_set, user, word, f"{stem}.docx", _("navigation report, Word")),
        _keep(patent_set, user, printed, f"{stem}.pdf", _("navigation report, PDF")),
    ]
    keys = [found.key for found in chosen]
    used = {key: text for key, text in texts.items() if text and key in {INTRODUCTION, CONCLUSIONS, *keys}}
    return Built(kept[0], kept[1], keys, used, level, against.pk if against is not None else None)


def check(patent_set, user, *, sections, level="subclass", against=None):
    """What `build_report` would refuse, refused at once: the page asks before it starts the build in the
    background, where a refusal could no longer be shown on the form."""
    if not build_report.allowed(user, {"patent_set": patent_set, "against": against}):
        refuse()
    _chosen(patent_set, sections, level, against)


def _chosen(patent_set, sections, level, against) -> list:
    unknown = [key for key in sections if key not in CATALOGUE]
    if unknown:
        raise ValidationError({"sections": _("Unknown analyses: %(keys)s.") % {"keys": ", ".join(unknown)}})
    if not sections:
        raise ValidationError({"sections": _("Choose at least one analysis for the report.")})
    if against is not None and against.pk == patent_set.pk:
        raise ValidationError({"against": _("Compare the set with another set.")})
    chosen = [analyse(patent_set, key, level=level, against=against) for key in CATALOGUE if key in sections]
    refused = [f"{found.title}: {found.cannot}" for found in chosen if found.cannot]
    if refused:
        raise ValidationError({"sections": [_("The set cannot feed %(why)s") % {"why": why} for why in refused]})
    return chosen


class _Steps:
    """Progress: each section analysed, each chart drawn, the Word file, the PDF."""

    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def tell(self, message: str):
        self.done = min(self.done + 1, self.total)
        if self.progress:
            self.progress(self.done, self.total, message)


def _document(patent_set, chosen, drawn, texts, against) -> Report:
    body = []
    number = 0
    if texts.get(INTRODUCTION):
        number += 1
        body += [Heading(f"{number} {_('Introduction')}", 1), *_paragraphs(texts[INTRODUCTION])]
    number += 1
    body += [Heading(f"{number} {_('The patents analysed')}", 1), *_definition(patent_set, against)]
    for figure_number, (found, chart) in enumerate(zip(chosen, drawn, strict=True), start=1):
        number += 1
        body.append(Heading(f"{number} {found.title}", 1))
        body += _paragraphs(texts.get(found.key, ""))
        caption = _("Figure %(number)d %(title)s") % {"number": figure_number, "title": found.title}
        if chart.drawn and chart.png:
            body.append(Figure(chart.png, caption, chart.svg))
        else:
            body.append(Paragraph(_("The chart could not be drawn: %(error)s") % {"error": chart.error}, note=True))
        if found.note:
            body.append(Paragraph(found.note, note=True))
        body += _table(found, figure_number)
    if texts.get(CONCLUSIONS):
        number += 1
        body += [Heading(f"{number} {_('Conclusions')}", 1), *_paragraphs(texts[CONCLUSIONS])]
    subtitle = patent_set.project.title if patent_set.project_id else ""
    return Report(title=title_of(patent_set), body=body, subtitle=subtitle, date=timezone.localdate())


def _paragraphs(text: str) -> list:
    return [Paragraph(part.strip()) for part in text.splitlines() if part.strip()]


def _definition(patent_set, against) -> list:
    """What the set is: its kind, size, coverage, search strategy, where its patents come from, how years count."""
    lines = [
        (_("kind of set"), SetKind(patent_set.kind).label),
        (_("patents"), str(patent_set.patent_count)),
        (_("what the set covers"), patent_set.description),
        (_("search strategy"), patent_set.search_strategy),
    ]
    if patent_set.kind == SetKind.REGISTER:
        lines.append((_("register search"), described_query(patent_set.query) or _("every patent of the register")))
    elif patent_set.batch_id:
        batch = patent_set.batch
        lines.append((_("imported file"), f"{batch.file_name} ({timezone.localtime(batch.created):%Y-%m-%d})"))
    lines.append((_("year counted by"), DateBasis(patent_set.date_basis).label))
    branches = [branch.name for branch in patent_set.branches.all()]
    if branches:
        lines.append((_("technology branches"), "、".join(branches)))
    if patent_set.read_at:
        lines.append((_("figures computed"), f"{timezone.localtime(patent_set.read_at):%Y-%m-%d %H:%M}"))
    if against is not None:
        lines.append((_("compared with"), f"{against.name} ({against.patent_count})"))
    rows = [[str(label), value] for label, value in lines if value]
    return [Table([_("item"), _("description")], rows, widths=[1, 4])]


def _table(found, number: int) -> list:
    if not found.rows:
        return []
    headers = [str(header) for header in found.headers]
    shown = [[cell.value for cell in row] for row in found.rows[:ROWS]]
    caption = _("Table %(number)d %(title)s") % {"number": number, "title": found.title}
    blocks = [Table(headers, shown, widths=_widths(headers, shown), caption=caption)]
    more = len(found.rows) - ROWS
    if more > 0:
        blocks.append(
            Paragraph(
                _("%(count)d more rows are not shown here; the set's page and its Excel download have them all.")
                % {"count": more},
                note=True,
            )
        )
    return blocks


def _widths(headers, rows) -> list:
    """Each column as wide as its longest text, within bounds, so a name column is wider than a count."""
    columns = zip(headers, *rows, strict=False) if rows else ([header] for header in headers)
    return [min(max(max(text_width(str(value if value is not None else "")) for value in column), 2), 16)
            for column in columns]  # fmt: skip


def _phase() -> str:
    """The results phase, or the last phase when the office's phases have none of that key."""
    keys = [phase.key for phase in phases()]
    return RESULTS if RESULTS in keys else keys[-1]


def _keep(patent_set, user, content: bytes, filename: str, label: str) -> Attachment:
    upload = ContentFile(content, name=filename)
    if patent_set.project_id:
        return add_deliverable(patent_set.project, user, file=upload, phase=_phase(), label=label)
    return attach(user, patent_set, upload, kind=KIND, label=label, accept=ACCEPTED)


def latest(patent_set, user) -> Built | None:
    """The files of the set's last report the user may read, or None."""
    for event in events_of(patent_set).filter(kind=REPORT_BUILT.key)[:1]:
        data = event.data or {}
        found = {
            a.pk: a for a in Attachment.objects.visible_to(user).filter(pk__in=[data.get("word"), data.get("pdf")])
        }
        if data.get("word") in found and data.get("pdf") in found:
            choice = data.get("choice") or {}
            return Built(
                found[data["word"]],
                found[data["pdf"]],
                data.get("sections", []),
                choice.get("texts", {}),
                choice.get("level", "subclass"),
                choice.get("against"),
            )
    return None
