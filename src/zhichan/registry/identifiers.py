"""Chinese IP identifiers: patent application numbers, trademark numbers, unified social credit codes.

Plain parsing functions shared by the importers, the forms and the validation endpoint. Each takes text as
it arrives (prefixes, spaces, full-width characters) and either returns the normalized value or raises
IdentifierError with a message saying what is wrong. Formats and sources: docs/identifiers.md.
"""

import operator
import re
import unicodedata
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy
from stdnum.cn import uscc as stdnum_uscc

from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language


class IdentifierError(ValueError):
    """A number that cannot be accepted; `message` says why, in the active language, and `reason` is the same as
    a Message, for where it is kept for later readers (an import's rejected rows)."""

    def __init__(self, message):
        super().__init__(message)
        self.reason = message
        self.message = str(message)


def _clean(text) -> str:
    """NFKC folds full-width digits, letters and dots; upper case so prefixes may be typed in lower case."""
    if not isinstance(text, str):
        raise IdentifierError(_("No number given."))
    text = unicodedata.normalize("NFKC", text).strip().upper()
    if not text:
        raise IdentifierError(_("No number given."))
    return text


# --- patent application numbers -------------------------------------------------------------------------

PATENT_TYPES = {
    "1": gettext_lazy("invention"),
    "2": gettext_lazy("utility model"),
    "3": gettext_lazy("design"),
    "8": gettext_lazy("PCT invention application entering the Chinese national phase"),
    "9": gettext_lazy("PCT utility model application entering the Chinese national phase"),
}
# Kind letters some sites write after an application number (CN document kind codes); not part of the number.
PATENT_KIND_LETTERS = "ABCUYS"
FIRST_NEW_FORMAT_YEAR = 2003  # 12-digit numbers since 1 October 2003
FIRST_OLD_FORMAT_YEAR = 1985  # the Patent Law came into force on 1 April 1985

_PATENT_PREFIX = re.compile(r"^(CN|ZL)")
_PATENT_BODY = re.compile(r"^(?P<digits>\d+)(?:\.(?P<dotted>[0-9X]))?$")


@dataclass(frozen=True)
class PatentNumber:
    normalized: str  # 201710601862.3, or 97101765.4 for the old format
    digits: str  # the 12 (or old 8) digits before the check digit
    check: str  # 0-9 or X
    year: int
    type_code: str  # 1, 2, 3, 8 or 9
    serial: str  # 7 digits (old format: 5), leading zeros kept
    old_format: bool

    @property
    def type_name(self) -> str:
        return str(PATENT_TYPES[self.type_code])

    @property
    def patent_number(self) -> str:
        """The number of the granted patent (专利号): the application number after ZL."""
        return f"ZL{self.normalized}"

    def details(self) -> dict:
        return {
            "year": self.year,
            "type_code": self.type_code,
            "type": self.type_name,
            "serial": self.serial,
            "check_digit": self.check,
            "old_format": self.old_format,
            "patent_number": self.patent_number,
        }


_CHECK_WEIGHTS = tuple(2 + index % 8 for index in range(12))
_NORMALIZED_PATENT = re.compile(r"^(\d{12})\.([0-9X])$")


def _check_digit(digits: str) -> str:
    remainder = sum(map(operator.mul, map(int, digits), _CHECK_WEIGHTS)) % 11
    return "X" if remainder == 10 else str(remainder)


def patent_check_digit(digits: str) -> str:
    """The check digit of 12 (or old 8) digits: weights 2..9 repeating, sum mod 11, 10 written X."""
    if not (digits.isascii() and digits.isdigit() and len(digits) in (8, 12)):
        raise IdentifierError(_("A patent application number has 12 digits (8 before October 2003)."))
    return _check_digit(digits)


def is_normalized_patent_application(text: str, until_year: int) -> bool:
    """Whether `text` is a right 12-digit application number already written normalized (201710601862.3), filed
    from 2003 to `until_year`, of a known type: the fast path for the form nearly every row of an export has.
    Anything else goes through parse_patent_application, which normalizes it or says what is wrong."""
    match = _NORMALIZED_PATENT.match(text)
    return (
        match is not None
        and FIRST_NEW_FORMAT_YEAR <= int(text[:4]) <= until_year
        and text[4] in PATENT_TYPES
        and _check_digit(match[1]) == match[2]
    )


