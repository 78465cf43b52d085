"""A figure the office returns is marked returned with its reason, told to the unit and owed again; a unit's
drafts and returned figures are its own unfinished work, seen only by it and the office."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.models import Notification
from zhichan.indicators.models import DataElement, DataValue, ValueState
from zhichan.indicators.services import entry
from zhichan.indicators.services.entry import Entry

PERIOD = "2024Q2"


@pytest.fixture
def closed(loaded):
    return DataElement.objects.get(code="enforcement-cases-closed")


def _submitted(closed, users, value="10"):
    amr = users["amr-liaison"].unit
    (row,) = entry.save_values(amr, PERIOD, [Entry(closed, value, "台账")], users["amr-liaison"], submit=True)
    return row


# --- returned ---------------------------------------------------------------------------------------------------


def test_returning_keeps_the_reason_apart_and_tells_the_units_liaisons(closed, users):
    row = entry.send_back(_submitted(closed, users), users["office"], "  请核对台账。 ")
    row.refresh_from_db()
    assert row.state == ValueState.RETURNED and row.return_reason == "请核对台账。" and row.comment == "台账"
    (note,) = Notification.objects.filter(user=users["amr-liaison"])
    assert note.title == "数据被退回：知识产权行政执法案件结案数，2024年第2季度" and note.body == "请核对台账。"
    assert note.url == f"/indicators/data/?period={PERIOD}"
    assert not Notification.objects.filter(user=users["court-liaison"]).exists()


def test_a_return_needs_a_reason_an_office_and_a_submitted_figure(closed, users):
    row = _submitted(closed, users)
    with pytest.raises(ValidationError):
        entry.send_back(row, users["office"], " ")
    with pytest.raises(PermissionDenied):
        entry.send_back(row, users["leader"], "不对")
    entry.send_back(row, users["office"], "不对")
    with pytest.raises(ValidationError):
        entry.send_back(row, users["office"], "又不对")
    amr = users["amr-liaison"].unit
    (draft,) = entry.save_values(amr, "2024Q3", [Entry(closed, "1")], users["amr-liaison"])
    with pytest.raises(ValidationError):
        entry.send_back(draft, users["office"], "不对")


def test_a_returned_figure_stays_returned_until_submitted_again_and_the_reason_stays_in_history(closed, users):
    row = entry.send_back(_submitted(closed, users), users["office"], "请核对台账。")
    amr = users["amr-liaison"].unit
    (row,) = entry.save_values(amr, PERIOD, [Entry(closed, "11", "已核对")], users["amr-liaison"])
    assert row.state == ValueState.RETURNED and row.return_reason == "请核对台账。"
    (row,) = entry.save_values(amr, PERIOD, [Entry(closed, "12", "已核对")], users["amr-liaison"], submit=True)
    row.refresh_from_db()
    assert row.state == ValueState.SUBMITTED and row.return_reason == "" and row.value == 12
    assert "请核对台账。" in set(row.history.values_list("return_reason", flat=True))
    entry.approve(row, users["office"])


def test_the_pages_show_the_returned_state_and_reason(closed, users, client_for):
    row = entry.send_back(_submitted(closed, users), users["office"], "请核对台账。")
    page = client_for("amr-liaison").get(f"/indicators/data/?period={PERIOD}").content.decode()
    assert "已退回" in page and 'data-testid="return-reason"' in page and "请核对台账。" in page
    assert f'name="value-{closed.pk}"' in page and "disabled" not in page.split(f"value-{closed.pk}")[1][:300]
    review = client_for("office").get("/indicators/data/review/?state=returned").content.decode()
    assert "请核对台账。" in review and "datavalue-return" not in review
    assert f"/indicators/data/values/{row.pk}/return/" not in review  # returned already: nothing to return


def test_the_api_shows_the_state_and_reason(closed, users, api_for):
    row = entry.send_back(_submitted(closed, users), users["office"], "请核对台账。")
    data = api_for("amr-liaison").get(f"/api/v1/data-values/{row.pk}/").json()
    assert data["state"] == "returned" and data["return_reason"] == "请核对台账。"


def test_only_approved_figures_count_whatever_else_is_stored(closed, users):
    row = entry.send_back(_submitted(closed, users), users["office"], "不对")
    assert not DataValue.objects.filter(state=ValueState.APPROVED).exists()
    assert row.state not in (ValueState.APPROVED, ValueState.SUBMITTED)


# --- drafts are the unit's own ----------------------------------------------------------------------------------


@pytest.fixture
def unfinished(closed, users):
    """The 市场监管局's draft and returned figures, and a submitted one."""
    amr = users["amr-liaison"].unit
    (draft,) = entry.save_values(amr, "2024Q3", [Entry(closed, "1")], users["amr-liaison"])
    returned = entry.send_back(_submitted(closed, users), users["office"], "不对")
    (submitted,) = entry.save_values(amr, "2024Q4", [Entry(closed, "2")], users["amr-liaison"], submit=True)
    return {"draft": draft, "returned": returned, "submitted": submitted}


@pytest.mark.parametrize("who", ["leader", "court-liaison"])
def test_the_leader_and_other_units_do_not_see_a_units_drafts(unfinished, users, who):
    visible = set(DataValue.objects.visible_to(users[who]))
    assert visible == {unfinished["submitted"]}


@pytest.mark.parametrize("who", ["office", "amr-liaison"])
def test_the_unit_and_the_office_see_its_drafts(unfinished, users, who):
    assert set(DataValue.objects.visible_to(users[who])) == set(unfinished.values())


@pytest.mark.parametrize("who", ["leader", "court-liaison"])
def test_no_page_or_endpoint_shows_a_draft_to_others(unfinished, users, who, client_for, api_for):
    draft, returned = unfinished["draft"], unfinished["returned"]
    api = api_for(who)
    listed = {item["id"] for item in api.get("/api/v1/data-values/?page_size=100").json()["results"]}
    assert listed == {unfinished["submitted"].pk}
    assert api.get("/api/v1/data-values/?state=draft").json()["results"] == []
    assert api.get(f"/api/v1/data-values/{draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/data-values/{returned.pk}/").status_code == 404
    if who == "leader":
        client = client_for(who)
        for state in ("draft", "returned"):
            page = client.get(f"/indicators/data/review/?state={state}").content.decode()
            assert f'href="?state={state}"' not in page  # no tab for them
            assert "2024年第3季度" not in page and "不对" not in page
