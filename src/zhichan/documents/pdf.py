"""An official document (official.py) as PDF: the HTML template documents/official.html laid out by WeasyPrint,
with the page of GB/T 9704-2012 in its @page rule and the Noto CJK fonts standing in for the standard's."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template import Context, Engine

from . import official
from .official import Heading, OfficialDocument, Paragraph, Table


@dataclass
class Pdf:
    """An official document to send as .pdf (see files.Document)."""

    document: OfficialDocument
    filename: str
    rows: int = 0
    row_cost = 50  # WeasyPrint lays out a table row in about 35 ms (and loads the CJK fonts once, ~3 s)

    def render(self, progress=None) -> bytes:
        return build(self.document, progress, self.rows)


def build(document: OfficialDocument, progress=None, rows: int = 0) -> bytes:
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    html = _engine().get_template("documents/official.html").render(Context(context(document)))
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


def _family(name: str, *others: str) -> str:
    """The standard's font first, then other names it goes by, then the free substitute."""
    return ", ".join(f'"{font}"' for font in (name, *others, official.SUBSTITUTES[name])) + ", serif"


def _block(block) -> dict:
    if isinstance(block, Heading):
        return {"kind": "heading", "level": block.level, "text": block.text}
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "lines": block.text.splitlines() or [""]}
    if isinstance(block, Table):
        widths = block.widths or [1] * len(block.headers)
        return {
            "kind": "table",
            "headers": block.headers,
            "widths": [round(100 * width / sum(widths), 2) for width in widths],
            "rows": [[official.cell_text(value) for value in row] for row in block.rows],
        }
    raise TypeError(f"not a block of an official document: {block!r}")
