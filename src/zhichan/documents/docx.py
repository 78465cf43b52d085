"""An official document (official.py) as a Word file in the GB/T 9704-2012 layout, and a report (report.py) in its
plain layout, written with python-docx.

Official documents: lines are set to an exact pitch (22 to the text area) and characters are drawn a quarter point
closer than their size (28 to a line), so the layout holds in Word and in LibreOffice alike; the section's document
grid says the same (22 lines of 28 characters) for Word's page setup dialog. Reports: Word's own heading styles
(so the navigation pane and a table of contents find them), 1.5 lines, figures as inline pictures with a caption.
"""

import io
from dataclasses import dataclass

from docx import Document as new_word_document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import official, report
from .official import Figure, Heading, OfficialDocument, Paragraph, Table
from .report import Report

TIGHTEN = -0.25  # pt between characters: 16 pt characters, 28 of them in 156 mm
RED = "FF0000"
TABLE_TEXT, TABLE_HEADER = "Table Text", "Table Header"  # paragraph styles of table cells

# Word refuses a file whose properties are out of the schema's order: what may follow each property we add.
AFTER_SPACING_IN_RUN = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect")
AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct")
AFTER_BORDERS += ("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd")
AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc")
AFTER_SNAP += ("w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:rPr")
AFTER_BORDERS += ("w:snapToGrid", *AFTER_SNAP)


@dataclass
class Word:
    """An official document or a report to send as .docx (see files.Document)."""

    document: OfficialDocument | Report
    filename: str
    rows: int = 0
    row_cost = 10  # a table row: about 3 ms, ten spreadsheet rows

    def render(self, progress=None) -> bytes:
        if isinstance(self.document, Report):
            return build_report(self.document, progress)
        return build(self.document, progress)


def build(document: OfficialDocument, progress=None) -> bytes:
    word = new_word_document()
    _page(word)
    _styles(word)
    _footers(word)
    if document.number:
        _number(word, document.number)
    _blank(word, 2 if document.number else 0)
    _title(word, document.title)
    _blank(word)
    if document.addressee:
        _plain(word.add_paragraph(), document.addressee + "：")
    counter = _Counter(document.body, progress)
    for block in document.body:
        _block(word, block, counter.tick)
    if document.attachments:
        _blank(word)
        for line in document.attachment_lines:
            _plain(_indented(word.add_paragraph()), line)
    if document.authority or document.date:
        _blank(word)
        _signature(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page(word):
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(official.PAGE[0]), Mm(official.PAGE[1])
    section.top_margin, section.bottom_margin = Mm(official.MARGINS["top"]), Mm(official.MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(official.MARGINS["left"]), Mm(official.MARGINS["right"])
    section.footer_distance = Mm(official.MARGINS["bottom"] - 7 - 6)  # the number's line 7 mm below the text
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(official.line_pitch() * 20)))  # twips
    # Extra width per character beyond the normal style's size, in 1/4096 pt.
    grid.set(qn("w:charSpace"), str(round((official.char_pitch() - official.BODY_SIZE) * 4096)))


def _fonts(element, east_asian: str, latin: str | None = None):
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    latin = latin or east_asian
    for name, value in (("w:eastAsia", east_asian), ("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin)):
        fonts.set(qn(name), value)


def _styles(word):
    normal = word.styles["Normal"]
    normal.font.size = Pt(official.BODY_SIZE)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(normal.element, official.BODY_FONT, official.DIGITS_FONT)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(round(TIGHTEN * 20)))
    normal.element.get_or_add_rPr().insert_element_before(spacing, *AFTER_SPACING_IN_RUN)
    layout = normal.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(official.line_pitch())
    layout.space_before = layout.space_after = Pt(0)
    layout.widow_control = False  # the standard fills every page's 22 lines
    for name, font in ((TABLE_TEXT, official.BODY_FONT), (TABLE_HEADER, official.HEADING_FONTS[1])):
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(official.TABLE_SIZE)
        _fonts(style.element, font, official.DIGITS_FONT if font == official.BODY_FONT else font)
        _off_grid(style)


def _blank(word, count: int = 1):
    for _ in range(count):
        word.add_paragraph()


def _plain(paragraph, text: str, font: str | None = None, size: float | None = None, bold: bool = False):
    run = paragraph.add_run(text)
    if font:
        _fonts(run._r, font, font if font != official.BODY_FONT else official.DIGITS_FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    return run


def _indented(paragraph, chars: int = 2, pitch: float | None = None):
    """A first-line indent counted in characters, as Word counts it (firstLineChars), with its length too (a
    character `pitch` points wide: the official grid's by default)."""
    paragraph.paragraph_format.first_line_indent = Pt(chars * (pitch or official.char_pitch()))
    paragraph.paragraph_format.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), str(chars * 100))
    return paragraph


