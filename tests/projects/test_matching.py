"""Industry–university–research matching: the actions (each an event, each checking who may), a match's outcome
linked to a co-operation agreement and to a licence entered in IP finance, who reads what, the pages as each role
sees them (typed input kept on a refusal), the Excel exports, the API and the demo data."""

import datetime
from io import BytesIO

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.models import Attachment, Region, Unit
from zhichan.finance.services.transactions import record_transaction
from zhichan.projects.models import CooperationAgreement, Match, MatchingEvent, Outcome, Posting
from zhichan.projects.services import agreements, matching

from ..files import PDF
from ..registry.registers import patent_number
from .factories import other_enterprise
from .matching import HELD, make_event, make_matching

pytestmark = pytest.mark.django_db
TOMORROW = datetime.date.today() + datetime.timedelta(days=1)


def _licence(taker, day=datetime.date(2024, 8, 1)):
    return record_transaction(
        None,
        kind="licence",
        day=day,
        rights=[("patent", patent_number(2023, "1", 71))],
        party_from="华侨大学",
        party_to_code=taker.uscc,
    )


def _kinds(record) -> list[str]:
    return [event.kind for event in events_of(record)]


# --- the actions -------------------------------------------------------------------------------------------------


def test_an_event_its_postings_a_match_and_its_outcome_each_leave_an_event(users):
    own = users["enterprise"].enterprises.first()
    liaison = users["amr-liaison"]
    event = matching.enter_event(liaison, title="石材对接会", held_on=HELD, unit=Unit.objects.get(key="science"))
    assert event.unit == liaison.unit  # a liaison's event is its own unit's, whatever it names
    assert event.region == liaison.unit.region and _kinds(event) == ["matching.event_entered"]
    demand = matching.add_posting(liaison, kind="demand", title="废料利用", enterprise_code=own.uscc, event=event)
    offer = matching.add_posting(liaison, kind="offer", title="粉尘制砖", party="华侨大学", event=event)
    # the event's, in its enterprise's township (the event lies in the county)
    assert (demand.party, demand.enterprise, demand.unit, demand.region) == (own.name, own, event.unit, own.region)
    assert offer.region == event.region
    assert _kinds(offer) == ["matching.posting_added"]
    match = matching.record_match(liaison, demand=demand, offer=offer, event=event)
    assert (match.outcome, match.matched_on, match.outcome_on) == (Outcome.TALKS, HELD, HELD)  # the event's day
    agreement = agreements.enter_agreement(
        liaison, title="合作协议", enterprise_code=own.uscc, partners=" 华侨大学 \n\n泉州师范学院", signed_on=HELD
    )
    assert agreement.partners == "华侨大学\n泉州师范学院" and agreement.region == own.region
    matching.record_outcome(match, liaison, outcome="signed", agreement=agreement, note="已签约")
    match.refresh_from_db()
    assert (match.outcome, match.agreement, match.outcome_on) == (Outcome.SIGNED, agreement, HELD)
    outcome = events_of(match).first()
    assert outcome.kind == "matching.outcome_recorded" and outcome.reason == "已签约"
    assert outcome.data == {"outcome": "signed", "outcome_on": HELD.isoformat()}


