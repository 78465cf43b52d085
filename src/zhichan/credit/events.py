"""The credit module's kinds of events: on the dishonesty record, the serious-list entry or the grade run."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

RECORD_ENTERED = EventKind("credit_record.entered", _("dishonesty record entered"))
RECORD_PERIOD_CHANGED = EventKind("credit_record.period_changed", _("publication period changed"))
RECORD_EXTENDED = EventKind("credit_record.extended", _("measures extended by a new finding"))
RECORD_REVOKED = EventKind("credit_record.revoked", _("dishonesty record revoked"))
RECORD_PUBLISHED = EventKind("credit_record.published", _("dishonesty record published"))
REPAIR_ASKED = EventKind("credit_record.repair_asked", _("credit repair asked"))
REPAIR_APPROVED = EventKind("credit_record.repair_approved", _("credit repair approved"))
REPAIR_REFUSED = EventKind("credit_record.repair_refused", _("credit repair refused"))

LISTED = EventKind("serious_list.listed", _("put on the serious-dishonesty list"))
REMOVAL_ASKED = EventKind("serious_list.removal_asked", _("early removal asked"))
REMOVED_EARLY = EventKind("serious_list.removed_early", _("removed early from the list"))
REMOVAL_REFUSED = EventKind("serious_list.removal_refused", _("early removal refused"))
REMOVED = EventKind("serious_list.removed", _("removed at the end of the term"))
LISTING_REVOKED = EventKind("serious_list.revoked", _("listing revoked"))
LISTING_PUBLISHED = EventKind("serious_list.published", _("listing published"))

GRADES_COMPUTED = EventKind("credit_grades.computed", _("credit grades computed"))
