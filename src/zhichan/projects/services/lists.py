"""The project list as its filters choose it, with each project's targets against its outputs, and its Excel
export (the drill-down's columns)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from zhichan.core.columns import sheet
from zhichan.documents import xlsx

from ..forms import ProjectFilter
from ..metrics import PROJECT_COLUMNS
from ..models import Project


def filtered_projects(user, data):
    found = Project.objects.visible_to(user).select_related("region", "unit")
    form = ProjectFilter(data or None)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("kind"):
            found = found.filter(kind=chosen["kind"])
        if chosen.get("state"):
            found = found.filter(state=chosen["state"])
        if chosen.get("q"):
            text = chosen["q"].strip()
            found = found.filter(Q(title__icontains=text) | Q(applicant_name__icontains=text))
    return form, found


def project_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_projects(request.user, request.GET)
    title = gettext("Projects")
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(title)s · made %(time)s") % {"title": title, "time": made}
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, PROJECT_COLUMNS, found, note)], rows=found.count()
    )
