"""The kinds of cases are data: loaded from their file, each naming deadline rules that exist."""

import pytest

from zhichan.core.services.datafile import DataFileError
from zhichan.protection.models import CaseKind
from zhichan.protection.services.kinds import load_case_kinds


def test_the_shipped_kinds_load_with_their_rules(reference):
    kinds = {kind.key: kind for kind in CaseKind.objects.all()}
    assert kinds["patent-dispute"].decision_rule == "patent-dispute-decision"
    assert kinds["copyright-infringement"].filing_rule == "" and kinds["trademark-infringement"].ip_type == "trademark"
    assert load_case_kinds() == len(kinds)  # again: nothing doubles


def test_a_kind_naming_an_unknown_rule_is_refused_with_its_place(reference, tmp_path):
    path = tmp_path / "kinds.yaml"
    path.write_text("kinds:\n  - {key: x, name: 某类, ip_type: other, decision_rule: no-such-rule}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="decision_rule"):
        load_case_kinds(path)
    assert not CaseKind.objects.filter(key="x").exists()
