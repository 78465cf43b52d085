"""What a walk through the matching pages found: the day a match at an event takes when none is given (said on the
form, in the message and on the pages, and in the API's field), a township's enterprise's demand posted at a
county-level event read by its township and by no other, no link to an event its reader cannot open, and one
word for each concept (a match 对接成果, its outcome 对接结果, the agreement's document 协议文件).

Strings added with these fixes are compared through gettext (their Chinese is in the catalogue once merged);
the others in Chinese."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from zhichan.core.models import Region, Role, Unit, User
from zhichan.projects.matching_api import MatchSerializer
from zhichan.projects.models import Match, MatchingEvent, Posting
from zhichan.projects.services import agreements, matching

from .factories import other_enterprise
from .matching import HELD, make_event

pytestmark = pytest.mark.django_db
DAY = HELD.isoformat()


def _page(response) -> str:
    return unescape(response.content.decode())


# --- 1. the day a match at an event takes ------------------------------------------------------------------------


def test_a_match_at_an_event_left_without_a_day_takes_the_events_day_and_says_so(client_for, users):
    event = make_event()  # held on 2024-05-10
    office = users["office"]
    demand = matching.add_posting(office, kind="demand", title="石材废料利用", party="某石材企业", event=event)
    offer = matching.add_posting(office, kind="offer", title="粉尘制砖", party="华侨大学", event=event)
    liaison = client_for("amr-liaison")
    page = _page(liaison.get(event.get_absolute_url()))
    assert gettext("Left empty: the event's day, %(day)s.") % {"day": DAY} in page  # the form says which day

    step = reverse("matching-event-step", args=[event.pk])
    made = liaison.post(step, {"step": "match", "match-demand": demand.pk, "match-offer": offer.pk}, follow=True)
    page = _page(made)
    match = Match.objects.get(demand=demand)
    assert match.matched_on == HELD
    assert gettext("The match is recorded, matched on %(day)s: the event's day.") % {"day": DAY} in page
    assert f"· {DAY}" in page  # the event's page names each match's day
    assert f"{DAY}</dd>" in _page(liaison.get(match.get_absolute_url()))  # and so does the match's

    other = matching.add_posting(office, kind="offer", title="激光切割", party="泉州师范学院", event=event)
    with pytest.raises(ValidationError, match="日期不能早于活动举办日期"):  # a day given is never before the event
        matching.record_match(office, demand=demand, offer=other, event=event, matched_on=HELD.replace(day=1))


def test_a_match_on_its_own_says_the_day_taken_and_the_api_documents_it(client_for, users):
    liaison = users["amr-liaison"]
    event = make_event()
    demand = matching.add_posting(liaison, kind="demand", title="抛光需求", party="某石材企业")
    offer = matching.add_posting(liaison, kind="offer", title="纳米抛光", party="泉州师范学院")
    other = matching.add_posting(liaison, kind="offer", title="激光切割", party="华侨大学")
    client = client_for("amr-liaison")
    form = _page(client.get(reverse("matching-match-new")))
    assert gettext("Left empty: the event's day, else today.") in form
    made = client.post(reverse("matching-match-new"), {"demand": demand.pk, "offer": offer.pk}, follow=True)
    today = timezone.localdate().isoformat()
    assert gettext("The match is recorded, matched on %(day)s.") % {"day": today} in _page(made)
    made = client.post(
        reverse("matching-match-new"), {"demand": demand.pk, "offer": other.pk, "event": event.pk}, follow=True
    )
    assert gettext("The match is recorded, matched on %(day)s: the event's day.") % {"day": DAY} in _page(made)
    assert "event's day" in str(MatchSerializer().fields["matched_on"].help_text)


# --- 2. a township's enterprise's demand at a county-level event -------------------------------------------------


def _ximei_liaison() -> User:
    return User.objects.create(
        username="ximei-liaison", role=Role.TOWNSHIP_LIAISON, unit=Unit.objects.get(key="region-350583001")
    )


def _county_event(users) -> dict:
    """An event of 市市场监管局 lying in the whole county, a demand of the demo enterprise (水头镇) and one of an
    enterprise of 溪美街道 posted at it, a university's offer, and a match of each demand."""
    office = users["office"]
    own, other = users["enterprise"].enterprises.first(), other_enterprise()
    event = matching.enter_event(office, title="全市石材对接会", held_on=HELD, unit=Unit.objects.get(key="amr"))
    shuitou = matching.add_posting(office, kind="demand", title="水头需求", enterprise_code=own.uscc, event=event)
    ximei = matching.add_posting(office, kind="demand", title="溪美需求", enterprise_code=other.uscc, event=event)
    offer = matching.add_posting(office, kind="offer", title="大学成果", party="华侨大学", event=event)
    return {
        "event": event,
        "shuitou": shuitou,
        "ximei": ximei,
        "offer": offer,
        "shuitou_match": matching.record_match(office, demand=shuitou, offer=offer, event=event),
        "ximei_match": matching.record_match(office, demand=ximei, offer=offer, event=event),
    }