def test_what_is_refused_and_nothing_half_written(users):
    office = users["office"]
    with pytest.raises(ValidationError) as refused:
        matching.enter_event(office, title="无单位", held_on=HELD)
    assert "unit" in refused.value.message_dict  # the office names the unit
    with pytest.raises(ValidationError) as refused:
        matching.enter_event(users["amr-liaison"], title="尚未举办", held_on=TOMORROW)
    assert "held_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # a township liaison enters its own township's events only
        matching.enter_event(
            users["shuitou-liaison"], title="别处的对接会", held_on=HELD, region=Region.objects.get(code="350583001")
        )
    assert "region" in refused.value.message_dict
    event = make_event()
    for wrong, field in (
        ({"kind": "offer", "title": "成果", "enterprise_code": other_enterprise().uscc}, "enterprise_code"),
        ({"kind": "demand", "title": "需求"}, "party"),
        ({"kind": "demand", "title": "需求", "enterprise_code": "91350583MA0XXXXX0X"}, "enterprise_code"),
    ):
        with pytest.raises(ValidationError) as refused:
            matching.add_posting(office, event=event, **wrong)
        assert field in refused.value.message_dict, wrong
    assert not Posting.objects.exists()
    demand = matching.add_posting(office, kind="demand", title="需求", party="某企业", event=event)
    offer = matching.add_posting(office, kind="offer", title="成果", party="华侨大学", event=event)
    with pytest.raises(ValidationError) as refused:
        matching.record_match(office, demand=offer, offer=demand)
    assert set(refused.value.message_dict) == {"demand", "offer"}
    with pytest.raises(ValidationError) as refused:
        matching.record_match(office, demand=demand, offer=offer, event=event, matched_on=HELD.replace(day=1))
    assert "matched_on" in refused.value.message_dict  # before the event
    match = matching.record_match(office, demand=demand, offer=offer)
    with pytest.raises(ValidationError):
        matching.record_match(office, demand=demand, offer=offer)  # matched already
    with pytest.raises(ValidationError) as refused:
        matching.record_outcome(match, office, outcome="signed")
    assert "agreement" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        agreements.enter_agreement(
            office,
            title="协议",
            enterprise_name="某企业",
            partners="\n",
            signed_on=HELD,
            starts_on=HELD,
            ends_on=HELD.replace(year=2023),
            unit=Unit.objects.get(key="amr"),
        )
    assert set(refused.value.message_dict) == {"partners", "ends_on"}


def test_who_may(users):
    own = users["enterprise"].enterprises.first()
    made = make_matching(own)  # 市市场监管局's, in 水头镇
    event, match = made["event"], made["match"]
    for name in ("court-liaison", "shuitou-liaison", "leader", "enterprise"):
        with pytest.raises(PermissionDenied):
            matching.add_posting(users[name], kind="offer", title="成果", party="华侨大学", event=event)
        with pytest.raises(PermissionDenied):
            matching.record_outcome(match, users[name], outcome="dropped")
    for name in ("leader", "enterprise"):
        with pytest.raises(PermissionDenied):
            matching.enter_event(users[name], title="对接会", held_on=HELD)
        with pytest.raises(PermissionDenied):
            agreements.enter_agreement(users[name], title="协议", enterprise_name="甲", partners="乙", signed_on=HELD)
    # a township liaison enters its own; it cannot match its demand with an offer it does not read
    township = users["shuitou-liaison"]
    demand = matching.add_posting(township, kind="demand", title="本镇需求", party="水头企业")
    elsewhere = make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    with pytest.raises(ValidationError) as refused:
        matching.record_match(township, demand=demand, offer=elsewhere["offer"])
    assert "offer" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        matching.record_match(users["court-liaison"], demand=demand, offer=elsewhere["offer"])


# --- outcomes linked ---------------------------------------------------------------------------------------------


def test_an_outcome_names_only_the_demands_enterprises_agreement_and_a_licence_its_user_reads(users):
    own = users["enterprise"].enterprises.first()
    made = make_matching(own, signed=False)
    match, office, liaison = made["match"], users["office"], users["amr-liaison"]
    others = make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    with pytest.raises(ValidationError) as refused:
        matching.record_outcome(match, office, outcome="signed", agreement=others["agreement"])
    assert "agreement" in refused.value.message_dict  # another enterprise's agreement

    deal = _licence(own)
    with pytest.raises(ValidationError) as refused:
        matching.record_outcome(match, office, outcome="talks", transaction=deal)
    assert "transaction" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        matching.record_outcome(match, liaison, outcome="licensed", transaction=deal)
    assert "transaction" in refused.value.message_dict  # a member unit does not read IP finance's transactions
    matching.record_outcome(match, liaison, outcome="licensed")  # noted without it; the office links it
    matching.record_outcome(match, office, outcome="licensed", transaction=deal, agreement=made["agreement"])
    match.refresh_from_db()
    assert (match.outcome, match.transaction, match.agreement) == (Outcome.LICENSED, deal, made["agreement"])
    assert match.outcome_on == deal.day
    early = _licence(own, day=HELD - datetime.timedelta(days=5))
    with pytest.raises(ValidationError) as refused:
        matching.record_outcome(match, office, outcome="licensed", transaction=early)
    assert "outcome_on" in refused.value.message_dict  # a licence before the match is not its outcome