def parse_patent_application(text) -> PatentNumber:
    """Parse a Chinese patent application (or patent) number in any of the forms exports use."""
    original = text
    text = _clean(text).replace("。", ".")  # an IME full stop typed for the dot
    text = re.sub(r"\s+", "", text)
    text = _PATENT_PREFIX.sub("", text)
    if len(text) > 1 and text[-1] in PATENT_KIND_LETTERS and text[-2] in "0123456789X":
        text = text[:-1]
    match = _PATENT_BODY.match(text)
    if not match and text.endswith("X") and text[:-1].isdigit():
        match = _PATENT_BODY.match(f"{text[:-1]}.X")
    if not match:
        raise IdentifierError(
            _("%(value)s is not a patent application number: expected 12 digits, a dot and a check digit.")
            % {"value": original.strip()}
        )
    digits, check = match["digits"], match["dotted"]
    if check is None and len(digits) in (9, 13):
        digits, check = digits[:-1], digits[-1]
    if len(digits) not in (8, 12):
        raise IdentifierError(
            _("A patent application number has 12 digits before the check digit (8 before October 2003); %(n)d given.")
            % {"n": len(digits)}
        )
    expected = patent_check_digit(digits)
    if check is None:
        raise IdentifierError(
            _("The check digit is missing: %(digits)s should be followed by .%(expected)s")
            % {"digits": digits, "expected": expected}
        )

    old_format = len(digits) == 8
    if old_format:
        short_year, type_code, serial = int(digits[:2]), digits[2], digits[3:]
        year = 1900 + short_year if short_year >= FIRST_OLD_FORMAT_YEAR % 100 else 2000 + short_year
        if year > FIRST_NEW_FORMAT_YEAR:
            raise IdentifierError(
                _("An 8-digit application number must be from 1985 to 2003; %(year)s is read as %(full)d.")
                % {"year": digits[:2], "full": year}
            )
    else:
        year, type_code, serial = int(digits[:4]), digits[4], digits[5:]
        if year < FIRST_NEW_FORMAT_YEAR:
            raise IdentifierError(
                _("The year %(year)d is not possible: 12-digit application numbers start in 2003.") % {"year": year}
            )
        if year > timezone.localdate(timezone=timezone.get_default_timezone()).year:  # (the zone named: quicker)
            raise IdentifierError(_("The year %(year)d is in the future.") % {"year": year})
    if type_code not in PATENT_TYPES:
        raise IdentifierError(
            _("%(code)s is not an application type (1 invention, 2 utility model, 3 design, 8 and 9 PCT).")
            % {"code": type_code}
        )
    if check != expected:
        raise IdentifierError(
            _("Wrong check digit: %(digits)s.%(given)s was given, but the check digit of %(digits)s is %(expected)s.")
            % {"digits": digits, "given": check, "expected": expected}
        )
    return PatentNumber(
        normalized=f"{digits}.{check}",
        digits=digits,
        check=check,
        year=year,
        type_code=type_code,
        serial=serial,
        old_format=old_format,
    )


# --- trademark numbers ----------------------------------------------------------------------------------

TRADEMARK_KINDS = {
    "national": gettext_lazy("national application or registration"),
    "divisional": gettext_lazy("divided application"),
    "international": gettext_lazy("international registration designating China"),
    "subsequent-designation": gettext_lazy("international registration, China designated later"),
}
_TRADEMARK_FORMS = [
    (re.compile(r"^(\d{1,9})$"), "national", "{}"),
    (re.compile(r"^(\d{1,9})A$"), "divisional", "{}A"),
    (re.compile(r"^G(\d{1,7})$"), "international", "G{}"),
    (re.compile(r"^G(\d{1,7})H$"), "subsequent-designation", "G{}H"),
]


def _trademark_form(text: str):
    """(kind, normalized) of a cleaned trademark number, or None."""
    for pattern, kind, template in _TRADEMARK_FORMS:
        match = pattern.match(text)
        if match:
            number = match[1].lstrip("0")
            return (kind, template.format(number)) if number else None
    return None


def parse_trademark_registration(text) -> str:
    """A trademark application/registration number as the CNIPA register writes it (第…号 and spaces dropped)."""
    original = text
    text = re.sub(r"\s+", "", _clean(text))
    text = text.removeprefix("第").removesuffix("号")
    form = _trademark_form(text)
    if form is None:
        raise IdentifierError(
            _(
                "%(value)s is not a trademark number: digits only (at most 9), a divided application adds A, "
                "an international registration is G and its number."
            )
            % {"value": original.strip()}
        )
    return form[1]


def trademark_kind(normalized: str) -> str:
    """national, divisional, international or subsequent-designation, for a parsed trademark number."""
    form = _trademark_form(normalized)
    if form is None:
        raise IdentifierError(_("%(value)s is not a normalized trademark number.") % {"value": normalized})
    return form[0]


# --- unified social credit codes (GB 32100-2015) --------------------------------------------------------

