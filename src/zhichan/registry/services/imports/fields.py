"""The fields of each kind of import: how a cell is read, and what a row must satisfy.

`FIELDS[kind]` maps a field name (as the mapping profiles use it) to a reader `cell -> value` that raises
ValueError with a message in the active language. Kind-specific rules that look at several fields of a row are in
rows.py.
"""

import operator
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy

from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language

from ...identifiers import IdentifierError, parse_patent_application, parse_trademark_registration
from ...models import Copyright, Enterprise, GeographicalIndication, Patent, Trademark
from ...nice import parse_nice_classes
from .values import parse_date, parse_ipc, parse_patent_type, parse_term, parse_yes_no, text

FIELD_LABELS = {
    "application_number": gettext_lazy("application number"),
    "title": gettext_lazy("title"),
    "filing_date": gettext_lazy("filing date"),
    "patent_type": gettext_lazy("patent type"),
    "publication_number": gettext_lazy("publication number"),
    "publication_date": gettext_lazy("publication date"),
    "grant_number": gettext_lazy("grant publication number"),
    "grant_date": gettext_lazy("grant date"),
    "applicants": gettext_lazy("applicants (as written)"),
    "inventors": gettext_lazy("inventors"),
    "address": gettext_lazy("address"),
    "ipc_codes": gettext_lazy("IPC codes"),
    "main_ipc": gettext_lazy("main IPC code"),
    "agency": gettext_lazy("agency"),
    "legal_status": gettext_lazy("legal status"),
    "legal_status_date": gettext_lazy("legal status date"),
    "uscc": gettext_lazy("unified social credit code"),
    "strategic_emerging": gettext_lazy("in a strategic emerging industry"),
    "foreign_family": gettext_lazy("patent family member granted abroad"),
    "high_pledge_financing": gettext_lazy("obtained high pledge financing"),
    "award": gettext_lazy("National Science and Technology Award or China Patent Award"),
    "registration_number": gettext_lazy("registration number"),
    "mark": gettext_lazy("mark"),
    "nice_classes": gettext_lazy("Nice classes"),
    "kind": gettext_lazy("kind"),
    "applicant_name": gettext_lazy("applicant (as written)"),
    "application_date": gettext_lazy("application date"),
    "preliminary_publication_date": gettext_lazy("preliminary publication date"),
    "registration_date": gettext_lazy("registration date"),
    "term": gettext_lazy("term of the exclusive right"),
    "expiry_date": gettext_lazy("end of the exclusive right"),
    "international_registration_date": gettext_lazy("international registration date"),
    "category": gettext_lazy("category of work"),
    "owner_name": gettext_lazy("owner (as written)"),
    "completion_date": gettext_lazy("completion date"),
    "first_publication_date": gettext_lazy("first publication date"),
    "name": gettext_lazy("name"),
    "holder_name": gettext_lazy("holder or applicant (as written)"),
    "approval_date": gettext_lazy("approval date"),
    "announcement_number": gettext_lazy("announcement number"),
    "area": gettext_lazy("protected area"),
    "product_category": gettext_lazy("product category"),
    "region": gettext_lazy("township"),
    "industry_code": gettext_lazy("industry code"),
    "size": gettext_lazy("size"),
}


def limited(model, name):
    """A text reader refusing more characters than the model's column holds."""
    limit = model._meta.get_field(name).max_length

    def read(cell):
        value = text(cell)
        if limit and len(value) > limit:
            raise ValueError(_("At most %(limit)d characters; %(n)d given.") % {"limit": limit, "n": len(value)})
        return value

    return read


def free_text(cell):
    return text(cell)


# --- patent application numbers: the parser of identifiers.py, with a fast path for the normalized form ------

_NORMALIZED = re.compile(r"^(\d{12})\.([0-9X])$")
_WEIGHTS = tuple(2 + index % 8 for index in range(12))
_THIS_YEAR = timezone.localdate().year


def _check_digit(digits: str) -> str:
    remainder = sum(map(operator.mul, map(int, digits), _WEIGHTS)) % 11
    return "X" if remainder == 10 else str(remainder)


