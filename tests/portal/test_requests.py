import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from zhichan.core.clocks import State
from zhichan.core.events import events_of
from zhichan.core.models import Attachment, Unit
from zhichan.portal.models import PublicRequest, RequestState, Service
from zhichan.portal.services import requests
from zhichan.protection.models import Complaint, ComplaintState
from zhichan.protection.services import complaints

from ..files import image
from .factories import RECEIVED, make_request

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_complaint_lands_in_protection_through_its_intake(catalogue):
    photo = SimpleUploadedFile("假货.png", image(), content_type="image/png")
    made = make_request(
        "complaint",
        matter="网店销售假冒我司商标的阀门",
        answers={"ip_type": "trademark", "respondent": "某阀门店"},
        files=[photo],
    )
    complaint = made.record
    assert isinstance(complaint, Complaint) and Complaint.objects.count() == 1
    assert complaint.channel == "online" and complaint.unit.key == "amr" and complaint.complainant_name == "王先生"
    assert complaint.ip_type == "trademark" and complaint.respondent_name == "某阀门店"
    assert complaint.received_on == RECEIVED
    assert complaint.matter == "网店销售假冒我司商标的阀门"  # each answer read into a field of its own
    # The photo is kept once, on the complaint, and read from the request.
    assert [file.name for file in Attachment.objects.on(complaint)] == ["假货.png"]
    assert [file.name for file in requests.landed_files(made)] == ["假货.png"]
    assert [event.kind for event in events_of(made)] == ["portal.submitted"]
    assert made.number.startswith("2024-") and len(made.number) == 13


def test_a_landed_request_follows_its_record(catalogue):
    made = make_request("complaint", answers={"ip_type": "patent"})
    complaint = made.record
    complaints.accept(complaint, None, D(2024, 5, 8))
    made.refresh_from_db()
    assert made.state == RequestState.ACCEPTED
    complaints.answer(complaint, None, D(2024, 5, 20), "已责令下架并立案调查。")
    made.refresh_from_db()
    assert made.state == RequestState.ANSWERED and made.answer == "已责令下架并立案调查。"
    assert made.answered_on == D(2024, 5, 20) and made.decided_by.key == "amr"
    # The committed deadline (the decision to accept, in 7 working days) stopped on the day accepted.
    (reading,) = requests.readings(made, D(2024, 6, 1))
    assert reading.state == State.MET and reading.stopped == D(2024, 5, 8)
    complaints.close(complaint, None, D(2024, 5, 21))
    made.refresh_from_db()
    assert made.state == RequestState.CLOSED and made.answer == "已责令下架并立案调查。"


def test_a_complaint_not_accepted_closes_the_request_with_the_reason(catalogue):
    made = make_request("complaint", answers={"ip_type": "patent"})
    complaints.decline(made.record, None, D(2024, 5, 7), "不属于本机关管辖，请向法院起诉。")
    made.refresh_from_db()
    assert made.state == RequestState.CLOSED and "不属于本机关管辖" in made.answer
    assert made.record.state == ComplaintState.NOT_ACCEPTED


def test_a_tip_may_be_anonymous_and_a_complaint_may_not(catalogue):
    tip = make_request("tip", anonymous=True, matter="市场里有假货", answers={"place": "水头镇五里桥路"})
    assert tip.anonymous and tip.name == "" and tip.record.anonymous and tip.record.kind == "tip"
    # An answer the intake reads into no field of its own stays with the matter, in the module's own record.
    assert tip.record.matter == "市场里有假货\n发生地点：水头镇五里桥路"
    with pytest.raises(ValidationError, match="只有举报"):
        make_request("complaint", anonymous=True, answers={"ip_type": "patent"})


def test_rights_assistance_and_mediation_land_in_their_modules(catalogue):
    from zhichan.protection.models import AssistanceRequest, Mediation

    helped = make_request("rights-assistance", answers={"kind": "overseas"}, credit_code="91350583MA2Y000001")
    assert isinstance(helped.record, AssistanceRequest) and helped.record.kind == "overseas"
    mediated = make_request("mediation", answers={"rights": "ZL2020100000001.1", "other_party": "某公司"})
    assert isinstance(mediated.record, Mediation) and mediated.record.number == mediated.number
    assert [party.name for party in mediated.record.parties.order_by("side")] == ["王先生", "某公司"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"matter": " "}, "matter", "请说明"),
        ({"name": ""}, "name", "姓名"),
        ({"phone": "", "email": ""}, "phone", "电话号码或电子邮箱"),
        ({"phone": "电话"}, "phone", "电话号码"),
        ({"email": "not-an-address"}, "email", "电子邮箱"),
        ({"credit_code": "123"}, "credit_code", "18位"),
        ({"answers": {}}, "enterprise", "请回答"),
    ],
)
def test_bad_input_is_refused_naming_the_field(catalogue, values, field, message):
    with pytest.raises(ValidationError) as raised:
        make_request(**values)
    assert field in raised.value.message_dict and message in " ".join(raised.value.message_dict[field])
    assert not PublicRequest.objects.exists()