# --- who reads what ----------------------------------------------------------------------------------------------


def test_each_role_reads_its_own(users):
    own = users["enterprise"].enterprises.first()
    make_matching(own)  # 市市场监管局's, in 水头镇, the demo enterprise's
    make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    seen = {
        name: {
            model.__name__: {str(row)[:2] for row in model.objects.visible_to(users[name])}
            for model in (MatchingEvent, Match, CooperationAgreement)
        }
        for name in ("office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison", "enterprise")
    }
    both, shuitou = {"水头", "溪美"}, {"水头"}
    every = {"MatchingEvent": both, "Match": both, "CooperationAgreement": both}
    assert seen["office"] == seen["leader"] == seen["amr-liaison"] == seen["court-liaison"] == every
    only = {"MatchingEvent": shuitou, "Match": shuitou, "CooperationAgreement": shuitou}
    assert seen["shuitou-liaison"] == seen["enterprise"] == only
    assert Posting.objects.visible_to(users["enterprise"]).count() == 1  # its demand, not the university's offer


# --- pages -------------------------------------------------------------------------------------------------------

LISTS = ("matching-event-list", "matching-posting-list", "matching-match-list", "agreement-list")
EXPORTS = ("matching-event-export", "matching-posting-export", "matching-match-export", "agreement-export")


def test_the_lists_and_pages_as_each_role_sees_them(client_for, users):
    own = users["enterprise"].enterprises.first()
    made = make_matching(own)
    make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    for name, sees_other in (("office", True), ("leader", True), ("shuitou-liaison", False), ("enterprise", False)):
        client = client_for(name)
        for url in LISTS:
            page = client.get(reverse(url)).content.decode()
            assert "水头对接会" in page and ("溪美对接会" in page) == sees_other, (name, url)
        for record in (made["event"], made["match"], made["agreement"]):
            assert client.get(record.get_absolute_url()).status_code == 200, (name, record)
    liaison = client_for("amr-liaison").get(made["event"].get_absolute_url()).content.decode()
    assert 'value="posting"' in liaison and 'value="match"' in liaison
    enterprise = client_for("enterprise").get(made["event"].get_absolute_url()).content.decode()
    assert 'value="posting"' not in enterprise and "水头对接会需求" in enterprise  # it reads, it does not enter
    page = client_for("amr-liaison").get(made["match"].get_absolute_url()).content.decode()
    assert 'data-testid="match-agreement"' in page and 'value="outcome"' in page
    assert 'name="viewport"' in page  # the phone's width (the base page's)
    filtered = client_for("office").get(reverse("matching-posting-list"), {"kind": "offer"}).content.decode()
    assert "水头对接会成果" in filtered and "水头对接会需求" not in filtered


def test_the_exports_open_and_hold_the_readers_rows(client_for, users):
    make_matching(users["enterprise"].enterprises.first())
    make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    client = client_for("shuitou-liaison")
    for url in EXPORTS:
        exported = client.get(reverse(url))
        assert exported.status_code == 200, url
        sheet = openpyxl.load_workbook(BytesIO(exported.content)).active
        cells = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell)
        assert "水头对接会" in cells and "溪美对接会" not in cells, url


