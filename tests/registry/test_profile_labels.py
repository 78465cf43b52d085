"""Import profiles are named in the reader's language; the register is called 版权登记 as in the plan."""

from django.utils import translation

from zhichan.core.imports.profiles import all_profiles


def test_every_profile_has_an_english_label():
    with translation.override("en"):
        labels = {profile.name: profile.display_label for profile in all_profiles()}
    assert all(label.isascii() for label in labels.values()), labels


def test_chinese_labels_use_the_plans_word():
    with translation.override("zh-hans"):
        labels = [profile.display_label for profile in all_profiles()]
    assert not [label for label in labels if "著作权登记" in label or "著作权导入" in label]