def test_a_choice_outside_its_list_and_files_where_none_are_taken_are_refused(catalogue):
    with pytest.raises(ValidationError) as raised:
        make_request("complaint", answers={"ip_type": "nuclear"})
    assert "ip_type" in raised.value.message_dict
    photo = SimpleUploadedFile("a.png", image(), content_type="image/png")
    with pytest.raises(ValidationError, match="不接收文件"):
        make_request(files=[photo])


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_kept(catalogue):
    fake = SimpleUploadedFile("证据.png", b"MZ\x90\x00 not an image", content_type="image/png")
    with pytest.raises(ValidationError) as raised:
        make_request("complaint", answers={"ip_type": "patent"}, files=[fake])
    assert "证据.png" in " ".join(raised.value.message_dict["files"])
    assert not PublicRequest.objects.exists() and not Complaint.objects.exists()


@override_settings(ZHICHAN_PORTAL_REQUESTS_PER_HOUR=2)
def test_many_requests_from_one_network_are_asked_to_wait(catalogue):
    make_request(network="10.0.0.7")
    make_request(network="10.0.0.7")
    with pytest.raises(ValidationError, match="请稍后再试"):
        make_request(network="10.0.0.7")
    make_request(network="10.0.0.8")
    assert PublicRequest.objects.count() == 3
    assert "10.0.0.7" not in {row.network for row in PublicRequest.objects.all()}  # kept only as a keyed digest


def test_the_handling_unit_accepts_answers_and_closes_a_portal_request(catalogue, users):
    made = make_request()
    assert made.object_id is None and made.unit.key == "amr"
    liaison = users["amr-liaison"]
    requests.accept(made, liaison, day=D(2024, 5, 7))
    requests.answer(made, liaison, text="可向合作银行申请，贴息按当年政策。", day=D(2024, 5, 8))
    made.refresh_from_db()
    assert made.state == RequestState.ANSWERED and made.decided_by.key == "amr"
    requests.close(made, liaison, day=D(2024, 5, 9))
    assert [event.kind for event in events_of(made)][:3] == ["portal.closed", "portal.answered", "portal.accepted"]


def test_others_may_not_handle_it_and_a_landed_one_moves_only_by_its_record(catalogue, users):
    made = make_request()
    for username in ("court-liaison", "leader", "shuitou-liaison"):
        with pytest.raises(PermissionDenied):
            requests.answer(made, users[username], text="x")
    landed = make_request("complaint", answers={"ip_type": "patent"})
    with pytest.raises(PermissionDenied):
        requests.answer(landed, users["amr-liaison"], text="x")


def test_closing_without_an_answer_needs_a_reason_and_an_answer_is_not_given_twice(catalogue, users):
    made = make_request()
    with pytest.raises(ValidationError, match="说明"):
        requests.close(made, users["office"], day=D(2024, 5, 7))
    requests.answer(made, users["office"], text="已答复", day=D(2024, 5, 7))
    with pytest.raises(ValidationError, match="已答复或已办结"):
        requests.answer(made, users["office"], text="再答复", day=D(2024, 5, 8))
    with pytest.raises(ValidationError, match="收件日期"):
        requests.answer(make_request(), users["office"], text="x", day=D(2024, 5, 1))


def test_satisfaction_is_given_once_after_the_answer(catalogue, users):
    made = make_request()
    with pytest.raises(ValidationError, match="答复后"):
        requests.rate(made, rating=5)
    requests.answer(made, users["office"], text="已答复", day=D(2024, 5, 7))
    requests.rate(made, rating=4, comment="及时")
    with pytest.raises(ValidationError, match="已经评价"):
        requests.rate(made, rating=1)
    made.refresh_from_db()
    assert (made.rating, made.rating_comment) == (4, "及时")


def test_an_overdue_request_is_listed_for_its_unit_and_the_office(catalogue, users):
    late = make_request("complaint", answers={"ip_type": "patent"})  # 7 working days from 2024-05-06
    found = requests.overdue(users["office"], D(2024, 6, 3))
    assert [item for item, _reading in found] == [late]
    assert [item for item, _reading in requests.overdue(users["amr-liaison"], D(2024, 6, 3))] == [late]
    assert requests.overdue(users["court-liaison"], D(2024, 6, 3)) == []
    assert requests.overdue(users["office"], D(2024, 5, 7)) == []


def test_a_routed_complaint_hands_the_request_to_the_unit_now_handling_it(catalogue, users):
    made = make_request("complaint", answers={"ip_type": "copyright"})
    press = Unit.objects.get(key="press")
    complaints.route(made.record, users["office"], press, D(2024, 5, 7))
    made.refresh_from_db()
    assert made.unit == press and made.state == RequestState.RECEIVED


def test_an_unpublished_service_takes_no_requests(catalogue):
    Service.objects.filter(code="pledge-consultation").update(published=False)
    with pytest.raises(ValidationError, match="不提供"):
        make_request()