def test_the_forms_keep_typed_input_on_a_refusal_and_enter_on_the_pages(client_for, users):
    own = users["enterprise"].enterprises.first()
    liaison = client_for("amr-liaison")
    form = {
        "title": "阀门产业技术对接会",
        "held_on": TOMORROW.isoformat(),
        "place": "南安市科技馆",
        "enterprises_count": "20",
    }
    refused = liaison.post(reverse("matching-event-new"), form)
    page = refused.content.decode()
    assert refused.status_code == 400 and "阀门产业技术对接会" in page and 'value="20"' in page
    created = liaison.post(reverse("matching-event-new"), {**form, "held_on": HELD.isoformat()})
    event = MatchingEvent.objects.get(title="阀门产业技术对接会")
    assert created.status_code == 302 and event.unit == users["amr-liaison"].unit and event.enterprises_count == 20

    step = reverse("matching-event-step", args=[event.pk])
    posted = {"step": "posting", "posting-kind": "demand", "posting-title": "阀芯寿命", "posting-party": ""}
    refused = liaison.post(step, posted)
    assert refused.status_code == 400 and "阀芯寿命" in refused.content.decode()
    assert liaison.post(step, {**posted, "posting-enterprise_code": own.uscc}).status_code == 302
    offer = {"step": "posting", "posting-kind": "offer", "posting-title": "陶瓷阀片", "posting-party": "华侨大学"}
    assert liaison.post(step, offer).status_code == 302
    demand, offer = Posting.objects.get(title="阀芯寿命"), Posting.objects.get(title="陶瓷阀片")
    matched = liaison.post(step, {"step": "match", "match-demand": demand.pk, "match-offer": offer.pk})
    assert matched.status_code == 302
    match = Match.objects.get(demand=demand)

    agreement_form = {
        "title": "阀片合作协议",
        "enterprise_code": own.uscc,
        "partners": "华侨大学",
        "signed_on": (HELD + datetime.timedelta(days=3)).isoformat(),
        "starts_on": "2024-06-01",
        "ends_on": "2024-01-01",
        "amount": "35.5",
        "event": event.pk,
    }
    refused = liaison.post(reverse("agreement-new"), agreement_form)
    page = refused.content.decode()
    assert refused.status_code == 400 and "阀片合作协议" in page and 'value="35.5"' in page
    assert liaison.post(reverse("agreement-new"), {**agreement_form, "ends_on": "2026-05-31"}).status_code == 302
    agreement = CooperationAgreement.objects.get(title="阀片合作协议")
    assert (agreement.event, agreement.enterprise, str(agreement.amount)) == (event, own, "35.5000")

    outcome = {"step": "outcome", "outcome-outcome": "signed", "outcome-agreement": agreement.pk}
    assert liaison.post(reverse("matching-match-step", args=[match.pk]), outcome).status_code == 302
    match.refresh_from_db()
    assert (match.outcome, match.agreement, match.outcome_on) == (Outcome.SIGNED, agreement, agreement.signed_on)

    document = SimpleUploadedFile("合作协议书.pdf", PDF, content_type="application/pdf")
    attach = {"step": "document", "document-file": document, "document-label": "协议正本"}
    assert liaison.post(reverse("agreement-step", args=[agreement.pk]), attach).status_code == 302
    assert [file.label for file in Attachment.objects.on(agreement)] == ["协议正本"]
    assert "agreement.document_added" in _kinds(agreement)
    refused = client_for("shuitou-liaison").post(reverse("agreement-step", args=[agreement.pk]), attach)
    assert refused.status_code == 404  # the township reads the agreement of its enterprise; it does not enter on it


def test_the_office_chooses_the_unit_and_a_standalone_match(client_for, users):
    office = client_for("office")
    page = office.get(reverse("matching-posting-new")).content.decode()
    assert 'name="unit"' in page
    posted = office.post(
        reverse("matching-posting-new"),
        {"kind": "offer", "title": "石材纳米抛光", "party": "泉州师范学院", "unit": Unit.objects.get(key="science").pk},
    )
    assert posted.status_code == 302
    offer = Posting.objects.get(title="石材纳米抛光")
    assert offer.region == Unit.objects.get(key="science").region and offer.event is None
    assert 'name="unit"' not in client_for("amr-liaison").get(reverse("matching-posting-new")).content.decode()
    demand = matching.add_posting(users["amr-liaison"], kind="demand", title="抛光需求", party="某石材企业")
    made = client_for("amr-liaison").post(
        reverse("matching-match-new"), {"demand": demand.pk, "offer": offer.pk, "matched_on": "2024-07-01"}
    )
    match = Match.objects.get(demand=demand)
    assert made.status_code == 302 and made["Location"] == match.get_absolute_url() and match.event is None


