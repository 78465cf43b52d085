"""The Chinese catalogue keeps to docs/glossary.md: no forbidden synonyms, full-width punctuation, no stray spaces."""

import re

import polib
from django.conf import settings

CATALOGUE = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
GLOSSARY = settings.BASE_DIR.parent.parent / "docs" / "glossary.md"

CJK = r"\u3400-\u9fff"
PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0-9.]*[sdf]|%[sd]")
# Placeholders that stand for Chinese text; numbers and dates may keep a space beside them.
TEXT_PLACEHOLDERS = (
    "names|name_zh|unit|task|title|person|post|region|county|mark|indicator|state|type|period|programme|note|holder"
)
SPACED_TEXT = re.compile(rf"[{CJK}] +%\((?:{TEXT_PLACEHOLDERS})\)s|%\((?:{TEXT_PLACEHOLDERS})\)s +[{CJK}]")
HALF_WIDTH = re.compile(rf"[{CJK}][():]|[():][{CJK}]|: [{CJK}]")


def forbidden_forms():
    block = GLOSSARY.read_text(encoding="utf-8").split("```forbidden", 1)[1].split("```", 1)[0]
    forms = []
    for line in block.strip().splitlines():
        parts = [part.strip() for part in line.split("|")]
        wrong, right = parts[0], parts[1]
        allowed = [right]
        if len(parts) > 2 and parts[2].startswith("allow:"):
            allowed += [word.strip() for word in parts[2][len("allow:") :].split(",")]
        forms.append((wrong, right, sorted(allowed, key=len, reverse=True)))
    return forms


def chinese_strings():
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def test_glossary_lists_forbidden_forms():
    forms = forbidden_forms()
    assert ("著作权登记", "版权登记") in [(wrong, right) for wrong, right, _allowed in forms]


def test_no_forbidden_synonym_in_the_chinese_catalogue():
    found = []
    for msgid, text in chinese_strings():
        for wrong, right, allowed in forbidden_forms():
            rest = text
            for word in allowed:
                rest = rest.replace(word, "")
            if wrong in rest:
                found.append(f"{msgid!r}: {text!r} uses {wrong}, write {right}")
    assert not found, "\n".join(found)


def test_chinese_strings_use_full_width_brackets_and_colons():
    found = []
    for msgid, text in chinese_strings():
        if HALF_WIDTH.search(PLACEHOLDER.sub("X", text)):
            found.append(f"{msgid!r}: {text!r}")
    assert not found, "\n".join(found)


def test_no_spaces_around_text_placeholders_between_chinese():
    found = [f"{msgid!r}: {text!r}" for msgid, text in chinese_strings() if SPACED_TEXT.search(text)]
    assert not found, "\n".join(found)


def test_the_checks_catch_what_they_are_for():
    assert HALF_WIDTH.search("知识产权管理(四)") and HALF_WIDTH.search("名称: 数值")
    assert not HALF_WIDTH.search(PLACEHOLDER.sub("X", "公式中只能调用 min(…)，%(name)s 不对"))
    assert SPACED_TEXT.search("缺少 %(names)s 的数据") and not SPACED_TEXT.search("缺少%(names)s数据")
    assert not SPACED_TEXT.search("已计算 %(count)d 个")