def _number(word, number: str):
    """The document number centred, and the red rule as wide as the text 4 mm under it."""
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _plain(paragraph, number)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "11"), ("w:color", RED)):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph.paragraph_format.element.get_or_add_pPr().insert_element_before(borders, *AFTER_BORDERS)


def _title(word, title: str):
    paragraph = _off_grid(word.add_paragraph(), single=False)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _plain(paragraph, title, official.TITLE_FONT, official.TITLE_SIZE)


class _Counter:
    """Progress in paragraphs and table rows, told every PROGRESS_EVERY of them."""

    PROGRESS_EVERY = 50

    def __init__(self, body, progress):
        self.progress, self.done = progress, 0
        self.total = sum(len(block.rows) if isinstance(block, Table) else 1 for block in body)

    def tick(self):
        self.done += 1
        if self.progress and (self.done % self.PROGRESS_EVERY == 0 or self.done == self.total):
            self.progress(self.done, self.total, "")


def _block(word, block, tick):
    if isinstance(block, Heading):
        font = official.HEADING_FONTS.get(block.level, official.BODY_FONT)
        _plain(_indented(word.add_paragraph()), block.text, font, bold=block.level >= 3)
    elif isinstance(block, Paragraph):
        for line in block.text.splitlines() or [""]:
            _plain(_indented(word.add_paragraph()), line)
    elif isinstance(block, Figure):
        _figure(word, block, official.TEXT_AREA[0], _official_caption)
    elif isinstance(block, Table):
        if block.caption:
            _official_caption(word, block.caption, above=True)
        _table(word, block, tick)
        return
    tick()


def _official_caption(word, text: str, above: bool = False):
    paragraph = _off_grid(word.add_paragraph())
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = above
    _plain(paragraph, text, official.HEADING_FONTS[1], official.TABLE_SIZE)


def _figure(word, block: Figure, text_width: float, caption):
    """The picture centred on a line of its own (single-spaced: an exact pitch would cut it), kept on the page
    of its caption below it."""
    if not block.png:
        return
    paragraph = _off_grid(word.add_paragraph())
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = bool(block.caption)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Mm(text_width * min(block.width, 1)))
    if block.caption:
        caption(word, block.caption)


def _table(word, block: Table, tick=None, text_width: float = official.TEXT_AREA[0]):
    """A table as wide as the text, written on the XML: python-docx's `add_row().cells` walks the whole table for
    every row, which makes a long table quadratic."""
    table = word.add_table(rows=0, cols=len(block.headers))
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = block.widths or [1] * len(block.headers)
    shares = [Mm(text_width * share / sum(widths)) for share in widths]
    for column, share in zip(table.columns, shares, strict=True):
        column.width = share  # the grid LibreOffice reads
    text, header = (word.styles[name].style_id for name in (TABLE_TEXT, TABLE_HEADER))
    _row(table, shares, block.headers, header)
    _repeat_header(table.rows[0])
    for values in block.rows:
        _row(table, shares, [official.cell_text(value) for value in values], text)
        if tick:
            tick()


def _row(table, shares, texts, style_id):
    row = table._tbl.add_tr()
    for share, text in zip(shares, texts, strict=True):
        cell = row.add_tc()
        cell.width = share  # the cells Word reads
        _cell(cell, text, style_id)


def _cell(tc, text: str, style_id: str):
    """A cell's text in one of the table styles, set on the XML directly: a style per cell rather than fonts per
    run, and no style lookup by name, keep a long table quick to write."""
    paragraph = tc.p_lst[0]
    paragraph.get_or_add_pPr().style = style_id
    if text:
        paragraph.add_r().text = text


def _off_grid(paragraph, single: bool = True):
    """A paragraph (or paragraph style) not snapped to the body's 22-line grid: small print (single-spaced), or a
    line of larger print that keeps the exact pitch rather than taking two grid lines."""
    if single:
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph.paragraph_format.element.get_or_add_pPr().insert_element_before(snap, *AFTER_SNAP)
    return paragraph


