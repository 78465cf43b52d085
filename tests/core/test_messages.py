"""Texts kept as catalogue keys (core/messages.py): what notifications and rejected import rows store."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from zhichan.core.messages import Message, gettext_key, joined, key_of, keyed, render_key


def test_numbers_stay_numbers_and_format_as_numbers():
    message = gettext_key("The same record as row %(row)d; only the first is imported.") % {"row": 7}
    assert message.params == {"row": 7}
    with translation.override("en"):
        assert str(message) == "The same record as row 7; only the first is imported."
    with translation.override("zh-hans"):
        assert str(message) == "与第 7 行是同一条记录，只导入第一次出现的行。"


def test_a_lazy_label_is_kept_as_its_own_key_but_a_pgettext_one_as_text():
    assert keyed(gettext_lazy("design")) == Message("design")
    with translation.override("en"):
        assert keyed(pgettext_lazy("rows", "created")) == "created"
    assert key_of("plain text") == {}


def test_joined_parts_each_follow_the_reader():
    both = joined([gettext_lazy("design"), Message(gettext_noop("This column must not be empty."))])
    with translation.override("zh-hans"):
        assert str(both) == "外观设计 此列不能为空。"
    with translation.override("en"):
        assert str(both) == "design This column must not be empty."


def test_a_key_that_no_longer_fits_renders_empty_so_the_stored_text_shows():
    assert render_key({"msgid": "%(row)d rows", "params": {"other": 1}}) == ""
    assert render_key(None) == "" and render_key({}) == ""
    with pytest.raises(KeyError):
        str(Message("%(row)d rows", {"other": 1}))


def test_keys_stored_before_numbers_were_kept_still_render():
    with translation.override("en"):
        assert render_key({"msgid": "Deadline on %(date)s: %(task)s", "params": {"date": "2024-01-01", "task": "x"}})


def test_lists_and_brackets_follow_the_readers_punctuation():
    from zhichan.core.messages import SEPARATED, bracketed, listed

    message = Message(
        "%(reason)s: %(count)d rows (row numbers: %(rows)s).",
        {"reason": "x", "count": 2, "rows": listed([bracketed("3", "甲"), bracketed("4", "")])},
    )
    columns = listed([bracketed("申请号", "申请号 / 专利号"), "名称"], SEPARATED)
    stored = {"msgid": message.msgid, "params": message.params}
    with translation.override("zh-hans"):
        assert render_key(stored) == "x：共 2 行（行号：3（甲）、4）。"
        assert str(columns) == "申请号（申请号 / 专利号）；名称"
    with translation.override("en"):
        assert render_key(stored) == "x: 2 rows (row numbers: 3 (甲), 4)."
        assert str(columns) == "申请号 (申请号 / 专利号); 名称"
