"""Identifiers: real patent numbers and their export forms, the check digit as an algorithm, trademarks, USCCs."""

from datetime import date
from itertools import pairwise

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from zhichan.core.models import Region
from zhichan.registry.identifiers import (
    PATENT_TYPES,
    IdentifierError,
    parse_patent_application,
    parse_trademark_registration,
    parse_uscc,
    patent_check_digit,
    trademark_kind,
)

WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused(text, parse=parse_patent_application) -> str:
    with pytest.raises(IdentifierError) as caught:
        parse(text)
    return caught.value.message


# --- patent application numbers: real numbers ---------------------------------------------------------

# Numbers as they appear in exports (ip-exports.md) and in the public description of the old format.
REAL = {
    "201710601862.3": (2017, "1", "0601862", False),
    "201710106452.1": (2017, "1", "0106452", False),
    "201620363475.1": (2016, "2", "0363475", False),
    "97101765.4": (1997, "1", "01765", True),
    "90101673.X": (1990, "1", "01673", True),
}


@pytest.mark.parametrize("normalized", sorted(REAL))
def test_real_numbers_parse_with_their_parts(normalized):
    number = parse_patent_application(normalized)
    year, type_code, serial, old_format = REAL[normalized]
    assert number.normalized == normalized
    assert (number.year, number.type_code, number.serial, number.old_format) == (year, type_code, serial, old_format)
    assert number.digits + "." + number.check == normalized
    assert number.patent_number == "ZL" + normalized


def test_worked_example_of_the_docs():
    digits = "201710601862"
    products = [int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)]
    assert products == [4, 0, 4, 35, 6, 0, 48, 0, 2, 24, 24, 10]
    assert sum(products) == 157 and 157 % 11 == 3
    assert patent_check_digit(digits) == "3"
    old = [int(d) * w for d, w in zip("97101765", WEIGHTS[:8], strict=True)]
    assert sum(old) == 191 and 191 % 11 == 4
    assert patent_check_digit("97101765") == "4"
    assert patent_check_digit("90101673") == "X"  # remainder 10


@pytest.mark.parametrize(
    "text",
    [
        "201710601862.3",
        "CN201710601862.3",
        "CN 201710601862.3",
        "cn201710601862.3",
        "ZL201710601862.3",
        "ZL 2017 1 0601862.3",
        "zl 2017 1 0601862.3",
        "2017106018623",
        "  201710601862.3  ",
        "２０１７１０６０１８６２．３",
        "ＣＮ２０１７１０６０１８６２．３",
        "201710601862。3",
        "CN201710601862.3A",
        "201710601862.3 B",
    ],
)
def test_every_accepted_form_normalizes_to_the_same_value(text):
    assert parse_patent_application(text).normalized == "201710601862.3"


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("ZL 2016 2 0363475.1", "201620363475.1"),
        ("ZL201620363475.1", "201620363475.1"),
        ("CN201710106452.1", "201710106452.1"),
        ("971017654", "97101765.4"),
        ("ZL97101765.4", "97101765.4"),
        ("90101673X", "90101673.X"),
        ("90101673.x", "90101673.X"),
    ],
)
def test_export_forms(text, normalized):
    assert parse_patent_application(text).normalized == normalized


def test_types_are_named():
    assert parse_patent_application("201710601862.3").type_name == "invention"
    assert parse_patent_application("ZL 2016 2 0363475.1").type_name == "utility model"
    with translation.override("zh-hans"):
        assert parse_patent_application("201710601862.3").type_name == "发明"
        assert parse_patent_application("ZL 2016 2 0363475.1").type_name == "实用新型"


@pytest.mark.parametrize(
    ("text", "expected"), [("201710601862.4", "3"), ("CN201710106452.7", "1"), ("97101765.X", "4"), ("90101673.0", "X")]
)
def test_a_wrong_check_digit_is_refused_with_the_expected_one(text, expected):
    message = refused(text)
    assert "check digit" in message and message.endswith(f" is {expected}.")