def test_a_townships_enterprises_demand_at_a_county_event_is_the_townships_to_read_and_no_others(users):
    made = _county_event(users)
    event, shuitou, ximei = made["event"], made["shuitou"], made["ximei"]
    assert event.region == Region.objects.get(code="350583")  # the county
    assert shuitou.region.code == "350583119" and ximei.region.code == "350583001"  # each its enterprise's township
    assert made["offer"].region == event.region  # an offer lies where the event lies
    assert (shuitou.event, shuitou.unit, shuitou.organisation) == (event, event.unit, event.organisation)

    def read(user, model):
        return set(model.objects.visible_to(user).values_list("pk", flat=True))

    township, other = users["shuitou-liaison"], _ximei_liaison()
    assert read(township, Posting) == {shuitou.pk} and read(other, Posting) == {ximei.pk}
    assert read(township, Match) == {made["shuitou_match"].pk} and read(other, Match) == {made["ximei_match"].pk}
    assert not read(township, MatchingEvent) and not read(other, MatchingEvent)  # its page lists every township's
    both = {shuitou.pk, ximei.pk, made["offer"].pk}
    assert read(users["amr-liaison"], Posting) == read(users["court-liaison"], Posting) == both  # the county's
    assert read(users["enterprise"], Posting) == {shuitou.pk}
    assert read(users["enterprise"], MatchingEvent) == {event.pk}  # the event it posted at


def test_the_township_reads_its_demand_in_the_lists_and_the_event_page_lists_every_posting(client_for, users):
    made = _county_event(users)
    event = made["event"]
    page = _page(client_for("shuitou-liaison").get(reverse("matching-posting-list")))
    assert "水头需求" in page and "溪美需求" not in page and "大学成果" not in page
    assert event.get_absolute_url() not in page  # no link to the event it does not read
    page = _page(client_for("shuitou-liaison").get(reverse("matching-match-list")))
    assert "水头需求" in page and "溪美需求" not in page
    assert client_for("shuitou-liaison").get(event.get_absolute_url()).status_code == 404
    page = _page(client_for("amr-liaison").get(reverse("matching-posting-list")))
    assert page.count(f'href="{event.get_absolute_url()}"') == 3  # the county unit opens it from each
    page = _page(client_for("amr-liaison").get(event.get_absolute_url()))
    assert all(title in page for title in ("水头需求", "溪美需求", "大学成果"))
    page = _page(client_for("enterprise").get(event.get_absolute_url()))
    assert "水头需求" in page  # the enterprise reads the event it posted at


# --- 3. no link to an event its reader cannot open ---------------------------------------------------------------


def test_an_agreement_and_a_match_name_an_event_the_reader_cannot_open_without_a_link(client_for, users):
    made = _county_event(users)
    event, own = made["event"], users["enterprise"].enterprises.first()
    agreement = agreements.enter_agreement(
        users["office"],
        title="水头合作协议",
        enterprise_code=own.uscc,
        partners="华侨大学",
        signed_on=HELD + datetime.timedelta(days=5),
        unit=Unit.objects.get(key="amr"),
        event=event,
    )
    assert agreement.region.code == "350583119"  # the enterprise's township
    url = event.get_absolute_url()
    for record, testid in ((agreement, "agreement-event"), (made["shuitou_match"], "match-event")):
        township = client_for("shuitou-liaison").get(record.get_absolute_url())
        page = _page(township)
        assert township.status_code == 200 and f'<span data-testid="{testid}">全市石材对接会</span>' in page
        assert f'href="{url}"' not in page, record
        page = _page(client_for("amr-liaison").get(record.get_absolute_url()))
        assert f'<a href="{url}" data-testid="{testid}">全市石材对接会</a>' in page, record
    assert client_for("shuitou-liaison").get(url).status_code == 404


# --- 4. one word for each concept --------------------------------------------------------------------------------


def test_one_word_for_a_match_its_outcome_and_the_agreements_document(client_for, users):
    made = _county_event(users)
    own = users["enterprise"].enterprises.first()
    agreement = agreements.enter_agreement(
        users["office"],
        title="水头合作协议",
        enterprise_code=own.uscc,
        partners="华侨大学",
        signed_on=HELD,
        unit=Unit.objects.get(key="amr"),
    )
    matching.record_outcome(made["shuitou_match"], users["office"], outcome="signed", agreement=agreement)
    client = client_for("amr-liaison")
    matches = gettext("Technology matches")
    for url in (reverse("matching-match-list"), made["event"].get_absolute_url(), agreement.get_absolute_url()):
        page = _page(client.get(url))
        assert f">{matches}</" in page, url  # a match: 对接成果, in the nav and the headings
    page = _page(client.get(made["shuitou_match"].get_absolute_url()))
    outcome = pgettext("match", "outcome")
    assert f">{outcome}</dt>" in page  # its outcome: 对接结果, the field as the step and its log say
    assert "登记对接结果" in page  # the step and the event log (对接结果)
    page = _page(client.get(agreement.get_absolute_url()))
    assert gettext("Attach an agreement document") in page and gettext("Agreement documents") in page
    assert "证明材料" not in page  # the subsidies' word for their evidence
    assert str(Match._meta.get_field("outcome").verbose_name) == outcome
