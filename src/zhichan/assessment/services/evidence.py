"""Evidence for an item: a file the unit attaches while it assesses itself (core attachments, scoped like the
item, served by core's download view)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_unit_liaison
from zhichan.core.services.attachments import attach, remove

from ..events import EVIDENCE_ADDED, EVIDENCE_REMOVED
from ..models import ParticipantState, RoundState


def _unit(user, arguments) -> bool:
    return office_or_unit_liaison(user, arguments["item"].participant, "participant")


def _writes(user, item) -> bool:
    return _unit(user, {"item": item})


@action(EVIDENCE_ADDED, on="item", allow=_unit, data=lambda a, r: {"item": a["item"].name, "file": r.name})
def add_evidence(item, user, *, file):
    participant = item.participant
    if participant.round.state != RoundState.OPEN or participant.state != ParticipantState.DRAFT:
        raise ValidationError(_("Evidence is attached while the unit assesses itself."))
    return attach(user, item, file, kind="evidence", may_write=_writes)


@action(EVIDENCE_REMOVED, on="item", allow=_unit, data=lambda a, r: {"item": a["item"].name, "file": r})
def remove_evidence(item, user, *, attachment) -> str:
    """Take a file off the item while the unit still assesses itself (one attached by mistake)."""
    participant = item.participant
    if participant.round.state != RoundState.OPEN or participant.state != ParticipantState.DRAFT:
        raise ValidationError(_("Evidence is removed while the unit assesses itself."))
    found = item.evidence.filter(pk=attachment).first()
    if found is None:
        raise ValidationError({"attachment": _("Choose one of the item's files.")})
    name = found.name
    remove(user, found, may_write=_writes)
    return name