def _repeat_header(row):
    """The header row again at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    properties.append(header)


def _signature(word, document: OfficialDocument):
    name_right, date_right = document.signature_indents()
    for text, right in ((document.authority, name_right), (document.date_text, date_right)):
        if text:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.right_indent = Pt(right * official.char_pitch())
            _plain(paragraph, text)


def _footers(word):
    """Page numbers “— 1 —” in 4-point-size SongTi: on odd pages one character in from the right, on even pages
    one character in from the left."""
    section = word.sections[0]
    word.settings.odd_and_even_pages_header_footer = True
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        layout = paragraph.paragraph_format
        layout.left_indent = layout.right_indent = Pt(official.PAGE_NUMBER_SIZE)
        _off_grid(paragraph)
        _plain(paragraph, "— ", official.PAGE_NUMBER_FONT, official.PAGE_NUMBER_SIZE)
        _page_field(paragraph)
        _plain(paragraph, " —", official.PAGE_NUMBER_FONT, official.PAGE_NUMBER_SIZE)


def _page_field(paragraph, font: str = official.PAGE_NUMBER_FONT, size: float = official.PAGE_NUMBER_SIZE):
    """The PAGE field, as Word writes it: begin, instruction, separator, the last shown value, end, a run each."""
    for kind, text in (("begin", None), ("instrText", " PAGE "), ("separate", None), ("t", "1"), ("end", None)):
        run = _plain(paragraph, "", font, size)
        if text is None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement(f"w:{kind}")
            element.text = text
            element.set(qn("xml:space"), "preserve")
        run._r.append(element)


# A report (report.py): its own page and styles, the same blocks.

REPORT_NOTE, REPORT_CAPTION = "Report Note", "Caption"
BLACK = RGBColor(0, 0, 0)
THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def build_report(document: Report, progress=None) -> bytes:
    word = new_word_document()
    _report_page(word)
    _report_styles(word)
    _report_footer(word)
    _report_title(word, document)
    counter = _Counter(document.body, progress)
    for block in document.body:
        _report_block(word, block, counter.tick)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _report_page(word):
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(report.PAGE[0]), Mm(report.PAGE[1])
    section.top_margin, section.bottom_margin = Mm(report.MARGINS["top"]), Mm(report.MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(report.MARGINS["left"]), Mm(report.MARGINS["right"])
    section.header_distance = section.footer_distance = Mm(12)


def _own_fonts(style, east_asian: str, latin: str):
    """The style's fonts named outright: the template's theme fonts (which Word prefers) taken away."""
    _fonts(style.element, east_asian, latin)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for name in THEME_FONTS:
        fonts.attrib.pop(qn(name), None)


def _report_styles(word):
    normal = word.styles["Normal"]
    normal.font.size = Pt(report.BODY_SIZE)
    normal.font.color.rgb = BLACK
    _own_fonts(normal, report.BODY_FONT, report.LATIN_FONT)
    layout = normal.paragraph_format
    layout.line_spacing = report.LINE_SPACING
    layout.space_before, layout.space_after = Pt(0), Pt(3)
    for level, size in report.HEADING_SIZES.items():
        heading = word.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.color.rgb = BLACK
        heading.font.bold, heading.font.italic = True, False
        _own_fonts(heading, report.HEADING_FONT, report.HEADING_FONT)
        spacing = heading.paragraph_format
        spacing.space_before, spacing.space_after = Pt(size), Pt(size / 2)
        spacing.keep_with_next = True
    for name, font, size in (
        (TABLE_TEXT, report.BODY_FONT, report.TABLE_SIZE),
        (TABLE_HEADER, report.HEADING_FONT, report.TABLE_SIZE),
        (REPORT_NOTE, report.BODY_FONT, report.NOTE_SIZE),
    ):
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        _own_fonts(style, font, report.LATIN_FONT if font == report.BODY_FONT else font)
        style.paragraph_format.line_spacing = 1.0 if name != REPORT_NOTE else 1.25
        style.paragraph_format.space_after = Pt(0 if name != REPORT_NOTE else 6)
    word.styles[REPORT_NOTE].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    caption = word.styles[REPORT_CAPTION]
    caption.font.size = Pt(report.CAPTION_SIZE)
    caption.font.color.rgb = BLACK
    caption.font.bold = False
    _own_fonts(caption, report.HEADING_FONT, report.HEADING_FONT)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before, caption.paragraph_format.space_after = Pt(3), Pt(9)


def _report_footer(word):
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph, report.LATIN_FONT, report.CAPTION_SIZE)


def _report_title(word, document: Report):
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(24), Pt(12)
    _plain(title, document.title, report.HEADING_FONT, report.TITLE_SIZE, bold=True)
    for text in (document.subtitle, document.date_text):
        if text:
            line = word.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _plain(line, text, size=report.SUBTITLE_SIZE)
    word.add_paragraph()


def _report_caption(word, text: str, above: bool = False):
    paragraph = word.add_paragraph(text, style=REPORT_CAPTION)
    paragraph.paragraph_format.keep_with_next = above


def _report_block(word, block, tick):
    if isinstance(block, Heading):
        word.add_heading(block.text, level=min(max(block.level, 1), len(report.HEADING_SIZES)))
    elif isinstance(block, Paragraph):
        for line in block.text.splitlines() or [""]:
            if block.note:
                word.add_paragraph(line, style=REPORT_NOTE)
            else:
                _indented(word.add_paragraph(line), pitch=report.BODY_SIZE)
    elif isinstance(block, Figure):
        _figure(word, block, report.TEXT_WIDTH, _report_caption)
    elif isinstance(block, Table):
        if block.caption:
            _report_caption(word, block.caption, above=True)
        _table(word, block, tick, report.TEXT_WIDTH)
        return
    tick()
