"""Official documents in the GB/T 9704-2012 layout: the Word file as python-docx reads it, the PDF as pypdf reads
it, and the Word file laid out by LibreOffice: 22 lines of 28 characters to a page, the title on page 1."""

import datetime
import io

from docx.oxml.ns import qn
from pypdf import PdfReader

from zhichan.documents import docx, official, pdf
from zhichan.documents.official import Heading, OfficialDocument, Paragraph, Table

from .tools import pdf_pages, to_pdf_with_libreoffice, word

TITLE = "关于报送知识产权强县建设任务进展情况的通知"
NUMBER = "南知强办〔2026〕3号"
SHORT_TITLE = "关于报送任务进展情况的通知"  # one line


def notice(body=None, **parts) -> OfficialDocument:
    return OfficialDocument(
        **{
            "title": TITLE,
            "number": NUMBER,
            "addressee": "各成员单位",
            "body": body
            if body is not None
            else [
                Paragraph("为掌握各项任务进展，现将有关事项通知如下。"),
                Heading("一、报送内容", 1),
                Heading("（一）任务进展", 2),
                Paragraph("各单位按季度报送任务进展情况。\n第二段。"),
                Table(
                    ["序号", "任务", "牵头单位"], [[1, "建立工作机制", "市市场监管局"], [2, None, "市法院"]], [1, 5, 2]
                ),
            ],
            "attachments": ["任务台账", "进展报告"],
            "authority": "南安市国家知识产权强县建设示范县工作领导小组办公室",
            "date": datetime.date(2026, 12, 5),
            **parts,
        }
    )


def east_asian_font(element) -> str:
    return element.rPr.rFonts.get(qn("w:eastAsia"))


def test_the_word_file_has_the_parts_page_and_fonts_of_the_standard():
    document = word(docx.build(notice()))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == NUMBER and TITLE in texts and "各成员单位：" in texts
    assert "附件：1．任务台账" in texts and "　　　2．进展报告" in texts
    assert texts[-2:] == ["南安市国家知识产权强县建设示范县工作领导小组办公室", "2026年12月5日"]

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4, stored in twips
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert round(official.points(225) / (int(grid.get(qn("w:linePitch"))) / 20)) == 22

    normal = document.styles["Normal"]
    assert east_asian_font(normal.element) == "仿宋_GB2312" and normal.font.size.pt == 16
    title = next(p for p in document.paragraphs if p.text == TITLE)
    assert east_asian_font(title.runs[0]._r) == "方正小标宋简体" and title.runs[0].font.size.pt == 22
    heading = next(p for p in document.paragraphs if p.text == "一、报送内容")
    assert east_asian_font(heading.runs[0]._r) == "黑体"
    assert (
        east_asian_font(next(p for p in document.paragraphs if p.text == "（一）任务进展").runs[0]._r) == "楷体_GB2312"
    )

    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "任务", "牵头单位"]
    assert [c.text for c in table.rows[2].cells] == ["2", "", "市法院"]
    assert round(table.columns[1].width.mm) == round(156 * 5 / 8)


def test_a_document_without_number_or_signature_leaves_them_out():
    document = word(docx.build(OfficialDocument(title=TITLE, body=[Paragraph("正文")])))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == [TITLE, "正文"]


def test_the_pdf_has_the_title_on_a4_pages():
    content = pdf.build(notice())
    assert content.startswith(b"%PDF")
    page = PdfReader(io.BytesIO(content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    first = pdf_pages(content)[0]
    assert TITLE in first and NUMBER in first and "附件：1．任务台账" in first


def test_headings_count_in_chinese():
    assert [official.chinese_number(n) for n in (1, 9, 10, 11, 20, 21, 99, 100)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
        "100",
    ]


def test_the_signature_sits_two_characters_left_of_the_date_or_moves_left_for_a_long_date():
    long_name = notice()
    assert long_name.signature_indents() == (2, 25 - 6.5)  # 25 characters; the date 2026年12月5日 is 6½ wide
    short_name = notice(authority="市法院")
    assert short_name.signature_indents() == (4 + 6.5 - 3, 2)


def test_libreoffice_lays_out_22_lines_of_28_characters_with_the_title_on_page_1(tmp_path):
    """Page 1 holds the number and its red rule (two lines), two blank lines, a one-line title, a blank line and the
    addressee: 15 lines are left for the body, then 22 to a page. A line of 26 characters after a two-character
    indent fills one line exactly (28 to a line)."""
    line = "知" * 26

    def body(lines):
        return notice(body=[Paragraph(line)] * lines, title=SHORT_TITLE, attachments=[], authority="", date=None)

    laid_out = to_pdf_with_libreoffice(
        tmp_path, ("full", docx.build(body(15 + 22 + 22))), ("over", docx.build(body(15 + 22 + 22 + 1)))
    )
    full = pdf_pages(laid_out["full"])
    assert len(full) == 3
    assert [page.count("知") // 26 for page in full] == [15, 22, 22]
    assert SHORT_TITLE in full[0] and SHORT_TITLE not in full[1]
    assert len(pdf_pages(laid_out["over"])) == 4
