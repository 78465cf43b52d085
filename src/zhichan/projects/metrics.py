"""Figures of the projects module, for the indicators (found through `METRICS`), both flows counted by the day the
chosen step was reached, in the township the project lies in:

- `projects_cultivation` (个): high-value patent cultivation projects (T5);
- `projects_navigation` (个): industry and enterprise patent navigation projects (T6: GB/T 39551's industrial
  planning and business operation types).

Option `count`: `approved` (default: approved in the period, ended early or not), `started` or `accepted`."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .models import T6_TYPES, Project, ProjectKind

COUNTED_ON = {"approved": "approved_on", "started": "started_on", "accepted": "accepted_on"}

PROJECT_COLUMNS = (
    Column("title", _("title"), width=40),
    Column("kind", _("kind of project"), lambda project: project.kind_label, width=24),
    Column("applicant_name", pgettext_lazy("project", "applicant"), width=30),
    Column("township", pgettext_lazy("project", "where it lies"), "region__name"),
    Column("level", _("approving level"), lambda project: project.get_level_display()),
    Column("document", _("approving document"), width=24),
    Column("approved_on", pgettext_lazy("project", "approved on")),
    Column("started_on", pgettext_lazy("project", "started on")),
    Column("accepted_on", pgettext_lazy("project", "accepted on")),
    Column("state", _("state"), lambda project: project.get_state_display()),
)


class ProjectCount(Metric):
    kind = "flow"
    unit = "个"
    detail_url = "project-detail"
    watches = (Project,)
    columns = PROJECT_COLUMNS
    option_values = {"count": tuple(COUNTED_ON)}
    which = Q()

    def _counted(self, start, end, options):
        day = COUNTED_ON[(options or {}).get("count", "approved")]
        found = Project.objects.filter(self.which, **{f"{day}__isnull": False, f"{day}__lte": end})
        return found.filter(**{f"{day}__gte": start}) if start else found

    def values(self, start, end, options=None) -> dict:
        rows = self._counted(start, end, options).order_by().values_list("region").annotate(n=Count("pk"))
        return dict(rows)

    def records(self, start, end, region_ids, options=None):
        paths = Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True)
        within = Q(pk__in=[])
        for path in paths:
            within |= Q(region__path__startswith=path)
        return self._counted(start, end, options).filter(within).select_related("region")


class Cultivation(ProjectCount):
    code = "projects_cultivation"
    label = _("high-value patent cultivation projects")
    which = Q(kind=ProjectKind.CULTIVATION)


class Navigation(ProjectCount):
    code = "projects_navigation"
    label = _("industry and enterprise patent navigation projects")
    which = Q(kind=ProjectKind.NAVIGATION, navigation_type__in=T6_TYPES)


METRICS = [Cultivation(), Navigation()]
