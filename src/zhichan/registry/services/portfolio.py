"""What a page shows about records: validity of a page of patents or marks, and an enterprise's portfolio.

Validity per record comes from status_on with the events prefetched, so a page costs a fixed number of
queries whatever its length.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..labels import STATE_LABELS, describe
from ..models import Copyright, GeographicalIndication, Patent, PatentType, Trademark
from ..terms import grace_end, last_day_of_term
from . import patents as patent_rules
from . import trademarks as trademark_rules
from .enterprises import designations_of, meets_institution_requirement

HORIZON_DAYS = 365  # how far ahead the portfolio lists annuities and renewals


def patents_with_validity(patents, day: date) -> list:
    """[(patent, state)] for patents fetched with prefetch_related("events")."""
    return [(p, describe(patent_rules.status_on(p, day, p.events.all()))) for p in patents]


def trademarks_with_validity(trademarks, day: date) -> list:
    return [(t, describe(trademark_rules.status_on(t, day, t.events.all()))) for t in trademarks]


def term_end(trademark, day: date, events) -> date | None:
    """The last day of the mark's current term on `day` (renewals up to that day counted), or None if unregistered."""
    if trademark.registration_date is None:
        return None
    renewals = sum(1 for e in events if e.kind == "renewal" and e.date <= day)
    end = last_day_of_term(trademark.registration_date, 1 + renewals)
    if trademark.expiry_date and trademark.expiry_date > end:
        end = trademark.expiry_date
    return end


@dataclass
class Portfolio:
    enterprise: object
    day: date
    patents: list = field(default_factory=list)  # [(patent, state)]
    patent_counts: list = field(default_factory=list)  # [(type label, [n per state], total)]
    patent_states: list = field(default_factory=list)  # [(state, label)] present, in STATES order
    annuities: list = field(default_factory=list)  # [(due, patent)]
    trademarks: list = field(default_factory=list)  # [(trademark, state)]
    renewals: list = field(default_factory=list)  # [(term end, grace end, trademark, state)]
    copyrights: list = field(default_factory=list)
    geographical_indications: list = field(default_factory=list)
    designations: list = field(default_factory=list)  # [(designation, holds today)]
    meets_institution_requirement: bool = False


def portfolio(enterprise, user, day: date) -> Portfolio:
    """An enterprise's records as `user` may see them, with states on `day`, annuities and renewals ahead."""
    result = Portfolio(enterprise, day, meets_institution_requirement=meets_institution_requirement(enterprise))
    patents = (
        Patent.objects.visible_to(user).filter(holders=enterprise).select_related("region").prefetch_related("events")
    )
    result.patents = patents_with_validity(patents, day)
    counts = Counter((p.patent_type, state["state"]) for p, state in result.patents)
    present = {state for _type, state in counts}
    states = [s for s in patent_rules.STATES if s in present]
    result.patent_states = [(s, STATE_LABELS[s]) for s in states]
    for value, label in PatentType.choices:
        row = [counts.get((value, s), 0) for s in states]
        result.patent_counts.append((label, row, sum(row)))
    horizon = day + timedelta(days=HORIZON_DAYS)
    for patent, state in result.patents:
        if state["valid"]:
            due = patent_rules.next_annuity_due(patent, day, patent.events.all())
            if due is not None and due <= horizon:
                result.annuities.append((due, patent))
    result.annuities.sort(key=lambda pair: (pair[0], pair[1].application_number))

    trademarks = (
        Trademark.objects.visible_to(user)
        .filter(holders=enterprise)
        .select_related("region")
        .prefetch_related("events")
    )
    result.trademarks = trademarks_with_validity(trademarks, day)
    for trademark, state in result.trademarks:
        if state["state"] not in ("valid", "grace"):
            continue
        end = term_end(trademark, day, trademark.events.all())
        if end is not None and end <= horizon:
            result.renewals.append((end, grace_end(end), trademark, state))
    result.renewals.sort(key=lambda row: row[0])

    result.copyrights = list(Copyright.objects.visible_to(user).filter(owners=enterprise).select_related("region"))
    result.geographical_indications = list(
        GeographicalIndication.objects.visible_to(user).filter(holder=enterprise).select_related("region", "trademark")
    )
    result.designations = [(d, d.holds_on(day)) for d in designations_of(enterprise)]
    return result
