"""The finance module's lines in a right's legal-status history (core.extensions.RightLine): each pledge of the
right, registered and released, with a badge while it is in force — only where the reader may read the pledge."""

from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.extensions import RightLine

from .models import PledgedRight

FIELDS = {"Patent": "patent", "Trademark": "trademark", "Copyright": "copyright"}


def pledge_lines(user, right) -> list[RightLine]:
    field = FIELDS.get(type(right).__name__)
    if field is None:
        return []
    today = timezone.localdate()
    found = PledgedRight.objects.visible_to(user).filter(**{field: right}).select_related("pledge__bank")
    lines = []
    for pledged in found:
        pledge = pledged.pledge
        words = {"number": pledge.registration_number, "bank": pledge.bank.name}
        in_force = pledge.in_force_on(today)
        lines.append(
            RightLine(
                pledge.registered_on,
                _("Pledge registered"),
                _("Registration %(number)s, pledgee %(bank)s") % words,
                pledge.get_absolute_url(),
                badge=_("Pledged") if in_force else "",
            )
        )
        if pledge.released_on:
            lines.append(
                RightLine(
                    pledge.released_on,
                    _("Pledge released"),
                    _("Registration %(number)s") % words,
                    pledge.get_absolute_url(),
                )
            )
    return lines


def licence_lines(user, right) -> list[RightLine]:
    """Each licence of the right the reader may read (transfers and auctions are the register's own events)."""
    from .models import TransactionKind, TransactionRight

    field = FIELDS.get(type(right).__name__)
    if field is None:
        return []
    found = (
        TransactionRight.objects.visible_to(user)
        .filter(**{field: right}, transaction__kind=TransactionKind.LICENCE)
        .select_related("transaction")
    )
    return [
        RightLine(
            deal.transaction.day,
            _("Licence"),
            _("To %(party)s, %(scope)s")
            % {"party": deal.transaction.party_to, "scope": deal.transaction.get_licence_scope_display() or "—"},
            deal.transaction.get_absolute_url(),
        )
        for deal in found
    ]
