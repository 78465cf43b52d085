"""A data element's or a validation rule's code names one definition in every programme: another programme's
indicators file may use it only defined the same, which leaves it as the first file defined it; a different
definition is refused naming both files; the file that defined it may change it."""

import pytest

from zhichan.core.services.datafile import DataFileError
from zhichan.indicators.models import DataElement, ValidationRule
from zhichan.indicators.services.loading import load_indicators

from .conftest import FILE

ELEMENT = """  - code: enforcement-cases-closed
    name: {name}
    description: 本期结案的专利、商标、版权、地理标志行政执法案件（含假冒专利）。
    unit: 件
    value_type: integer
    aggregation: sum
    period_type: quarter
    min: 0
  - code: enforcement-cases-closed-on-time
    name: 其中按期结案数
    description: 上述结案案件中在法定办案期限（含依法延长的期限）内结案的案件数。
    unit: 件
    value_type: integer
    period_type: quarter
    min: 0
"""
RULE = """  - code: on-time-closures-within-closures
    name: 按期结案数不超过结案数
    left: enforcement_cases_closed_on_time
    operator: "{operator}"
    right: enforcement_cases_closed
    message: 其中按期结案数不能大于知识产权行政执法案件结案数。
    message_en: Cases closed on time cannot exceed the enforcement cases closed.
"""
INDICATOR = """  - code: copyright-registrations
    name: 版权登记量
    unit: 件
    numerator: copyright_registrations
    window: cumulative
    since: 2023-01-01
"""


def other_file(tmp_path, name="知识产权行政执法案件结案数", operator="<="):
    file = tmp_path / "other.yaml"
    text = "programme: other\ndata_elements:\n" + ELEMENT.format(name=name)
    text += "validation_rules:\n" + RULE.format(operator=operator) + "indicators:\n" + INDICATOR
    file.write_text(text, encoding="utf-8")
    return file


def rows():
    return {
        "elements": list(DataElement.objects.order_by("code").values()),
        "rules": list(ValidationRule.objects.order_by("code").values()),
    }


def test_the_same_definitions_from_another_file_change_nothing(loaded, tmp_path):
    before = rows()
    load_indicators(other_file(tmp_path))
    assert rows() == before
    assert DataElement.objects.get(code="enforcement-cases-closed").source_file == "nanan-2022.yaml"


def test_another_files_different_data_element_is_refused_naming_both_files(loaded, tmp_path):
    before = rows()
    with pytest.raises(DataFileError) as error:
        load_indicators(other_file(tmp_path, name="执法案件结案数"))
    message = str(error.value)
    assert "other.yaml" in message and "nanan-2022.yaml" in message and "'enforcement-cases-closed'" in message
    assert "data_elements[0].name" in message and "'执法案件结案数'" in message
    assert rows() == before


def test_another_files_different_validation_rule_is_refused_naming_both_files(loaded, tmp_path):
    before = rows()
    with pytest.raises(DataFileError) as error:
        load_indicators(other_file(tmp_path, operator="<"))
    message = str(error.value)
    assert "other.yaml" in message and "nanan-2022.yaml" in message
    assert "validation rule 'on-time-closures-within-closures'" in message and "validation_rules[0].operator" in message
    assert rows() == before


def test_the_file_that_defined_them_changes_them(loaded, tmp_path):
    changed = tmp_path / FILE.name  # the same file, edited
    text = FILE.read_text(encoding="utf-8")
    changed.write_text(text.replace("name: 其中按期结案数", "name: 其中按期结案的案件数"), encoding="utf-8")
    load_indicators(changed)
    assert DataElement.objects.get(code="enforcement-cases-closed-on-time").name == "其中按期结案的案件数"


def test_a_file_loaded_first_defines_them_for_those_after_it(db, tmp_path):
    load_indicators(other_file(tmp_path, name="执法案件结案数"))
    with pytest.raises(DataFileError) as error:
        load_indicators(FILE)
    message = str(error.value)
    assert message.startswith("nanan-2022.yaml") or "/nanan-2022.yaml" in message
    assert "already defined by other.yaml" in message
    assert DataElement.objects.get(code="enforcement-cases-closed").name == "执法案件结案数"
