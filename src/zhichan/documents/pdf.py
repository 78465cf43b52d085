"""An official document (official.py) as PDF: the HTML template documents/official.html laid out by WeasyPrint,
with the page of GB/T 9704-2012 in its @page rule and the Noto CJK fonts standing in for the standard's. A report
(report.py) likewise, from documents/report.html; its figures are drawn from their SVG, sharp at any size."""

import base64
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template import Context, Engine

from . import official, report
from .official import Figure, Heading, OfficialDocument, Paragraph, Table
from .report import Report


@dataclass
class Pdf:
    """An official document or a report to send as .pdf (see files.Document)."""

    document: OfficialDocument | Report
    filename: str
    rows: int = 0
    row_cost = 50  # WeasyPrint lays out a table row in about 35 ms (and loads the CJK fonts once, ~3 s)

    def render(self, progress=None) -> bytes:
        if isinstance(self.document, Report):
            return build_report(self.document, progress, self.rows)
        return build(self.document, progress, self.rows)


def build(document: OfficialDocument, progress=None, rows: int = 0) -> bytes:
    return _laid_out("documents/official.html", context(document), progress, rows)


def build_report(document: Report, progress=None, rows: int = 0) -> bytes:
    return _laid_out("documents/report.html", report_context(document), progress, rows)


def _laid_out(template: str, values: dict, progress, rows: int) -> bytes:
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    html = _engine().get_template(template).render(Context(values))
    if progress:
        progress(0, rows, "")
    content = HTML(string=html).write_pdf()
    if progress:
        progress(rows, rows, "")  # laid out in one go: there is nothing to count in between
    return content


@cache
def _engine() -> Engine:
    """documents is not an installed app (it has no models or pages): its templates are read from its own folder."""
    return Engine(dirs=[Path(__file__).parent / "templates"])


def context(document: OfficialDocument) -> dict:
    name_right, date_right = document.signature_indents()
    return {
        "document": document,
        "blocks": [_block(block) for block in document.body],
        "page": {
            "width": official.PAGE[0],
            "height": official.PAGE[1],
            **official.MARGINS,
            "line": round(official.TEXT_AREA[1] / official.LINES_PER_PAGE, 3),  # mm
            "indent": round(2 * official.char_pitch(), 2),  # pt: two characters
            "name_right": round(name_right * official.char_pitch(), 2),
            "date_right": round(date_right * official.char_pitch(), 2),
        },
        "fonts": {
            "title": _family(official.TITLE_FONT),
            "body": _family(official.BODY_FONT, "FangSong"),
            "hei": _family("黑体", "SimHei"),
            "kai": _family("楷体_GB2312", "KaiTi", "AR PL UKai CN"),
            "page_number": _family(official.PAGE_NUMBER_FONT, "SimSun"),
        },
    }


def report_context(document: Report) -> dict:
    return {
        "document": document,
        "blocks": [_block(block) for block in document.body],
        "page": {"width": report.PAGE[0], "height": report.PAGE[1], **report.MARGINS},
        "sizes": {
            "body": report.BODY_SIZE,
            "line": report.LINE_SPACING,
            "title": report.TITLE_SIZE,
            "subtitle": report.SUBTITLE_SIZE,
            "headings": report.HEADING_SIZES,
            "table": report.TABLE_SIZE,
            "caption": report.CAPTION_SIZE,
            "note": report.NOTE_SIZE,
        },
        "fonts": {
            "body": _family(report.BODY_FONT, "SimSun", latin=report.LATIN_FONT),
            "hei": _family(report.HEADING_FONT, "SimHei", generic="sans-serif"),
        },
    }


def _family(name: str, *others: str, latin: str = "", generic: str = "serif") -> str:
    """The standard's font first, then other names it goes by, then the free substitute (a Latin face before
    all when given)."""
    names = ([latin] if latin else []) + [name, *others, official.SUBSTITUTES[name]]
    return ", ".join(f'"{font}"' for font in names) + f", {generic}"


def _block(block) -> dict:
    if isinstance(block, Heading):
        return {"kind": "heading", "level": block.level, "text": block.text}
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "lines": block.text.splitlines() or [""], "note": block.note}
    if isinstance(block, Table):
        widths = block.widths or [1] * len(block.headers)
        return {
            "kind": "table",
            "headers": block.headers,
            "widths": [round(100 * width / sum(widths), 2) for width in widths],
            "rows": [[official.cell_text(value) for value in row] for row in block.rows],
            "caption": block.caption,
        }
    if isinstance(block, Figure):
        return {"kind": "figure", "src": _picture(block), "caption": block.caption, "width": round(100 * block.width)}
    raise TypeError(f"not a block of a document: {block!r}")


def _picture(figure: Figure) -> str:
    """The figure as a data: address, its SVG when it has one."""
    if figure.svg:
        return "data:image/svg+xml;base64," + base64.b64encode(_haloless(figure.svg).encode()).decode()
    if figure.png:
        return "data:image/png;base64," + base64.b64encode(figure.png).decode()
    return ""


HALOED_TEXT = re.compile(r"<text\b[^>]*\bpaint-order=\"stroke\"[^>]*>")
OUTLINE = re.compile(r"\s(stroke|stroke-width|stroke-miterlimit|paint-order)=\"[^\"]*\"")


def _haloless(svg: str) -> str:
    """Labels drawn with a halo (an outline under the fill, `paint-order="stroke"`, as ECharts draws a label on a
    coloured cell) without it: WeasyPrint ignores paint-order and would draw the outline over the letters."""
    return HALOED_TEXT.sub(lambda found: OUTLINE.sub("", found.group(0)), svg)
