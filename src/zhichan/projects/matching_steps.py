"""What is done on the pages of a matching event, a match and a co-operation agreement, one table each for the page
and the API (core/steps.py). None of these records has states: each step is offered whenever its action would
run for the reader."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps

from .matching_forms import DocumentForm, EventMatchForm, OutcomeForm, PostingForm
from .models import PostingKind
from .services import agreements, matching
from .services.projects import manages


def _at_event_has_both(event) -> bool:
    kinds = set(event.postings.values_list("kind", flat=True).distinct())
    return {PostingKind.DEMAND, PostingKind.OFFER} <= kinds


def _posting(event, user, data, form):
    return matching.add_posting(user, event=event, **data)


def _match(event, user, data, form):
    return matching.record_match(user, event=event, **data)


def match_recorded(match) -> str:
    """What the page says once a match is recorded: the day it was recorded as made on (the event's day when it
    was left empty at an event, else today), so a day taken by default is seen."""
    day = f"{match.matched_on:%Y-%m-%d}"
    if match.event_id is not None and match.matched_on == match.event.held_on:
        return gettext("The match is recorded, matched on %(day)s: the event's day.") % {"day": day}
    return gettext("The match is recorded, matched on %(day)s.") % {"day": day}


EVENT_STEPS = Steps(
    [
        Step(
            "posting",
            _("Add a demand or an offer"),
            PostingForm,
            None,
            _posting,
            allowed=lambda user, event: matching.add_posting.allowed(user, {"event": event}),
            done=_("The demand or offer is added."),
        ),
        Step(
            "match",
            _("Record a match"),
            EventMatchForm,
            None,
            _match,
            style="outline-primary",
            # the demands posted at the event are the event's unit's: whoever may post at it matches them
            allowed=lambda user, event: manages(user, event),
            when=_at_event_has_both,
            done=match_recorded,
        ),
    ],
    form_kwargs=lambda step, event, user: {"event": event, "user": user},
)

MATCH_STEPS = Steps(
    [
        Step(
            "outcome",
            _("Record the outcome"),
            OutcomeForm,
            None,
            lambda match, user, data, form: matching.record_outcome(match, user, **data),
            allowed=lambda user, match: matching.record_outcome.allowed(user, {"match": match}),
            done=_("The outcome is recorded."),
        ),
    ],
    form_kwargs=lambda step, match, user: {"match": match, "user": user},
)

AGREEMENT_STEPS = Steps(
    [
        Step(
            "document",
            _("Attach an agreement document"),
            DocumentForm,
            None,
            lambda agreement, user, data, form: agreements.attach_document(agreement, user, **data),
            style="outline-primary",
            files=True,
            allowed=lambda user, agreement: agreements.attach_document.allowed(user, {"agreement": agreement}),
            done=_("The agreement document is attached."),
        ),
    ],
    form_kwargs=lambda step, agreement, user: {"agreement": agreement, "user": user},
)
