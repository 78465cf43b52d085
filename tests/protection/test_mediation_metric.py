"""T7's counts from mediations and rights-assistance requests, against figures counted by hand, and the records
behind them."""

import datetime

from django.utils.translation import override

from zhichan.core.metrics import problems
from zhichan.protection.assistance_metrics import AssistanceRequests, MediationsConcluded
from zhichan.protection.metrics import METRICS
from zhichan.protection.services import assistance, mediation

D = datetime.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


def test_the_metrics_keep_the_contract_and_are_declared():
    codes = {metric.code for metric in METRICS}
    assert {"protection_assistance_requests", "protection_mediations_concluded"} <= codes
    assert all(problems(metric) == [] for metric in METRICS)


def test_concluded_mediations_are_counted_by_their_end_in_their_township(new_mediation, users, shuitou, other_township):
    user = users["amr-liaison"]
    mediation.agree(new_mediation(), user, D(2024, 3, 20))  # counted
    mediation.fail(new_mediation(), user, D(2024, 5, 10), "分歧大")  # counted
    mediation.refer_to_arbitration(new_mediation(), user, D(2024, 6, 1), "转仲裁")  # counted
    mediation.withdraw(new_mediation(), user, D(2024, 4, 1), "撤回")  # withdrawn: not concluded
    new_mediation()  # still open: not counted
    mediation.agree(new_mediation(received_on=D(2023, 12, 1)), user, D(2023, 12, 20))  # the year before
    mediation.agree(new_mediation(township=other_township), user, D(2024, 7, 1))  # counted elsewhere
    mediation.fail(new_mediation(township=None), user, D(2024, 8, 1), "分歧大")  # no township: the county's own

    metric = MediationsConcluded()
    county = users["amr-liaison"].unit.region
    assert metric.values(*YEAR) == {shuitou.pk: 3, other_township.pk: 1, county.pk: 1}
    assert metric.values(D(2024, 4, 1), D(2024, 6, 30)) == {shuitou.pk: 2}
    assert metric.values(None, D(2023, 12, 31)) == {shuitou.pk: 1}
    behind = metric.records(*YEAR, [county.pk])
    assert behind.count() == 5
    assert [row.ended_on for row in metric.records(*YEAR, [shuitou.pk])] == [
        D(2024, 3, 20),
        D(2024, 5, 10),
        D(2024, 6, 1),
    ]
    with override("en"):
        assert [column.of(behind.first()) for column in metric.columns][-1] == "Agreement reached"


def test_assistance_requests_are_counted_by_their_date_consultations_and_declined_apart(
    reference, users, amr, shuitou, other_township
):
    def request(kind, day, township=shuitou):
        return assistance.open_request(
            users["amr-liaison"], unit=amr, kind=kind, requester="演示企业", requested_on=day, township=township
        )

    request("evidence", D(2024, 2, 1))  # taken in, still open: counted
    request("consultation", D(2024, 2, 2))  # consultations are not counted
    assistance.close_request(request("exhibition", D(2024, 2, 3)), None, "declined", D(2024, 2, 5), "不属范围")
    assistance.close_request(request("expert-opinion", D(2024, 3, 1)), None, "assisted", D(2025, 1, 10))  # counted
    request("evidence", D(2023, 12, 31))  # the year before
    request("overseas", D(2024, 9, 9), other_township)  # counted elsewhere

    metric = AssistanceRequests()
    assert metric.values(*YEAR) == {shuitou.pk: 2, other_township.pk: 1}
    assert metric.values(D(2024, 2, 1), D(2024, 2, 29)) == {shuitou.pk: 1}
    county = users["amr-liaison"].unit.region
    assert [row.kind for row in metric.records(*YEAR, [county.pk])] == ["evidence", "expert-opinion", "overseas"]


def test_t7_read_from_the_records_is_the_sum_of_both(new_mediation, users, amr, shuitou):
    """A programme's T7 formula reads `protection_assistance_requests + protection_mediations_concluded`."""
    from zhichan.indicators import discovery

    mediation.agree(new_mediation(), users["amr-liaison"], D(2024, 3, 20))
    assistance.open_request(
        users["amr-liaison"],
        unit=amr,
        kind="evidence",
        requester="演示企业",
        requested_on=D(2024, 4, 1),
        township=shuitou,
    )
    found = discovery.metrics()
    total = sum(
        found[code].values(*YEAR).get(shuitou.pk, 0)
        for code in ("protection_assistance_requests", "protection_mediations_concluded")
    )
    assert total == 2
