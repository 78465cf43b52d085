"""The services module's kinds of events, each on the record it concerns (an agency's supervision history is
its events)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

AGENCY_ADDED = EventKind("agency.added", _("agency entered"))
AGENCY_CHANGED = EventKind("agency.changed", _("agency changed"))
QUALIFICATION_ADDED = EventKind("agency.qualification_added", _("qualification added"))
PRACTITIONER_ADDED = EventKind("agency.practitioner_added", _("practitioner added"))
SERVICE_PURCHASED = EventKind("agency.service_purchased", _("purchased service recorded"))
CONTRACT_ATTACHED = EventKind("agency.contract_attached", _("contract file attached"))
PUBLISHED = EventKind("directory.published", _("published"))
WITHDRAWN = EventKind("directory.withdrawn", _("publication withdrawn"))

OUTLET_ADDED = EventKind("outlet.added", _("outlet entered"))
OUTLET_CHANGED = EventKind("outlet.changed", _("outlet changed"))
ACTIVITY_RECORDED = EventKind("outlet.activity_recorded", _("activity recorded"))

CUSTODY_ADDED = EventKind("custody.added", _("custody engagement entered"))
CUSTODY_CHANGED = EventKind("custody.changed", _("custody engagement changed"))
CUSTODY_SERVICE_RECORDED = EventKind("custody.service_recorded", _("service recorded"))
CUSTODY_VISITED = EventKind("custody.visited", _("visit recorded"))
CUSTODY_RATED = EventKind("custody.rated", _("satisfaction recorded"))
