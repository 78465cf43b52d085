"""The services module's kinds of events."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

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
PLAN_CREATED = EventKind("inspection_plan.created", _("random inspection plan drawn up"))
PLAN_PUBLISHED = EventKind("inspection_plan.published", _("pool and seed commitment published"))
PLAN_DRAWN = EventKind("inspection_plan.drawn", _("objects and inspectors drawn, seed published"))
INSPECTOR_STEPPED_ASIDE = EventKind("inspection_plan.stepped_aside", _("inspector stepped aside and was replaced"))
RESULT_ENTERED = EventKind("inspection_plan.result_entered", _("inspection result entered"))
PROBLEMS_FOUND = EventKind("inspection_plan.problems_found", _("problems found at an inspected object"))
RESULTS_PUBLISHED = EventKind("inspection_plan.results_published", _("inspection results published"))