def test_a_missing_check_digit_is_named_with_its_value():
    assert refused("201710601862") == "The check digit is missing: 201710601862 should be followed by .3"
    assert refused("97101765").endswith(".4")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "No number"),
        ("   ", "No number"),
        ("abc", "not a patent application number"),
        ("2017-10601862.3", "not a patent application number"),
        ("20171060186.3", "12 digits"),
        ("2017106018621.3", "12 digits"),
        ("CN201710601862.3Q", "not a patent application number"),
        ("200210601862.9", "start in 2003"),
        (f"{date.today().year + 1}10601862.0", "future"),
        ("04101765.1", "1985 to 2003"),
        ("201740601862.0", "not an application type"),
    ],
)
def test_malformed_numbers_say_what_is_wrong(text, words):
    assert words in refused(text)


def test_non_text_is_refused():
    assert "No number" in refused(None)


# --- the check digit as an algorithm ------------------------------------------------------------------

TYPE = st.sampled_from(sorted(PATENT_TYPES))


@st.composite
def application_digits(draw):
    year = draw(st.integers(2003, date.today().year))
    serial = draw(st.integers(0, 9_999_999))
    return f"{year}{draw(TYPE)}{serial:07d}"


@given(application_digits())
def test_the_computed_check_digit_validates(digits):
    check = patent_check_digit(digits)
    number = parse_patent_application(f"{digits}.{check}")
    assert number.normalized == f"{digits}.{check}" and not number.old_format
    assert parse_patent_application(f"CN{digits}{check}").normalized == number.normalized


@given(application_digits(), st.integers(0, 11), st.integers(1, 9))
def test_changing_one_digit_is_always_detected(digits, position, change):
    check = patent_check_digit(digits)
    changed = digits[:position] + str((int(digits[position]) + change) % 10) + digits[position + 1 :]
    assert patent_check_digit(changed) != check
    with pytest.raises(IdentifierError):  # refused, by the check digit or by the year or type it broke
        parse_patent_application(f"{changed}.{check}")


@given(application_digits(), st.sampled_from("0123456789X"))
def test_any_other_check_digit_is_refused(digits, other):
    if other != patent_check_digit(digits):
        with pytest.raises(IdentifierError):
            parse_patent_application(f"{digits}.{other}")


@given(application_digits(), st.integers(0, 10))
def test_swapping_two_neighbouring_digits_is_detected(digits, position):
    swapped = digits[:position] + digits[position + 1] + digits[position] + digits[position + 2 :]
    if swapped != digits:
        assert patent_check_digit(swapped) != patent_check_digit(digits)


def test_single_digit_errors_cannot_collide():
    """A change by d at weight w moves the sum by w·d; 11 is prime and divides neither w (2..9) nor d (1..9)."""
    assert all((w * d) % 11 for w in range(2, 10) for d in range(1, 10))
    # Neighbouring weights differ by 1 or by 7 (9 then 2), so a swap of different digits is never a multiple of 11.
    assert {abs(b - a) for a, b in pairwise(WEIGHTS)} == {1, 7}


@given(st.integers(85, 103), TYPE, st.integers(0, 99_999))
def test_old_format_numbers(year, type_code, serial):
    digits = f"{year % 100:02d}{type_code}{serial:05d}"
    number = parse_patent_application(f"{digits}.{patent_check_digit(digits)}")
    assert number.old_format and number.year == 1900 + year and number.serial == f"{serial:05d}"


# --- trademark numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized", "kind"),
    [
        ("12345678", "12345678", "national"),
        ("第12345678号", "12345678", "national"),
        ("第 1234567 号", "1234567", "national"),
        (" ４５６７８９ ", "456789", "national"),
        ("0012345", "12345", "national"),
        ("12345678A", "12345678A", "divisional"),
        ("12345678a", "12345678A", "divisional"),
        ("G1234567", "G1234567", "international"),
        ("g 1234567", "G1234567", "international"),
        ("G1234567H", "G1234567H", "subsequent-designation"),
    ],
)
def test_trademark_numbers(text, normalized, kind):
    assert parse_trademark_registration(text) == normalized
    assert trademark_kind(normalized) == kind


