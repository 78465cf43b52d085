"""Figures returned before the returned state: the reason moves out of the comment."""

from importlib import import_module

from django.apps import apps

from zhichan.indicators.models import DataValue

from .conftest import report

split = import_module("zhichan.indicators.migrations.0006_returned_comments_to_reasons").split_returned_comments


def test_old_returned_comments_become_returned_figures_with_their_reason(loaded, regions):
    old = report("enforcement-cases-closed", regions["A"], "2024Q2", 10, state="draft")
    old.comment = "按台账\n退回：请核对结案数。"
    old.save()
    glued = report("enforcement-cases-closed", regions["A"], "2024Q3", 10, state="draft")
    glued.comment = "按台账 退回：数字有误"  # a single-line input lost the line break
    glued.save()
    plain = report("enforcement-cases-closed", regions["A"], "2024Q4", 10, state="draft")
    plain.comment = "按台账"
    plain.save()
    split(apps, None)
    rows = {row.period: row for row in DataValue.objects.all()}
    assert (rows["2024Q2"].state, rows["2024Q2"].comment, rows["2024Q2"].return_reason) == (
        "returned",
        "按台账",
        "请核对结案数。",
    )
    assert (rows["2024Q3"].comment, rows["2024Q3"].return_reason) == ("按台账", "数字有误")
    assert (rows["2024Q4"].state, rows["2024Q4"].comment) == ("draft", "按台账")