# Character 1: the registration authority; characters 1-2: the kind of entity. GB 32100-2015, annex A.
USCC_AUTHORITIES = {
    "1": gettext_lazy("institutional establishment"),
    "2": gettext_lazy("foreign affairs"),
    "3": gettext_lazy("judicial administration"),
    "4": gettext_lazy("culture"),
    "5": gettext_lazy("civil affairs"),
    "6": gettext_lazy("tourism"),
    "7": gettext_lazy("religious affairs"),
    "8": gettext_lazy("trade unions"),
    "9": gettext_lazy("industry and commerce"),
    "A": gettext_lazy("Central Military Commission reform and establishment office"),
    "N": gettext_lazy("agriculture"),
    "Y": gettext_lazy("other authorities"),
}
_OTHER = gettext_lazy("other")
USCC_ENTITY_KINDS = {
    "11": gettext_lazy("government organ"),
    "12": gettext_lazy("public institution"),
    "13": gettext_lazy("mass organisation staffed through the central establishment office"),
    "19": _OTHER,
    "21": gettext_lazy("resident office of a foreign news organisation"),
    "29": _OTHER,
    "31": gettext_lazy("law firm"),
    "32": gettext_lazy("notary office"),
    "33": gettext_lazy("grassroots legal service office"),
    "34": gettext_lazy("forensic appraisal institution"),
    "35": gettext_lazy("arbitration commission"),
    "39": _OTHER,
    "41": gettext_lazy("foreign cultural centre in China"),
    "49": _OTHER,
    "51": gettext_lazy("social organisation"),
    "52": gettext_lazy("private non-enterprise unit"),
    "53": gettext_lazy("foundation"),
    "59": _OTHER,
    "61": gettext_lazy("resident office of a foreign tourism authority"),
    "62": gettext_lazy("resident office of a Hong Kong, Macao or Taiwan tourism authority"),
    "69": _OTHER,
    "71": gettext_lazy("place of religious activity"),
    "72": gettext_lazy("religious college"),
    "79": _OTHER,
    "81": gettext_lazy("grassroots trade union"),
    "89": _OTHER,
    "91": gettext_lazy("enterprise"),
    "92": gettext_lazy("individual business"),
    "93": gettext_lazy("farmers' specialised co-operative"),
    "A1": gettext_lazy("military public institution"),
    "A9": _OTHER,
    "N1": gettext_lazy("group-level collective economic organisation"),
    "N2": gettext_lazy("village-level collective economic organisation"),
    "N3": gettext_lazy("township-level collective economic organisation"),
    "N9": _OTHER,
    "Y1": _OTHER,
}
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 leaves out I, O, S, V and Z


@dataclass(frozen=True)
class Uscc:
    normalized: str
    authority_code: str  # character 1
    entity_kind_code: str  # characters 1-2
    region_code: str  # characters 3-8, the registering authority's division code
    organisation_code: str  # characters 9-17
    check: str  # character 18

    @property
    def authority_name(self) -> str | None:
        name = USCC_AUTHORITIES.get(self.authority_code)
        return str(name) if name is not None else None

    @property
    def entity_kind_name(self) -> str | None:
        name = USCC_ENTITY_KINDS.get(self.entity_kind_code)
        return str(name) if name is not None else None

    def region(self):
        """The region in the database for the division code: the 6-digit code, else its city, else province."""
        from zhichan.core.models import Region

        for length in (6, 4, 2):
            region = Region.objects.filter(code=self.region_code[:length]).first()
            if region is not None:
                return region
        return None

    def details(self) -> dict:
        region = self.region()
        return {
            "authority_code": self.authority_code,
            "authority": self.authority_name,
            "entity_kind_code": self.entity_kind_code,
            "entity_kind": self.entity_kind_name,
            "region_code": self.region_code,
            "region": region.display_name if region else None,
            "region_matched_code": region.code if region else None,
            "organisation_code": self.organisation_code,
        }


def parse_uscc(text) -> Uscc:
    """Parse a unified social credit code; the check character is stdnum's (GB 32100-2015, ISO 7064)."""
    original = text
    number = stdnum_uscc.compact(re.sub(r"\s+", "", _clean(text)))
    if len(number) != 18:
        raise IdentifierError(_("A unified social credit code has 18 characters; %(n)d given.") % {"n": len(number)})
    wrong = sorted({char for char in number if char not in _USCC_ALPHABET})
    if wrong:
        raise IdentifierError(
            _("%(value)s contains characters a unified social credit code never uses: %(chars)s")
            % {"value": original.strip(), "chars": " ".join(wrong)}
        )
    if not number[2:8].isdigit():
        raise IdentifierError(
            _("Characters 3 to 8 of a unified social credit code are a division code (digits); %(part)s given.")
            % {"part": number[2:8]}
        )
    # stdnum's validate() wants digits in places 1-2 too, which would refuse the A, N and Y authorities of
    # the standard; its check-character calculation covers every code.
    expected = stdnum_uscc.calc_check_digit(number[:17])
    if number[17] != expected:
        raise IdentifierError(
            _("Wrong check character: %(given)s was given, but the code %(body)s… ends in %(expected)s.")
            % {"given": number[17], "body": number[:17], "expected": expected}
        )
    return Uscc(
        normalized=number,
        authority_code=number[0],
        entity_kind_code=number[:2],
        region_code=number[2:8],
        organisation_code=number[8:17],
        check=number[17],
    )
