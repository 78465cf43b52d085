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
# An application for custody, before there is an agreement (the portal's requests follow these).
APPLICATION_RECEIVED = EventKind("custody_application.received", _("custody application received"))
APPLICATION_ACCEPTED = EventKind("custody_application.accepted", _("custody application accepted"))
APPLICATION_DECLINED = EventKind("custody_application.declined", _("custody application declined"))

# The expert pool (人才专家库) and draws of experts.
EXPERT_ADDED = EventKind("expert.added", _("expert added to the pool"))
EXPERT_CHANGED = EventKind("expert.changed", _("expert's details changed"))
EXPERT_TIE_DECLARED = EventKind("expert.tie_declared", _("tie to an enterprise declared"))
EXPERT_RULES_SET = EventKind("expert.rules_set", _("rule for drawing experts set"))
EXPERTS_DRAWN = EventKind("expert_draw.drawn", _("experts drawn"))
EXPERT_STEPPED_ASIDE = EventKind("expert_draw.stepped_aside", _("expert stepped aside and was replaced"))

# Random inspections (双随机、一公开).
INSPECTOR_ADDED = EventKind("inspector.added", _("inspector added to the list"))
INSPECTOR_TIE_DECLARED = EventKind("inspector.tie_declared", _("inspector's tie declared"))
INSPECTOR_TAKEN_OFF = EventKind("inspector.taken_off", _("inspector taken off the list"))
INSPECTOR_PUT_BACK = EventKind("inspector.put_back", _("inspector put back on the list"))
PLAN_CREATED = EventKind("inspection_plan.created", _("random inspection plan drawn up"))
PLAN_PUBLISHED = EventKind("inspection_plan.published", _("pool and seed commitment published"))
PLAN_DRAWN = EventKind("inspection_plan.drawn", _("objects and inspectors drawn, seed published"))
INSPECTOR_STEPPED_ASIDE = EventKind("inspection_plan.stepped_aside", _("inspector stepped aside and was replaced"))
RESULT_ENTERED = EventKind("inspection_plan.result_entered", _("inspection result entered"))
PROBLEMS_FOUND = EventKind("inspection_plan.problems_found", _("problems found at an inspected object"))
RESULTS_PUBLISHED = EventKind("inspection_plan.results_published", _("inspection results published"))