# --- API ---------------------------------------------------------------------------------------------------------


def test_the_api_does_what_the_pages_do(api_for, users):
    own = users["enterprise"].enterprises.first()
    api = api_for("amr-liaison")
    created = api.post(
        "/api/v1/projects/matching-events/",
        {"title": "API对接会", "held_on": HELD.isoformat(), "persons_count": 30},
        format="json",
    )
    assert created.status_code == 201, created.content
    event = created.json()["id"]
    demand = api.post(
        f"/api/v1/projects/matching-events/{event}/step/",
        {"step": "posting", "kind": "demand", "title": "API需求", "enterprise_code": own.uscc},
        format="json",
    )
    assert demand.status_code == 200, demand.content
    offer = api.post(
        "/api/v1/projects/postings/",
        {"kind": "offer", "title": "API成果", "party": "华侨大学", "event": event},
        format="json",
    )
    assert offer.status_code == 201, offer.content
    demand_id = Posting.objects.get(title="API需求").pk
    match = api.post(
        "/api/v1/projects/matches/", {"demand": demand_id, "offer": offer.json()["id"], "event": event}, format="json"
    )
    assert match.status_code == 201 and match.json()["outcome"] == "talks", match.content
    agreement = api.post(
        "/api/v1/projects/agreements/",
        {"title": "API协议", "enterprise_code": own.uscc, "partners": "华侨大学", "signed_on": "2024-06-01"},
        format="json",
    )
    assert agreement.status_code == 201, agreement.content
    signed = api.post(
        f"/api/v1/projects/matches/{match.json()['id']}/step/",
        {"step": "outcome", "outcome": "signed", "agreement": agreement.json()["id"]},
        format="json",
    )
    assert signed.status_code == 200 and signed.json()["agreement"] == agreement.json()["id"], signed.content

    read = api_for("enterprise").get("/api/v1/projects/matches/").json()["results"]
    assert [row["demand_title"] for row in read] == ["API需求"]
    refused = api_for("enterprise").post(
        "/api/v1/projects/matching-events/", {"title": "企业对接会", "held_on": "2024-05-01"}, format="json"
    )
    assert refused.status_code == 403
    elsewhere = make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
    hidden = api_for("shuitou-liaison").post(
        "/api/v1/projects/matches/",
        {"demand": demand_id, "offer": elsewhere["offer"].pk},
        format="json",
    )
    assert hidden.status_code == 400 and "offer" in hidden.json()  # not a row it reads


# --- demo --------------------------------------------------------------------------------------------------------


def test_the_demo_has_an_event_its_postings_two_matches_and_an_agreement(users):
    from stdnum.cn import uscc

    from zhichan.projects.services.matching_demo import create_demo_matching, demo_matching_present
    from zhichan.registry.models import Enterprise

    body = "91350583MA0PRJ002"
    Enterprise.objects.create(
        uscc=body + uscc.calc_check_digit(body), name="第三家企业", region=Region.objects.get(code="350583001")
    )
    taker = other_enterprise()
    deal = _licence(taker, day=datetime.date.today() - datetime.timedelta(days=10))
    deal.synthetic = True
    deal.save()
    assert not demo_matching_present()
    assert create_demo_matching() == 2 and demo_matching_present()
    event = MatchingEvent.objects.get(synthetic=True)
    # two demands (of the two enterprises in the register besides the demo user's) and three offers
    assert event.postings.count() == 5 and all(posting.synthetic for posting in event.postings.all())
    outcomes = {match.outcome: match for match in Match.objects.filter(synthetic=True)}
    assert set(outcomes) == {Outcome.SIGNED, Outcome.LICENSED}
    assert outcomes[Outcome.LICENSED].transaction == deal and outcomes[Outcome.LICENSED].demand.enterprise == taker
    assert outcomes[Outcome.SIGNED].agreement == CooperationAgreement.objects.get(synthetic=True)
    assert Region.objects.get(pk=event.region_id) == Unit.objects.get(key="amr").region
