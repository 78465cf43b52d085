"""Reported figures check each other (validation rules), save all or nothing, and show with their element's decimals."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from zhichan.core.numbers import format_figure, parse_figure
from zhichan.core.services.datafile import DataFileError
from zhichan.indicators.models import DataElement, DataValue, ValidationRule, ValueState
from zhichan.indicators.periods import parse_period
from zhichan.indicators.services import entry
from zhichan.indicators.services.entry import Entry, EntryRefused
from zhichan.indicators.services.loading import load_indicators

from .conftest import FILE

PERIOD = "2024Q2"


def _el(code):
    return DataElement.objects.get(code=code)


def _amr(users):
    return users["amr-liaison"].unit


# --- the rules as data -------------------------------------------------------------------------------------------


def test_the_data_file_defines_the_part_whole_rule(loaded):
    rule = ValidationRule.objects.get(code="on-time-closures-within-closures")
    assert (rule.left, rule.operator, rule.right) == (
        "enforcement_cases_closed_on_time",
        "<=",
        "enforcement_cases_closed",
    )
    assert rule.message and rule.message_en
    assert rule in loaded["rules"]
    load_indicators(FILE)  # loading again changes nothing
    assert ValidationRule.objects.count() == 1


def test_a_rule_naming_an_unknown_figure_is_refused(loaded, tmp_path):
    text = (
        Path(FILE)
        .read_text(encoding="utf-8")
        .replace("right: enforcement_cases_closed\n", "right: enforcement_cases_opened\n")
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="enforcement_cases_opened"):
        load_indicators(bad)


# --- the service: all or nothing, every error at once ------------------------------------------------------------


def test_one_bad_figure_saves_nothing_and_every_error_is_listed(loaded, users):
    closed, on_time, assisted = (
        _el("enforcement-cases-closed"),
        _el("enforcement-cases-closed-on-time"),
        _el("rights-assistance-cases"),
    )
    with pytest.raises(EntryRefused) as refused:
        entry.save_values(
            _amr(users),
            PERIOD,
            [Entry(closed, "10"), Entry(on_time, "12"), Entry(assisted, "abc")],
            users["amr-liaison"],
            submit=True,
        )
    assert refused.value.fields == {assisted.pk: ["请输入数字。"]}
    (broken,) = refused.value.rules
    assert "其中按期结案数 12件" in broken and "知识产权行政执法案件结案数 10件" in broken
    assert not DataValue.objects.exists()


def test_part_above_whole_is_refused_against_the_stored_whole(loaded, users):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    amr, user = _amr(users), users["amr-liaison"]
    entry.save_values(amr, PERIOD, [Entry(closed, "10")], user)
    with pytest.raises(EntryRefused) as refused:
        entry.save_values(amr, PERIOD, [Entry(on_time, "12")], user)
    assert "其中按期结案数 12件" in refused.value.rules[0] and "结案数 10件" in refused.value.rules[0]
    assert not DataValue.objects.filter(element=on_time).exists()
    # Equal is allowed, and so is lowering the whole to the part.
    entry.save_values(amr, PERIOD, [Entry(on_time, "10")], user)
    entry.save_values(amr, PERIOD, [Entry(closed, "10"), Entry(on_time, "9")], user)
    with pytest.raises(EntryRefused):  # lowering the whole below the stored part is checked too
        entry.save_values(amr, PERIOD, [Entry(closed, "8")], user)
    assert DataValue.objects.get(element=closed).value == 10


def test_a_rule_waits_until_all_its_figures_are_reported(loaded, users):
    on_time = _el("enforcement-cases-closed-on-time")
    (row,) = entry.save_values(_amr(users), PERIOD, [Entry(on_time, "12")], users["amr-liaison"])
    assert row.value == 12


def test_another_units_draft_is_neither_judged_nor_named(loaded, users, regions):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    county = regions["county"]
    period = parse_period(PERIOD)
    DataValue.objects.create(
        element=closed,
        unit=users["court-liaison"].unit,
        region=county,
        period=period.key,
        period_start=period.start,
        period_end=period.end,
        value=10,
        state=ValueState.DRAFT,
    )
    (row,) = entry.save_values(_amr(users), PERIOD, [Entry(on_time, "12")], users["amr-liaison"])
    assert row.value == 12


def test_rules_compare_figures_of_the_same_region_and_period_only(loaded, users):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    amr, user = _amr(users), users["amr-liaison"]
    entry.save_values(amr, "2024Q1", [Entry(closed, "5")], user)
    (row,) = entry.save_values(amr, PERIOD, [Entry(on_time, "12")], user)  # Q1's whole is another period's
    assert row.period == PERIOD


def test_the_office_writing_for_a_township_is_checked_in_that_township(loaded, users, regions):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    amr, office = _amr(users), users["office"]
    town = regions["A"]
    entry.save_values(amr, PERIOD, [Entry(closed, "5")], office, region=town)
    entry.save_values(amr, PERIOD, [Entry(on_time, "12")], office)  # the county: no whole there yet
    with pytest.raises(EntryRefused):
        entry.save_values(amr, PERIOD, [Entry(on_time, "6")], office, region=town)


@pytest.mark.parametrize(
    "left, right, whole, part, good, bad",
    [
        # a rate within 0–100: on time as a percentage of closed
        (
            "enforcement_cases_closed_on_time * 100 / enforcement_cases_closed",
            "100",
            ("enforcement-cases-closed", "10"),
            "enforcement-cases-closed-on-time",
            "10",
            "11",
        ),
        # a ratio of two reported figures within bounds: at most 3 assistance cases per mediated case
        (
            "rights_assistance_cases / mediation_arbitration_cases",
            "3",
            ("mediation-arbitration-cases", "3"),
            "rights-assistance-cases",
            "9",
            "10",
        ),
    ],
)
def test_rates_and_ratios_are_rules_too(loaded, users, left, right, whole, part, good, bad):
    ValidationRule.objects.all().delete()
    ValidationRule.objects.create(code="r", name="r", left=left, operator="<=", right=right, message="超出范围。")
    amr, user = _amr(users), users["amr-liaison"]
    entry.save_values(amr, PERIOD, [Entry(_el(whole[0]), whole[1]), Entry(_el(part), good)], user)
    with pytest.raises(EntryRefused) as refused:
        entry.save_values(amr, PERIOD, [Entry(_el(part), bad)], user)
    assert refused.value.rules[0].startswith("超出范围。")
    assert DataValue.objects.get(element=_el(part)).value == Decimal(good)


def test_a_rule_dividing_by_zero_is_not_checked(loaded, users):
    ValidationRule.objects.create(
        code="rate",
        name="rate",
        left="enforcement_cases_closed_on_time * 100 / enforcement_cases_closed",
        operator="<=",
        right="100",
        message="比率超出范围。",
    )
    amr, user = _amr(users), users["amr-liaison"]
    entry.save_values(amr, PERIOD, [Entry(_el("enforcement-cases-closed"), "0")], user)
    with pytest.raises(EntryRefused) as refused:  # the part/whole rule still holds 1 > 0 back
        entry.save_values(amr, PERIOD, [Entry(_el("enforcement-cases-closed-on-time"), "1")], user)
    assert len(refused.value.rules) == 1 and "比率" not in refused.value.rules[0]


def test_the_rule_message_follows_the_language(loaded, users, settings):
    from django.utils import translation

    rule = ValidationRule.objects.get()
    with translation.override("en"):
        assert rule.text == "Cases closed on time cannot exceed the enforcement cases closed."
    with translation.override("zh-hans"):
        assert rule.text.startswith("其中按期结案数不能大于")


def test_a_rule_with_an_unknown_name_fails_its_clean(loaded):
    rule = ValidationRule(code="x", name="x", left="no_such_figure", operator="<=", right="1", message="x")
    with pytest.raises(ValidationError, match="no_such_figure"):
        rule.full_clean()


def test_single_value_writes_are_checked_by_the_rules(loaded, users):
    amr, user = _amr(users), users["amr-liaison"]
    entry.save_value(_el("enforcement-cases-closed"), amr, PERIOD, Decimal(10), user)
    with pytest.raises(ValidationError) as refused:
        entry.save_value(_el("enforcement-cases-closed-on-time"), amr, PERIOD, Decimal(12), user)
    assert "__all__" in refused.value.message_dict


# --- the page -----------------------------------------------------------------------------------------------------


def test_the_page_saves_nothing_and_keeps_what_was_typed(loaded, client_for):
    closed, on_time, assisted = (
        _el("enforcement-cases-closed"),
        _el("enforcement-cases-closed-on-time"),
        _el("rights-assistance-cases"),
    )
    client = client_for("amr-liaison")
    response = client.post(
        f"/indicators/data/?period={PERIOD}",
        {
            "period": PERIOD,
            f"value-{closed.pk}": "10",
            f"value-{on_time.pk}": "12",
            f"value-{assisted.pk}": "七",
            f"comment-{assisted.pk}": "含展会",
            "submit": "1",
        },
    )
    assert response.status_code == 200
    assert not DataValue.objects.exists()
    html = response.content.decode()
    assert "未保存任何数据" in html
    assert (
        'data-testid="rule-error"' in html
        and "其中按期结案数 12件" in html
        and "知识产权行政执法案件结案数 10件" in html
    )
    lines = {line.element.pk: line for line in response.context["rows"]}
    assert lines[assisted.pk].errors == ["请输入数字。"] and lines[closed.pk].errors == []
    assert (lines[assisted.pk].value, lines[assisted.pk].comment) == ("七", "含展会")
    assert lines[on_time.pk].value == "12" and 'value="12"' in html
    assert 'class="invalid-feedback" id="value-' in html
    assert "data-warn-unsaved data-unsaved-dirty" in html  # leaving the refused figures asks first


def test_the_page_saves_good_figures_together(loaded, client_for):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    client = client_for("amr-liaison")
    response = client.post(
        f"/indicators/data/?period={PERIOD}",
        {"period": PERIOD, f"value-{closed.pk}": "12,000", f"value-{on_time.pk}": "１２", "submit": "1"},
    )
    assert response.status_code == 302
    assert {r.element_id: r.value for r in DataValue.objects.all()} == {closed.pk: 12000, on_time.pk: 12}
    assert set(DataValue.objects.values_list("state", flat=True)) == {ValueState.SUBMITTED}
    assert "已向领导小组办公室提交 2 个数据。" in client.get(response.url).content.decode()


def test_the_page_says_when_nothing_was_typed(loaded, client_for):
    client = client_for("amr-liaison")
    response = client.post(f"/indicators/data/?period={PERIOD}", {"period": PERIOD, "save": "1"}, follow=True)
    assert "未保存：没有填写任何数据。" in response.content.decode()
    assert not DataValue.objects.exists()


def test_the_office_returns_a_figure_with_a_reason_shown_to_the_unit(loaded, client_for, users):
    closed = _el("enforcement-cases-closed")
    (row,) = entry.save_values(_amr(users), PERIOD, [Entry(closed, "10")], users["amr-liaison"], submit=True)
    office = client_for("office")
    review = office.get("/indicators/data/review/").content.decode()
    assert "2024年第2季度" in review and 'name="note" required' in review
    office.post(f"/indicators/data/values/{row.pk}/return/", {"note": "请核对台账。"})
    row.refresh_from_db()
    assert row.state == ValueState.RETURNED and row.return_reason == "请核对台账。" and row.comment == ""
    assert "请核对台账。" in client_for("amr-liaison").get(f"/indicators/data/?period={PERIOD}").content.decode()


def test_the_page_shows_counts_whole_and_amounts_with_their_decimals(loaded, client_for, users):
    amr = _amr(users)
    entry.save_values(
        amr,
        PERIOD,
        [Entry(_el("enforcement-cases-closed"), "10"), Entry(_el("ip-pledge-financing"), "12000.5")],
        users["amr-liaison"],
        submit=True,
    )
    html = client_for("amr-liaison").get(f"/indicators/data/?period={PERIOD}").content.decode()
    assert 'value="10"' in html and 'value="12000.50"' in html
    assert "10.00" not in html and "12000.0000" not in html
    review = client_for("office").get("/indicators/data/review/").content.decode()
    assert "12,000.50 万元" in review and ">10 件<" in review


def test_the_office_and_everyone_see_the_rules(loaded, client_for):
    for username in ("office", "amr-liaison", "leader"):
        html = client_for(username).get("/indicators/data/elements/").content.decode()
        assert "其中按期结案数 ≤ 知识产权行政执法案件结案数" in html
        assert "其中按期结案数不能大于知识产权行政执法案件结案数。" in html


# --- the API ------------------------------------------------------------------------------------------------------


def test_the_api_refuses_a_part_above_its_whole_and_shows_values(loaded, api_for, users):
    api = api_for("amr-liaison")
    unit = users["amr-liaison"].unit_id

    def post(code, value):
        return api.post(
            "/api/v1/data-values/",
            {"element": _el(code).pk, "unit": unit, "period": PERIOD, "value": value},
            format="json",
        )

    created = post("enforcement-cases-closed", "12000")
    assert created.status_code == 201 and created.json()["value_display"] == "12,000"
    refused = post("enforcement-cases-closed-on-time", "12001")
    assert refused.status_code == 400
    (message,) = refused.json()["non_field_errors"]
    assert "其中按期结案数 12,001件" in message and "知识产权行政执法案件结案数 12,000件" in message
    pledge = post("ip-pledge-financing", "1234.5")
    assert pledge.json()["value_display"] == "1,234.50"
    rules = api.get("/api/v1/validation-rules/").json()["results"]
    assert rules[0]["readable"] == "其中按期结案数 ≤ 知识产权行政执法案件结案数"
    elements = {e["code"]: e for e in api.get("/api/v1/data-elements/?page_size=50").json()["results"]}
    assert elements["ip-pledge-financing"]["shown_decimals"] == 2
    assert elements["enforcement-cases-closed"]["shown_decimals"] == 0


# --- one way of showing a figure ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, decimals, shown",
    [(12000, 0, "12,000"), (Decimal("10.0000"), 0, "10"), (Decimal("12000.5"), 2, "12,000.50"), (None, 2, "—")],
)
def test_format_figure(value, decimals, shown):
    assert format_figure(value, decimals) == shown


def test_parse_figure_takes_separators_and_full_width_digits():
    assert parse_figure(" １２,０００ ") == 12000
    for bad in ("", "abc", "NaN", "Infinity"):
        with pytest.raises(ArithmeticError):
            parse_figure(bad)


def test_a_drilldown_shows_reported_counts_whole_and_exports_numbers(reported, client_for):
    from openpyxl import load_workbook

    from zhichan.indicators.models import IndicatorValue
    from zhichan.indicators.services.compute import compute

    compute(codes=["enforcement-on-time-closure-rate"], periods=["2023-06"])
    value = IndicatorValue.objects.get(
        indicator__code="enforcement-on-time-closure-rate", region=reported["county"], period="2023-06"
    )
    client = client_for("office")
    html = client.get(f"/indicators/values/{value.pk}/?input=enforcement_cases_closed").content.decode()
    assert re.search(r'<td class="small" data-label="[^"]+">30</td>', html) and "30.0000" not in html
    formula = html[html.index('data-testid="formula"') :].split("</p>")[0]
    assert "其中按期结案数" in formula and "知识产权行政执法案件结案数" in formula  # named in words, not code
    assert ">enforcement_cases_closed<" not in html
    export = client.get(f"/indicators/values/{value.pk}/export.xlsx?input=enforcement_cases_closed")
    sheet = load_workbook(io.BytesIO(export.content)).active
    numbers = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, int | float)]
    assert sorted(numbers) == [10, 30]


def test_the_office_saving_a_page_keeps_units_and_approvals(loaded, users):
    closed, on_time = _el("enforcement-cases-closed"), _el("enforcement-cases-closed-on-time")
    amr, office = _amr(users), users["office"]
    (row,) = entry.save_values(amr, PERIOD, [Entry(closed, "10")], users["amr-liaison"], submit=True)
    entry.approve(row, office)
    office_unit = office.unit
    entry.save_values(office_unit, PERIOD, [Entry(closed, "10"), Entry(on_time, "4")], office)
    row.refresh_from_db()
    assert (row.state, row.unit) == (ValueState.APPROVED, amr)  # unchanged: left approved
    entry.save_values(office_unit, PERIOD, [Entry(closed, "11")], office)
    row.refresh_from_db()
    assert (row.value, row.unit, row.state) == (11, amr, ValueState.DRAFT)  # corrected on the unit's behalf


def test_the_admin_holds_a_changed_figure_to_the_rules(loaded, users):
    from zhichan.indicators.admin import DataValueForm

    amr = _amr(users)
    entry.save_values(amr, PERIOD, [Entry(_el("enforcement-cases-closed"), "10")], users["amr-liaison"])
    fields = {
        "element": _el("enforcement-cases-closed-on-time").pk,
        "region": amr.region_id,
        "period": PERIOD,
        "period_start": "2024-04-01",
        "period_end": "2024-06-30",
        "unit": amr.pk,
        "state": "draft",
    }
    form = DataValueForm({**fields, "value": "12"})
    assert not form.is_valid()
    assert "其中按期结案数 12件" in str(form.non_field_errors())
    assert DataValueForm({**fields, "value": "10"}).is_valid()


def test_the_review_table_fits_a_phone_and_the_state_heading_one_line(loaded, client_for, users):
    closed = _el("enforcement-cases-closed")
    entry.save_values(_amr(users), PERIOD, [Entry(closed, "10")], users["amr-liaison"], submit=True)
    review = client_for("office").get("/indicators/data/review/").content.decode()
    table = review.split('<div class="table-responsive">', 1)[1].split("</table>", 1)[0]
    assert 'data-testid="review"' in table  # scrolls sideways on a phone
    assert 'class="small review-unit"' in table  # the unit's name keeps a width (indicators.css), not one character
    # The buttons stack inside their cell (approve above return) instead of running off its right edge.
    assert '<td class="review-actions"><div class="d-flex flex-column gap-1" data-testid="review-actions">' in table
    actions = table.split('data-testid="review-actions"', 1)[1].split("</td>", 1)[0]
    assert "审核通过" in actions and "退回" in actions and 'class="d-flex flex-wrap gap-1"' in actions
    css = (Path(entry.__file__).parents[1] / "static/indicators/indicators.css").read_text()
    assert ".review-table .review-unit { min-width" in css and "indicators/indicators.css" in review
    form = client_for("amr-liaison").get(f"/indicators/data/?period={PERIOD}").content.decode()
    assert '<th class="text-nowrap">状态</th>' in form


def test_the_entry_page_opens_on_the_form_of_the_period_its_picker_shows(loaded, client_for):
    response = client_for("amr-liaison").get("/indicators/data/")
    period = response.context["period"]
    assert period is not None and period == response.context["choices"][0]
    page = response.content.decode()
    assert f'<option value="{period.key}" selected>' in page  # the picker and the form agree
    assert 'data-testid="data-entry"' in page and f'name="period" value="{period.key}"' in page
    assert response.context["rows"]


def test_every_step_of_a_figure_records_its_value_as_the_figure_shows(loaded, client_for, users):
    from zhichan.core.models import Event

    closed, pledge = _el("enforcement-cases-closed"), _el("ip-pledge-financing")
    rows = entry.save_values(
        _amr(users), PERIOD, [Entry(closed, "37"), Entry(pledge, "12000.5")], users["amr-liaison"], submit=True
    )
    for row in rows:
        row.refresh_from_db()  # as the office's page reads it: 37.0000 stored
        entry.approve(row, users["office"])
    found = Event.objects.filter(kind__startswith="figure.").values_list("kind", "data")
    assert {(kind, data["value"]) for kind, data in found} == {
        ("figure.submitted", "37"),
        ("figure.submitted", "12,000.50"),
        ("figure.approved", "37"),
        ("figure.approved", "12,000.50"),
    }
    review = client_for("office").get("/indicators/data/review/").content.decode()
    assert "37.0000" not in review and "37 · 2024年第2季度" in review
