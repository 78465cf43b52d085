"""The projects module's import kind, found by core's import framework: a list of projects (项目台账), one project a
row, entered through the projects' actions — `create_project`, and `approve` where the row gives the approving
document and day. The member unit in charge is named by its name; a liaison's rows are its own unit's. A project of
the same title and applicant imported before changes nothing."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.errors import RowRejected
from zhichan.core.imports.values import amount, closed, dated, free_text, limited, words
from zhichan.core.models import Region, Unit
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import Level, NavigationType, Project, ProjectKind
from .services import projects

KIND_WORDS = {
    "培育": ProjectKind.CULTIVATION,
    "cultivation": ProjectKind.CULTIVATION,
    "导航": ProjectKind.NAVIGATION,
    "navigation": ProjectKind.NAVIGATION,
}
NAVIGATION_WORDS = {
    "区域": NavigationType.REGION,
    "region": NavigationType.REGION,
    "产业": NavigationType.INDUSTRY,
    "industr": NavigationType.INDUSTRY,
    "企业": NavigationType.ENTERPRISE,
    "enterprise": NavigationType.ENTERPRISE,
    "研发": NavigationType.RESEARCH,
    "r&d": NavigationType.RESEARCH,
    "人才": NavigationType.TALENT,
    "talent": NavigationType.TALENT,
}
LEVEL_WORDS = {
    "国家": Level.NATIONAL,
    "national": Level.NATIONAL,
    "省": Level.PROVINCIAL,
    "provinc": Level.PROVINCIAL,
    "县": Level.COUNTY,
    "county": Level.COUNTY,
    "市": Level.CITY,
    "city": Level.CITY,
}

FIELDS = {
    "title": limited(Project, "title"),
    "kind": words(KIND_WORDS, closed("高价值专利培育, 专利导航")),
    "navigation_type": words(NAVIGATION_WORDS, closed("区域规划, 产业规划, 企业经营, 研发活动, 人才管理")),
    "applicant_name": limited(Project, "applicant_name"),
    "applicant_code": free_text,
    "partners": free_text,
    "unit": free_text,
    "township": free_text,
    "level": words(LEVEL_WORDS, closed("国家级, 省级, 市级, 县级")),
    "field": limited(Project, "field"),
    "document": limited(Project, "document"),
    "approved_on": dated(Project, "approved_on"),
    "starts_on": dated(Project, "starts_on"),
    "ends_on": dated(Project, "ends_on"),
    "budget": amount(),
    "funding": amount(),
}

LABELS = {
    "title": _("title"),
    "kind": _("kind of project"),
    "navigation_type": _("kind of navigation"),
    "applicant_name": pgettext_lazy("project", "applicant"),
    "applicant_code": pgettext_lazy("project", "applicant's unified social credit code"),
    "partners": _("partners"),
    "unit": _("member unit in charge"),
    "township": pgettext_lazy("project", "where it lies"),
    "level": _("approving level"),
    "field": _("industry or technical field"),
    "document": _("approving document"),
    "approved_on": pgettext_lazy("project", "approved on"),
    "starts_on": _("period from"),
    "ends_on": _("period until"),
    "budget": _("budget (10,000 yuan)"),
    "funding": _("public funding (10,000 yuan)"),
}


class ProjectListWriter(ActionWriter):
    refused_field = "title"

    def __init__(self, job):
        super().__init__(job)
        self.units = {unit.name: unit for unit in Unit.objects.visible_to(self.user)} if self.user else {}
        self.townships = {}

    def unit(self, name: str):
        if self.user is not None and role_of(self.user) in LIAISONS:
            return self.user.unit  # a liaison's projects are its own unit's
        if name not in self.units:
            raise RowRejected([("unit", name, gettext("No member unit of this name."))])
        return self.units[name]

    def township(self, name: str):
        if not name:
            return None
        if name not in self.townships:
            self.townships[name] = Region.objects.filter(name=name).first()
        if self.townships[name] is None:
            raise RowRejected([("township", name, gettext("No township of this name."))])
        return self.townships[name]

    def enter(self, record: dict):
        title, applicant = record["title"].strip(), (record.get("applicant_name") or "").strip()
        if Project.objects.filter(title=title, applicant_name=applicant).exists():
            return "unchanged"
        if record.get("approved_on") and not record.get("document"):
            raise ValidationError({"document": gettext("Give the approving document's number.")})
        project = projects.create_project(
            self.user,
            kind=record["kind"],
            navigation_type=record.get("navigation_type") or "",
            title=title,
            level=record["level"],
            applicant_code=(record.get("applicant_code") or "").strip(),
            applicant_name=applicant,
            partners=record.get("partners") or "",
            unit=self.unit((record.get("unit") or "").strip()),
            region=self.township((record.get("township") or "").strip()),
            field=record.get("field") or "",
            starts_on=record.get("starts_on"),
            ends_on=record.get("ends_on"),
            budget=record.get("budget"),
            funding=record.get("funding"),
        )
        if record.get("document"):
            projects.approve(project, self.user, document=record["document"], approved_on=record.get("approved_on"))
        return "created"


KINDS = [
    ImportKind(
        name="projects-list",
        label=_("list of projects"),
        fields=FIELDS,
        labels=LABELS,
        key=("title", "applicant_name"),
        required=("title", "kind", "applicant_name", "level"),
        writer=ProjectListWriter,
        uncached=frozenset({"title", "applicant_name", "applicant_code", "partners", "document", "field"}),
        order=85,
        roles=frozenset({Role.OFFICE, *LIAISONS}),
    )
]
