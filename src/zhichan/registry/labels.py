"""Words for the computed legal states (services/patents.py and services/trademarks.py STATES)."""

from django.utils.translation import gettext_lazy as _

STATE_LABELS = {
    "pending": _("pending"),
    "valid": _("valid"),
    "lapsed": _("lapsed"),
    "expired": _("expired"),
    "invalidated": _("invalidated"),
    "abandoned": _("abandoned or withdrawn"),
    "rejected": _("rejected"),
    "ended": _("ended (cause not stated)"),
    "grace": _("in the renewal grace period"),
    "cancelled": _("cancelled"),
    "revoked": _("revoked"),
}

# Bootstrap colour of each state's badge.
STATE_COLOURS = {"valid": "success", "pending": "info", "grace": "warning"}


def describe(validity) -> dict:
    """What a page shows for a Validity: label, colour, since, the phrase the register wrote."""
    return {
        "valid": validity.valid,
        "state": validity.state,
        "label": STATE_LABELS.get(validity.state, validity.state),
        "colour": STATE_COLOURS.get(validity.state, "secondary"),
        "since": validity.since,
        "reason": validity.reason,
    }
