"""An official document (公文) as GB/T 9704-2012 lays it out, before it is written as Word or PDF.

The parts the standard names: the document number (发文字号) above a red rule, the title, the addressee
(主送机关), the body, the attachments note (附件说明), the issuing authority's signature (发文机关署名) and the
date it was written (成文日期). The page: A4, margins top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm,
so the text area is 156 × 225 mm holding 22 lines of 28 characters of 3-point-size (16 pt) FangSong.

The standard's fonts are commercial and are named as they are on government computers; where a machine lacks them
the free substitutes in `SUBSTITUTES` (from Debian's fonts-noto-cjk) are used: the PDF names them after the
standard's fonts, and docs/official-documents.md tells a reader which to install.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MM_PER_INCH = 25.4
PAGE = (210, 297)  # A4, mm
MARGINS = {"top": 37, "bottom": 35, "left": 28, "right": 26}  # mm
TEXT_AREA = (PAGE[0] - MARGINS["left"] - MARGINS["right"], PAGE[1] - MARGINS["top"] - MARGINS["bottom"])  # 156 × 225
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_SIZE = 16  # pt: 3号
TITLE_SIZE = 22  # pt: 2号
PAGE_NUMBER_SIZE = 14  # pt: 4号
TABLE_SIZE = 10.5  # pt: 5号, so a table of several columns fits the 156 mm width

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}  # 一、 （一） 1.
PAGE_NUMBER_FONT = "宋体"
DIGITS_FONT = "Times New Roman"  # Latin letters and digits in the body

SUBSTITUTES = {
    TITLE_FONT: "Noto Serif CJK SC",  # in bold
    BODY_FONT: "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
    PAGE_NUMBER_FONT: "Noto Serif CJK SC",
}


def points(mm: float) -> float:
    return mm / MM_PER_INCH * 72


def line_pitch() -> float:
    """The distance between two lines, in points: 22 lines fill the 225 mm text area."""
    return points(TEXT_AREA[1]) / LINES_PER_PAGE


def char_pitch() -> float:
    """The width of one character, in points: 28 fill the 156 mm line."""
    return points(TEXT_AREA[0]) / CHARS_PER_LINE


@dataclass
class Heading:
    """A heading inside the body: level 1 in HeiTi (一、), level 2 in KaiTi (（一）), level 3 in bold FangSong
    (1.). The text carries its own number."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    note: bool = False  # a remark in smaller print in a report (how a figure is counted); as the body otherwise


@dataclass
class Table:
    headers: list[str]
    rows: list[list]
    widths: list[float] = field(default_factory=list)  # relative column widths; equal when empty
    caption: str = ""  # a line above the table (a report's 表1 …)


@dataclass
class Figure:
    """A picture with its caption under it, as wide as the given share of the text: a PNG for Word, and for the
    PDF an SVG when there is one (drawn sharp at any size; a chart of charts.py has both)."""

    png: bytes
    caption: str = ""
    svg: str = ""
    width: float = 1.0  # share of the text's width


@dataclass
class OfficialDocument:
    title: str
    body: list  # Heading, Paragraph, Table and Figure, in order
    number: str = ""  # 发文字号, e.g. 南知强办〔2026〕3号
    addressee: str = ""  # 主送机关, without the closing colon
    attachments: list[str] = field(default_factory=list)  # 附件说明: the attachments' names, in order
    authority: str = ""  # 发文机关署名
    date: datetime.date | None = None  # 成文日期

    @property
    def date_text(self) -> str:
        return written_date(self.date) if self.date else ""

    @property
    def attachment_lines(self) -> list[str]:
        """附件：1．… with the following names aligned under the first; a single attachment has no number."""
        if len(self.attachments) < 2:
            return [_("Attachment: %(name)s") % {"name": name} for name in self.attachments]
        first, *others = self.attachments
        indent = "　" * 3  # as wide as 附件：
        return [_("Attachment: %(name)s") % {"name": f"1．{first}"}] + [
            f"{indent}{number}．{name}" for number, name in enumerate(others, start=2)
        ]

    def signature_indents(self) -> tuple[float, float]:
        """How far from the right, in characters, the signature and the date end: the signature two characters in,
        the date starting two characters right of the signature's start; when the date is the longer, it keeps two
        characters from the right and the signature moves left."""
        signed, dated = text_width(self.authority), text_width(self.date_text)
        if not self.authority:
            return 2, 4
        if signed - dated >= 2:
            return 2, signed - dated
        return 4 + dated - signed, 2


def text_width(text: str) -> float:
    """Width in characters: a Chinese character (or full-width sign) is one, a digit or Latin letter half."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def written_date(day: datetime.date) -> str:
    """The standard writes dates in Arabic numerals without leading zeros: 2026年12月5日."""
    return _("%(year)d-%(month)d-%(day)d") % {"year": day.year, "month": day.month, "day": day.day}


def cell_text(value) -> str:
    """A table cell as text: dates as the standard writes them, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return written_date(value)
    return str(value)


DIGITS = "〇一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十: the numbers of the headings 一、 and （一）; from 100 on, in digits."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    if not tens:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
