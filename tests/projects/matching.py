"""Matching records for the tests, made through the actions as the system: an event of a unit in a township, a
demand of an enterprise and a university's offer posted at it, their match, and the enterprise's agreement with
the university, which the match ended in."""

import datetime

from zhichan.core.models import Region, Unit
from zhichan.projects.services import agreements, matching

HELD = datetime.date(2024, 5, 10)


def make_event(*, unit="amr", township="350583119", title="水头对接会", held_on=HELD):
    return matching.enter_event(
        None,
        title=title,
        held_on=held_on,
        place="镇政府会议室",
        unit=Unit.objects.get(key=unit),
        region=Region.objects.get(code=township),
        enterprises_count=12,
        institutions_count=3,
        persons_count=40,
    )


def make_matching(enterprise, *, unit="amr", township="350583119", title="水头对接会", signed=True) -> dict:
    event = make_event(unit=unit, township=township, title=title)
    demand = matching.add_posting(
        None, kind="demand", title=f"{title}需求", enterprise_code=enterprise.uscc, field="石材", event=event
    )
    offer = matching.add_posting(None, kind="offer", title=f"{title}成果", party="华侨大学", field="石材", event=event)
    match = matching.record_match(None, demand=demand, offer=offer, event=event)
    agreement = agreements.enter_agreement(
        None,
        title=f"{title}合作协议",
        enterprise_code=enterprise.uscc,
        partners="华侨大学",
        signed_on=HELD + datetime.timedelta(days=20),
        unit=Unit.objects.get(key=unit),
        region=Region.objects.get(code=township),
        event=event,
    )
    if signed:
        matching.record_outcome(match, None, outcome="signed", agreement=agreement)
    return {"event": event, "demand": demand, "offer": offer, "match": match, "agreement": agreement}