@pytest.mark.parametrize("text", ["", "0", "12A34", "1234567890", "TM123", "G12345678", "G", "123-456", "12345678B"])
def test_malformed_trademark_numbers(text):
    refused(text, parse_trademark_registration)


# --- unified social credit codes ---------------------------------------------------------------------


def valid_uscc(body: str) -> str:
    return body + stdnum_uscc.calc_check_digit(body)


def test_uscc_parts():
    code = parse_uscc(valid_uscc("91350583MA0DEMX01"))
    assert code.normalized == "91350583MA0DEMX01X"
    assert (code.authority_code, code.entity_kind_code, code.region_code, code.organisation_code, code.check) == (
        "9",
        "91",
        "350583",
        "MA0DEMX01",
        "X",
    )
    assert code.authority_name == "industry and commerce" and code.entity_kind_name == "enterprise"
    with translation.override("zh-hans"):
        assert code.authority_name == "工商" and code.entity_kind_name == "企业"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("92350583MA0DEMX01", "individual business"),
        ("93350583MA0DEMX01", "farmers' specialised co-operative"),
        ("11350583MA0DEMX01", "government organ"),
        ("12350583MA0DEMX01", "public institution"),
        ("51350583MA0DEMX01", "social organisation"),
        ("52350583MA0DEMX01", "private non-enterprise unit"),
        ("53350583MA0DEMX01", "foundation"),
        ("N2350583MA0DEMX01", "village-level collective economic organisation"),
        ("94350583MA0DEMX01", None),  # not in the standard's table
        ("F1350583MA0DEMX01", None),
    ],
)
def test_uscc_entity_kinds(body, kind):
    assert parse_uscc(valid_uscc(body)).entity_kind_name == kind


def test_uscc_published_example_and_forms():
    assert parse_uscc("91110000600037341L").region_code == "110000"
    assert parse_uscc(" 9111 0000-6000 3734 1l ").normalized == "91110000600037341L"
    assert parse_uscc("９１１１００００６０００３７３４１Ｌ").normalized == "91110000600037341L"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("91110000600037341K", "ends in L"),
        ("9111000060003734", "18 characters"),
        ("91110000600037341I", "never uses: I"),
        ("911100O0600037341L", "never uses: O"),
        ("91A10000600037341L", "division code"),
        ("", "No number"),
    ],
)
def test_uscc_refusals(text, words):
    assert words in refused(text, parse_uscc)


@pytest.mark.django_db
def test_uscc_region_from_the_database():
    nanan = parse_uscc(valid_uscc("91350583MA0DEMX01")).details()
    assert nanan["region"] == Region.objects.get(code="350583").display_name
    assert nanan["region_matched_code"] == "350583"
    # A city-level authority (350500) falls back to the city (3505), a province-level one to the province.
    assert parse_uscc(valid_uscc("91350500MA0DEMX01")).details()["region_matched_code"] == "3505"
    assert parse_uscc(valid_uscc("91350000MA0DEMX01")).details()["region_matched_code"] == "35"
    beijing = parse_uscc("91110000600037341L").details()
    assert beijing["region"] is None and beijing["region_code"] == "110000"
    assert beijing["entity_kind_code"] == "91" and beijing["organisation_code"] == "600037341"


def test_the_enterprise_model_uses_the_same_uscc_rule():
    import pytest as _pytest
    from django.core.exceptions import ValidationError

    from zhichan.registry.models import validate_uscc

    validate_uscc("91350583MA0DEMX01X")
    with _pytest.raises(ValidationError):
        validate_uscc("91350583MA0DEMX01Y")