def patent_number(cell) -> str:
    """The normalized application number. A number already written as 201710601862.3 whose year, type and
    check digit are right is taken as it is; anything else goes through parse_patent_application."""
    if type(cell) is str:
        match = _NORMALIZED.match(cell)
        if match and 2003 <= int(cell[:4]) <= _THIS_YEAR and cell[4] in "12389" and _check_digit(match[1]) == match[2]:
            return cell
    raw = text(cell)
    if not raw:
        return ""
    try:
        return parse_patent_application(raw).normalized
    except IdentifierError as error:
        raise ValueError(error.reason) from None


def ipc_list(cell) -> str:
    return ";".join(parse_ipc(cell))


def first_ipc(cell) -> str:
    codes = parse_ipc(cell)
    return codes[0] if codes else ""


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


def words(mapping: dict, message):
    """A reader for a closed list: a value is matched by the first keyword of `mapping` it contains."""

    def read(cell):
        raw = text(cell)
        if not raw:
            return ""
        folded = raw.lower()
        for keyword, value in mapping.items():
            if keyword in folded:
                return value
        raise ValueError(message() % {"value": raw})

    return read


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


def _closed(values: str):
    return lambda: _("%(value)s is not one of: %(values)s") % {"values": values}


FIELDS = {
    "patent": {
        "application_number": patent_number,
        "title": limited(Patent, "title"),
        "filing_date": parse_date,
        "patent_type": parse_patent_type,
        "publication_number": limited(Patent, "publication_number"),
        "publication_date": parse_date,
        "grant_number": limited(Patent, "grant_number"),
        "grant_date": parse_date,
        "applicants": free_text,
        "inventors": free_text,
        "address": limited(Patent, "address"),
        "ipc_codes": ipc_list,
        "main_ipc": first_ipc,
        "agency": limited(Patent, "agency"),
        "legal_status": limited(Patent, "title"),
        "legal_status_date": parse_date,
        "uscc": free_text,
        "strategic_emerging": parse_yes_no,
        "foreign_family": parse_yes_no,
        "high_pledge_financing": parse_yes_no,
        "award": limited(Patent, "award"),
    },
    "trademark": {
        "registration_number": trademark_number,
        "mark": limited(Trademark, "mark"),
        "nice_classes": nice_classes,
        "kind": words(TRADEMARK_KINDS, _closed("普通商标, 集体商标, 证明商标")),
        "applicant_name": limited(Trademark, "applicant_name"),
        "address": limited(Trademark, "address"),
        "application_date": parse_date,
        "preliminary_publication_date": parse_date,
        "registration_date": parse_date,
        "term": parse_term,
        "expiry_date": parse_date,
        "agency": limited(Trademark, "agency"),
        "international_registration_date": parse_date,
        "uscc": free_text,
    },
    "copyright": {
        "registration_number": limited(Copyright, "registration_number"),
        "title": limited(Copyright, "title"),
        "kind": words(COPYRIGHT_KINDS, _closed("作品, 软件")),
        "category": words(WORK_CATEGORIES, _closed("文字, 音乐, 美术, 摄影, 视听, 图形, 模型 …")),
        "owner_name": limited(Copyright, "owner_name"),
        "completion_date": parse_date,
        "first_publication_date": parse_date,
        "registration_date": parse_date,
        "address": limited(Patent, "address"),
        "uscc": free_text,
    },
    "gi": {
        "name": limited(GeographicalIndication, "name"),
        "kind": words(GI_KINDS, _closed("地理标志保护产品, 地理标志商标")),
        "holder_name": limited(GeographicalIndication, "holder_name"),
        "uscc": free_text,
        "approval_date": parse_date,
        "announcement_number": limited(GeographicalIndication, "announcement_number"),
        "area": free_text,
        "product_category": limited(GeographicalIndication, "product_category"),
    },
    "enterprise": {
        "name": limited(Enterprise, "name"),
        "uscc": free_text,
        "address": limited(Enterprise, "address"),
        "region": free_text,
        "industry_code": free_text,
        "size": words(SIZES, _closed("大型, 中型, 小型, 微型")),
    },
}

# The field that identifies a record within a file (duplicates are refused).
KEYS = {
    "patent": ("application_number",),
    "trademark": ("registration_number",),
    "copyright": ("registration_number",),
    "gi": ("name", "kind"),
    "enterprise": ("uscc", "name"),
}
