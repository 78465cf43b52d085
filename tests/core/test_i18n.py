"""The Chinese catalogue is complete: every string in the code and templates has a translation."""

import os
import re
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

SOURCE = settings.BASE_DIR  # src/zhichan
CATALOGUE = SOURCE / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_catalogue_covers_every_string(tmp_path):
    """Extract afresh from a copy of the sources and merge with the catalogue: nothing may be left untranslated."""
    copy = tmp_path / "zhichan"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    cwd = os.getcwd()
    try:
        os.chdir(copy)
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command("makemessages", locale=["zh_Hans"], no_location=True, verbosity=0)
    finally:
        os.chdir(cwd)
    merged = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in merged if not entry.obsolete and (not entry.translated() or entry.fuzzy)]
    assert not missing, f"{len(missing)} strings lack a Chinese translation: {missing[:20]}"


def test_catalogue_placeholders_survive():
    for entry in polib.pofile(str(CATALOGUE)):
        for placeholder in ("%(", "%s", "%d"):
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder) or entry.msgid_plural, entry.msgid


@pytest.mark.django_db
def test_pages_speak_chinese_by_default_and_english_on_request(client_for):
    client = client_for("office")
    chinese = client.get("/").content.decode()
    assert "工作台" in chinese and 'lang="zh-hans"' in chinese
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert "Workbench" in english and 'lang="en"' in english and "工作台" not in english


@pytest.mark.django_db
def test_admin_is_in_chinese(client_for):
    html = client_for("office").get("/admin/").content.decode()
    assert "最近动作" in html  # Django's own admin catalogue


@pytest.mark.django_db
def test_django_messages_its_catalogue_gets_wrong_are_in_chinese(client_for):
    """Django's Chinese leaves the password-length message in English and calls a NUL an empty string."""
    response = client_for("amr-liaison").post(
        "/accounts/password/", {"old_password": "x", "new_password1": "Ab3!x", "new_password2": "Ab3!x"}
    )
    page = response.content.decode()
    assert "密码太短，至少需要 10 个字符。" in page and "This password is too short" not in page
    page = client_for("office").get("/registry/patents/", {"q": "a\x00b"}).content.decode()
    assert "不能含有空字符（NUL）。" in page and "空字符串" not in page


# Chinese text: a CJK character (or 、。《》) with ASCII ; : ( ) right beside it. Placeholders, addresses and times
# are taken out first: %(name)s, {name}, https://…, 12:00, code such as max(…) or 14-02(10).
CJK = "[\u3000-\u303f\u3400-\u9fff]"
ASCII_BESIDE_CJK = re.compile(rf"{CJK}[;:()]|[;:()]{CJK}")
NOT_TEXT = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdfrx]|\{[^{}]*\}|[a-z]+://\S+|\b\d{1,2}:\d{2}\b|[A-Za-z0-9_]+\([^()]*\)"
)


def test_chinese_messages_write_full_width_punctuation():
    catalogue = polib.pofile(str(CATALOGUE))
    found = [
        (entry.msgid, text)
        for entry in catalogue
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if ASCII_BESIDE_CJK.search(NOT_TEXT.sub("", text))
    ]
    assert found == []


def test_the_punctuation_check_finds_what_it_should():
    def flagged(text):
        return bool(ASCII_BESIDE_CJK.search(NOT_TEXT.sub("", text)))

    assert flagged("登记原文: 终止") and flagged("共 3 行(行号)") and flagged("甲;乙")
    assert not flagged("%(reason)s：共 %(count)d 行（行号：%(rows)s）。")
    assert not flagged("于%(time)s开始") and not flagged("每天 8:30 提醒") and not flagged("见 https://a.b/c:d 页")
    assert not flagged("{name}发") and not flagged("多个以“;”分隔。") and not flagged("调用 max(…)。")
