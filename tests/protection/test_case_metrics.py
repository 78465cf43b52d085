"""T8 and the other figures of the enforcement cases against values counted by hand, and the records behind them;
T7 and T8 as Nan'an's indicator file reads them (from the records, the reported figures as the second source)."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils.translation import override

from zhichan.core.metrics import problems
from zhichan.core.models import Region, Unit
from zhichan.core.monthly import month_number
from zhichan.protection.case_metrics import CasesFiled, CasesFiledOfType, Fines, PunitiveDamages, PunitiveDamagesCases
from zhichan.protection.metrics import METRICS, ClosedCases, ClosedOnTime, OnTimeRate
from zhichan.protection.models import Case, IPType
from zhichan.protection.services import assistance, cases, mediation

D = datetime.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))
LATE = {"open_overdue": "late"}
MARCH_1 = D(2024, 3, 1)


@pytest.fixture
def closings(new_case, users, shuitou, other_township):
    """Trademark cases of the market supervision bureau filed on 2024-03-01 (90 days: due Thursday 30 May) unless
    said, and a copyright case of the culture bureau:

    a  decided on its last day                                        shuitou   on time
    b  extended by 30 days (due Saturday 29 June → Monday 1 July), decided 3 July    shuitou   late
    c  periods not counted 1–10 April and 5–20 April: 20 days once overlapped (due 19 June), decided 21 June
                                                                       other     late (26 days counted twice: on time)
    d  extended by 30 days, decided 28 June                             other     on time
    e  filed 2 September (due Sunday 1 December → Monday 2 December), still open      shuitou   open, overdue
    f  decided in December, closed in January 2025                     shuitou   not in 2024
    g  transferred to the police                                        shuitou   not closed
    h  copyright (culture), filed 6 May (due Sunday 4 August → 5 August), decided 1 August, no township
                                                                       county    on time
    """
    user = users["amr-liaison"]

    def filed(township=shuitou, on=MARCH_1):
        case = new_case(lead_on=on - datetime.timedelta(days=3), township=township)
        cases.file_case(case, user, on)
        return case

    def done(case, decided, closed, acting=user, amounts=None):
        cases.decide(case, acting, decided, "罚号", amounts)
        cases.close_case(case, acting, closed)
        return case

    made = {}
    made["a"] = done(filed(), D(2024, 5, 30), D(2024, 6, 6), amounts={"fine": 5000})
    made["b"] = filed()
    cases.extend(made["b"], user, 30, "局长", D(2024, 5, 20), "案情复杂")
    done(made["b"], D(2024, 7, 3), D(2024, 7, 10), amounts={"fine": "1200.50", "punitive_damages": 20000})
    made["c"] = filed(other_township)
    cases.suspend(made["c"], user, "appraisal", D(2024, 4, 1), end=D(2024, 4, 10))
    cases.suspend(made["c"], user, "hearing", D(2024, 4, 5), end=D(2024, 4, 20))
    done(made["c"], D(2024, 6, 21), D(2024, 6, 28))
    made["d"] = filed(other_township)
    cases.extend(made["d"], user, 30, "局长", D(2024, 5, 20), "案情复杂")
    done(made["d"], D(2024, 6, 28), D(2024, 7, 5), amounts={"punitive_damages": 8000})
    made["e"] = filed(on=D(2024, 9, 2))
    made["f"] = done(filed(on=D(2024, 10, 8)), D(2024, 12, 20), D(2025, 1, 6), amounts={"fine": 700})
    made["g"] = filed()
    cases.transfer(made["g"], user, D(2024, 3, 20), "涉嫌犯罪")
    culture = Unit.objects.get(key="culture")
    made["h"] = new_case(
        lead_on=D(2024, 5, 2), kind="copyright-infringement", unit=culture, township=None, user=None, number="南文罚1号"
    )
    cases.file_case(made["h"], None, D(2024, 5, 6))
    done(made["h"], D(2024, 8, 1), D(2024, 8, 8), acting=None)
    return made


def _county():
    return Region.objects.get(code="350583")


def _here(rates, *regions) -> dict:
    """The rates of those regions (the county's rate is also its city's and province's, which hold no other)."""
    return {region.pk: rates[region.pk] for region in regions if region.pk in rates}


def test_the_metrics_keep_the_contract_and_say_their_options(db):
    assert all(problems(metric) == [] for metric in METRICS)
    rate = OnTimeRate()
    assert rate.option_values["open_overdue"] == ("ignored", "late")
    assert "amr" in rate.option_values["unit"]()


def test_t8_counts_closings_by_the_clock_as_it_stood_when_it_stopped(closings, shuitou, other_township):
    county = _county()
    assert ClosedCases().values(*YEAR) == {shuitou.pk: 2, other_township.pk: 2, county.pk: 1}
    assert ClosedOnTime().values(*YEAR) == {shuitou.pk: 1, other_township.pk: 1, county.pk: 1}
    rates = OnTimeRate().values(*YEAR)
    assert _here(rates, shuitou, other_township, county) == {shuitou.pk: 50.0, other_township.pk: 50.0, county.pk: 60.0}
    assert rates[Region.objects.get(code="3505").pk] == 60.0  # Quanzhou: 3 of 5, it holds no other
    kept = {key: Case.objects.get(pk=closings[key].pk) for key in "abcdh"}
    assert {key: (case.decision_due, case.decision_on_time) for key, case in kept.items()} == {
        "a": (D(2024, 5, 30), True),
        "b": (D(2024, 7, 1), False),
        "c": (D(2024, 6, 19), False),
        "d": (D(2024, 7, 1), True),
        "h": (D(2024, 8, 5), True),
    }


def test_open_overdue_cases_count_as_late_when_the_office_says_so(closings, shuitou, other_township):
    county = _county()
    rates = OnTimeRate().values(*YEAR, LATE)
    expected = {shuitou.pk: 33.33, other_township.pk: 50.0, county.pk: 50.0}  # 1 of 3; 1 of 2; 3 of 6
    assert _here(rates, shuitou, other_township, county) == expected
    assert ClosedCases().values(*YEAR, LATE)[shuitou.pk] == 3  # e: open on 31 December, due 2 December
    assert ClosedCases().values(D(2024, 1, 1), D(2024, 11, 30), LATE)[shuitou.pk] == 2  # not yet due then
    assert ClosedCases().monthly(month_number(D(2024, 1, 1)), month_number(D(2024, 12, 1)), LATE) is None
    behind = OnTimeRate().records(*YEAR, [county.pk], LATE)
    assert {case.pk for case in behind} == {closings[key].pk for key in "abcdeh"}
    row = {column.key: column.of(behind.get(pk=closings["e"].pk)) for column in OnTimeRate.columns}
    with override("en"):
        assert row["due"] == D(2024, 12, 2) and str(row["on_time"]) == "no (still open, past its due date)"


def test_the_rate_per_unit(closings):
    amr, culture = Unit.objects.get(key="amr"), Unit.objects.get(key="culture")
    assert OnTimeRate().by_unit(*YEAR) == {amr.pk: 50.0, culture.pk: 100.0}  # 2 of 4; 1 of 1
    assert OnTimeRate().by_unit(*YEAR, LATE) == {amr.pk: 40.0, culture.pk: 100.0}  # 2 of 5
    county = _county()
    culture_only = OnTimeRate().values(*YEAR, {"unit": "culture"})
    assert culture_only[county.pk] == 100.0 and closings["a"].township_id not in culture_only
    only_amr = OnTimeRate().records(*YEAR, [county.pk], {"unit": "amr"})
    assert {case.pk for case in only_amr} == {closings[key].pk for key in "abcd"}


def test_the_records_behind_the_figures(closings, shuitou):
    county = _county()
    timely = ClosedOnTime().records(*YEAR, [county.pk])
    assert [case.pk for case in timely] == [closings[key].pk for key in ("a", "d", "h")]  # by closing date
    assert [case.pk for case in ClosedCases().records(*YEAR, [shuitou.pk])] == [closings["a"].pk, closings["b"].pk]
    with override("en"):
        row = {column.key: str(column.of(timely.first())) for column in OnTimeRate.columns}
    assert row["due"] == "2024-05-30" and row["on_time"] == "yes"


def test_t8_by_month_is_each_month_read_alone(closings, shuitou):
    first, last = month_number(D(2024, 1, 1)), month_number(D(2025, 1, 1))
    by_month = OnTimeRate().by_month(first, last)
    for n in range(first, last + 1):
        start = D(n // 12, n % 12 + 1, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        assert by_month[n] == OnTimeRate().values(start, end)
    assert by_month[month_number(D(2024, 7, 1))][shuitou.pk] == 0.0  # b, late
    closed = ClosedCases().monthly(first, last)
    assert closed[shuitou.pk][-1] == 3 and closed[shuitou.pk][5] == 1  # by June's end: a; by January 2025: a, b, f


def test_cases_filed_by_township_and_ip_type_fines_and_punitive_damages(closings, shuitou, other_township):
    county = _county()
    assert CasesFiled().values(*YEAR) == {shuitou.pk: 5, other_township.pk: 2, county.pk: 1}
    trademark = CasesFiledOfType(IPType.TRADEMARK)
    assert trademark.code == "protection_cases_filed_trademark"
    assert trademark.values(*YEAR) == {shuitou.pk: 5, other_township.pk: 2}
    assert CasesFiledOfType(IPType.COPYRIGHT).values(*YEAR) == {county.pk: 1}
    assert CasesFiledOfType(IPType.PATENT).values(*YEAR) == {}
    assert Fines().values(*YEAR) == {shuitou.pk: Decimal("6900.50")}  # a 5,000 + b 1,200.50 + f 700
    assert Fines().values(D(2025, 1, 1), D(2025, 12, 31)) == {}  # f was decided in 2024
    assert PunitiveDamages().values(*YEAR) == {shuitou.pk: Decimal("20000"), other_township.pk: Decimal("8000")}
    assert PunitiveDamagesCases().values(*YEAR) == {shuitou.pk: 1, other_township.pk: 1}
    assert [case.pk for case in PunitiveDamages().records(*YEAR, [county.pk])] == [closings["d"].pk, closings["b"].pk]
    assert CasesFiled().values(*YEAR, {"unit": "culture"}) == {county.pk: 1}
    with override("zh-hans"):
        assert str(trademark.label) == "行政执法案件立案数：商标"


def _t7_records(users, amr, new_mediation, shuitou):
    user = users["amr-liaison"]
    mediation.agree(new_mediation(), user, D(2024, 3, 20))
    mediation.fail(new_mediation(), user, D(2024, 5, 10), "分歧大")
    mediation.refer_to_arbitration(new_mediation(), user, D(2024, 6, 1), "转仲裁")
    mediation.withdraw(new_mediation(), user, D(2024, 4, 1), "撤回")  # not concluded
    for kind in ("evidence", "consultation", "exhibition"):
        request = assistance.open_request(
            user, unit=amr, kind=kind, requester="演示企业", requested_on=D(2024, 2, 1), township=shuitou
        )
    assistance.close_request(request, None, "declined", D(2024, 2, 5), "不属范围")  # the exhibition one


def test_nanans_file_reads_t7_and_t8_from_the_records_with_the_reported_figures_as_second_source(
    closings, users, amr, new_mediation, shuitou
):
    """Hand count for 2024: T7 = 1 request (a consultation and a declined one do not count) + 3 mediations concluded
    (a withdrawn one does not) = 4; T8 = 3 of 5 = 60.0 % (the reported figures, none entered, are not read)."""
    from zhichan.indicators.models import Indicator, IndicatorValue
    from zhichan.indicators.services.compute import compute
    from zhichan.indicators.services.loading import load_indicators

    _t7_records(users, amr, new_mediation, shuitou)
    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    t7 = Indicator.objects.get(code="rights-assistance-and-mediation-cases")
    t8 = Indicator.objects.get(code="enforcement-on-time-closure-rate")
    assert t7.numerator == "protection_assistance_requests + protection_mediations_concluded"
    assert (t8.numerator, t8.denominator) == ("protection_cases_closed_on_time * 100", "protection_cases_closed")
    assert t7.second_source["numerator"] == "rights_assistance_cases + mediation_arbitration_cases"
    assert t8.second_source["denominator"] == "enforcement_cases_closed"
    assert t8.readings.get().options == {"open_overdue": "ignored"}
    compute(codes=[t7.code, t8.code], periods=["2024"])
    county = _county()
    assert IndicatorValue.objects.get(indicator=t7, region=county, period="2024").value == 4
    assert IndicatorValue.objects.get(indicator=t8, region=county, period="2024").value == Decimal("60.0")


def test_a_reading_option_the_metric_does_not_know_is_refused(reference, tmp_path):
    from zhichan.core.services.datafile import DataFileError
    from zhichan.indicators.services.loading import load_indicators

    text = (settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "nanan-2022.yaml"
    wrong.write_text(text.replace("options: {open_overdue: ignored}", "options: {open_overdue: always}"), "utf-8")
    with pytest.raises(DataFileError) as caught:
        load_indicators(wrong)
    assert "options.open_overdue" in str(caught.value) and "'always'" in str(caught.value)


def test_the_indicator_page_shows_the_second_source_in_words(reference, client_for):
    from zhichan.indicators.models import Indicator
    from zhichan.indicators.services.loading import load_indicators

    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    t8 = Indicator.objects.get(code="enforcement-on-time-closure-rate")
    html = client_for("office").get(f"/indicators/{t8.pk}/").content.decode()
    assert 'data-testid="second-source"' in html
    assert "其中按期结案数" in html and "行政执法案件按期结案数" in html  # both sources, by their names
