"""The Chinese catalogue is complete: every string in the code and templates has a translation."""

import os
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
