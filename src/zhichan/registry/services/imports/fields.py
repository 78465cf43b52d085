"""The fields of the registry's import kinds: how a cell of each is read.

Each maps a field name (as the mapping profiles use it) to a reader `cell -> value` that raises ValueError with a
reason; the rules that look at several fields of a row are in rows.py, the kinds themselves in registry/imports.py.
"""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.imports.values import closed, dated, free_text, limited, parse_yes_no, text, words

from ...identifiers import (
    IdentifierError,
    is_normalized_patent_application,
    parse_patent_application,
    parse_trademark_registration,
)
from ...models import Copyright, Enterprise, GeographicalIndication, Patent, PatentEvent, Trademark
from ...models.patents import PCT_NUMBER
from ...nice import parse_nice_classes
from .values import parse_classes, parse_locarno, parse_patent_type, parse_term

# --- patent application numbers: the parser of identifiers.py, with its fast path for the normalized form -----

_THIS_YEAR = timezone.localdate().year


def patent_number(cell) -> str:
    """The normalized application number. A number already written as 201710601862.3 whose year, type and
    check digit are right is taken as it is; anything else goes through parse_patent_application."""
    if type(cell) is str and is_normalized_patent_application(cell, _THIS_YEAR):
        return cell
    raw = text(cell)
    if not raw:
        return ""
    try:
        return parse_patent_application(raw).normalized
    except IdentifierError as error:
        raise ValueError(error.reason) from None


def classes(cell) -> tuple[str, str]:
    """(IPC codes, Locarno classes) of a classification cell: a CNIPA 分类号 column holds IPC codes for inventions
    and utility models and Locarno classes for designs; the row rules (rows.py) put each in its own field."""
    return parse_classes(cell)


def pct_number(cell) -> str:
    """PCT/CN2023/123456, also written in lower case or with spaces; "" for an empty cell."""
    raw = "".join(text(cell).split()).upper()
    if raw and not re.fullmatch(PCT_NUMBER, raw):
        raise ValueError(_("%(value)s is not a PCT application number like PCT/CN2023/123456.") % {"value": raw})
    return raw


def first_classes(cell) -> tuple[str, str]:
    """The main code (主分类号): the first IPC code, or the first Locarno class of a design."""
    ipc, locarno = parse_classes(cell)
    return ipc.split(";", 1)[0], locarno.split(";", 1)[0]


def trademark_number(cell) -> str:
    raw = text(cell)
    if not raw:
        return ""
    try:
        return parse_trademark_registration(raw)
    except IdentifierError as error:
        raise ValueError(error.reason) from None


def nice_classes(cell) -> str:
    try:
        return ";".join(str(number) for number in parse_nice_classes(text(cell)))
    except IdentifierError as error:
        raise ValueError(error.reason) from None


TRADEMARK_KINDS = {
    "集体": "collective",
    "证明": "certification",
    "普通": "ordinary",
    "collective": "collective",
    "certification": "certification",
    "ordinary": "ordinary",
}
COPYRIGHT_KINDS = {"软件": "software", "software": "software", "作品": "work", "work": "work"}
WORK_CATEGORIES = {
    "文字": "written",
    "口述": "oral",
    "音乐": "music",
    "戏剧": "drama",
    "曲艺": "quyi",
    "舞蹈": "choreography",
    "杂技": "acrobatics",
    "美术": "fine_art",
    "建筑": "architecture",
    "摄影": "photography",
    "视听": "audiovisual",
    "电影": "audiovisual",
    "图形": "graphic",
    "模型": "model",
    "其他": "other",
    "其它": "other",
}
GI_KINDS = {"商标": "gi_mark", "gi_mark": "gi_mark", "产品": "gi_product", "gi_product": "gi_product"}
SIZES = {
    "大": "large",
    "中": "medium",
    "小": "small",
    "微": "micro",
    "large": "large",
    "medium": "medium",
    "small": "small",
    "micro": "micro",
}


PATENT = {
    "application_number": patent_number,
    "title": limited(Patent, "title"),
    "filing_date": dated(Patent, "filing_date"),
    "patent_type": parse_patent_type,
    "publication_number": limited(Patent, "publication_number"),
    "publication_date": dated(Patent, "publication_date"),
    "grant_number": limited(Patent, "grant_number"),
    "grant_date": dated(Patent, "grant_date"),
    "applicants": limited(Patent, "applicants"),
    "inventors": limited(Patent, "inventors"),
    "address": limited(Patent, "address"),
    "ipc_codes": classes,
    "main_ipc": first_classes,
    "locarno_classes": parse_locarno,
    "agency": limited(Patent, "agency"),
    "legal_status": limited(Patent, "legal_status"),
    "legal_status_date": dated(PatentEvent, "date"),
    "uscc": free_text,
    "strategic_emerging": parse_yes_no,
    "foreign_family": parse_yes_no,
    "high_pledge_financing": parse_yes_no,
    "award": limited(Patent, "award"),
    "pct_number": pct_number,
    "pct_filing_date": dated(Patent, "pct_filing_date"),
}

TRADEMARK = {
    "registration_number": trademark_number,
    "mark": limited(Trademark, "mark"),
    "nice_classes": nice_classes,
    "kind": words(TRADEMARK_KINDS, closed("普通商标, 集体商标, 证明商标")),
    "applicant_name": limited(Trademark, "applicant_name"),
    "address": limited(Trademark, "address"),
    "application_date": dated(Trademark, "application_date"),
    "preliminary_publication_date": dated(Trademark, "preliminary_publication_date"),
    "registration_date": dated(Trademark, "registration_date"),
    "term": parse_term,
    "expiry_date": dated(Trademark, "expiry_date"),
    "agency": limited(Trademark, "agency"),
    "international_registration_date": dated(Trademark, "international_registration_date"),
    "uscc": free_text,
}

COPYRIGHT = {
    "registration_number": limited(Copyright, "registration_number"),
    "title": limited(Copyright, "title"),
    "kind": words(COPYRIGHT_KINDS, closed("作品, 软件")),
    "category": words(WORK_CATEGORIES, closed("文字, 音乐, 美术, 摄影, 视听, 图形, 模型 …")),
    "owner_name": limited(Copyright, "owner_name"),
    "completion_date": dated(Copyright, "completion_date"),
    "first_publication_date": dated(Copyright, "first_publication_date"),
    "registration_date": dated(Copyright, "registration_date"),
    "address": limited(Patent, "address"),
    "uscc": free_text,
}

GEOGRAPHICAL_INDICATION = {
    "name": limited(GeographicalIndication, "name"),
    "kind": words(GI_KINDS, closed("地理标志保护产品, 地理标志商标")),
    "holder_name": limited(GeographicalIndication, "holder_name"),
    "uscc": free_text,
    "approval_date": dated(GeographicalIndication, "approval_date"),
    "announcement_number": limited(GeographicalIndication, "announcement_number"),
    "area": limited(GeographicalIndication, "area"),
    "product_category": limited(GeographicalIndication, "product_category"),
}

ENTERPRISE = {
    "name": limited(Enterprise, "name"),
    "uscc": free_text,
    "address": limited(Enterprise, "address"),
    "region": free_text,
    "industry_code": free_text,
    "size": words(SIZES, closed("大型, 中型, 小型, 微型")),
}
