"""A report (报告): the plain layout of a study, such as a patent navigation report, before it is written as Word
(docx.py) or PDF (pdf.py). Not the official layout of official.py (no document number, red rule or signature):
a title, a line under it and the date, then the body of official.py's blocks — headings, paragraphs, tables and
figures (a chart and its caption).

The page: A4 with 25 mm margins, so the text is 160 mm wide; the body in 12 pt (小四) SongTi at 1.5 lines, headings
in HeiTi, tables in 9 pt, captions in 10.5 pt HeiTi, the page number centred at the foot. The fonts are named as on
Chinese computers, with the free substitutes of official.py where a machine lacks them.
"""

import datetime
from dataclasses import dataclass

from . import official

PAGE = official.PAGE  # A4, mm
MARGINS = {"top": 25, "bottom": 25, "left": 25, "right": 25}  # mm
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]  # 160 mm

BODY_SIZE = 12  # pt: 小四
LINE_SPACING = 1.5
TITLE_SIZE = 22  # pt: 二号
SUBTITLE_SIZE = 14  # pt: 四号
HEADING_SIZES = {1: 16, 2: 14, 3: 12}  # pt: 三号, 四号, 小四
TABLE_SIZE = 9  # pt: 小五
CAPTION_SIZE = 10.5  # pt: 五号
NOTE_SIZE = 10.5

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"


@dataclass
class Report:
    title: str
    body: list  # official.py's Heading, Paragraph, Table and Figure, in order
    subtitle: str = ""  # a line under the title: what the report is on, who made it
    date: datetime.date | None = None

    @property
    def date_text(self) -> str:
        return official.written_date(self.date) if self.date else ""


def substitute(font: str) -> str:
    """The free font drawn where a machine lacks `font`."""
    return official.SUBSTITUTES.get(font, official.SUBSTITUTES[official.BODY_FONT])
