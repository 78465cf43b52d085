"""What the services module publishes as open data (core/datasets.py): the agency directory, the IP information
service outlets, the brand guidance stations, the expert pool's public fields, and the random inspections' results.

The directories are what `services/publication.py` gives the public: the rows the office marked published on or
before the day, with their public fields only (never a practitioner, an ID number, a contact person, an expert's
phone or a note). A random inspection's results are public from the day its plan's results were published
(一公开), each object with its finding only, never the inspectors' note."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Dataset, last_event, latest

from .events import PUBLISHED, WITHDRAWN
from .models import Agency, Expert, InspectionPlan, InspectionTarget, Outlet, PlanState
from .models.outlets import OutletKind
from .services import publication


def _label(model, name):
    return model._meta.get_field(name).verbose_name


def _joined(values) -> str:
    return "；".join(str(value) for value in values)


def _qualifications(row) -> str:
    return "；".join(
        " ".join(
            part for part in (q["kind"], q["number"], f"{q['valid_to']:%Y-%m-%d}" if q["valid_to"] else "") if part
        )
        for q in row.qualifications
    )


def _directory_modified(model, day, **filters):
    """The latest change of the published rows, the latest publication day, or the latest withdrawal."""
    published = model.objects.filter(published_on__isnull=False, published_on__lte=day, **filters)
    stamps = published.aggregate(updated=Max("updated"), published=Max("published_on"))
    return latest(stamps["updated"], stamps["published"], last_event(model, PUBLISHED, WITHDRAWN))


class Agencies(Dataset):
    key = "service-agencies"
    title = _("IP service agencies")
    description = _(
        "The IP service agencies known to the programme: their services, where they are, how to reach them and "
        "the qualifications they hold."
    )
    rule = _("Only the agencies the office marked published, from the day it set, until it withdraws them.")
    columns = (
        Column("name", _label(Agency, "name")),
        Column("uscc", _label(Agency, "uscc")),
        Column("kinds", _label(Agency, "kinds"), lambda row: _joined(row.kinds)),
        Column("region", _label(Agency, "region")),
        Column("address", _label(Agency, "address")),
        Column("contact_phone", _label(Agency, "contact_phone")),
        Column("settled_on", _label(Agency, "settled_on")),
        Column("qualifications", _("qualifications"), _qualifications),
    )

    def rows(self, day):
        return publication.published_agencies(day)

    def modified(self, day):
        return _directory_modified(Agency, day)


OUTLET_COLUMNS = (
    Column("kind", _label(Outlet, "kind")),
    Column("level", _label(Outlet, "level")),
    Column("name", _label(Outlet, "name")),
    Column("host", _label(Outlet, "host")),
    Column("region", _label(Outlet, "region")),
    Column("address", _label(Outlet, "address")),
    Column("basic_services", _label(Outlet, "basic_services")),
    Column("professional_services", _label(Outlet, "professional_services")),
    Column("opening_hours", _label(Outlet, "opening_hours")),
    Column("contact_phone", _label(Outlet, "contact_phone")),
    Column("established_on", _label(Outlet, "established_on")),
)


class Outlets(Dataset):
    key = "service-outlets"
    title = _("IP information public service outlets")
    description = _(
        "The IP information public service nodes, outlets, TISCs, university centres and local workstations: "
        "who hosts them, what they offer free and at low cost, and when they are open."
    )
    rule = _("Only the outlets the office marked published, from the day it set, until it withdraws them.")
    columns = OUTLET_COLUMNS

    def rows(self, day):
        return publication.published_outlets(day, excluding=[OutletKind.BRAND_STATION])

    def modified(self, day):
        return _directory_modified(Outlet, day)


class BrandStations(Dataset):
    key = "brand-stations"
    title = _("Trademark brand guidance stations")
    description = _(
        "The trademark brand guidance stations: who hosts them, what they offer, where they are and when they are open."
    )
    rule = _("Only the stations the office marked published, from the day it set, until it withdraws them.")
    columns = OUTLET_COLUMNS

    def rows(self, day):
        return publication.published_outlets(day, kinds=[OutletKind.BRAND_STATION])

    def modified(self, day):
        return _directory_modified(Outlet, day)


class Experts(Dataset):
    key = "expert-pool"
    title = _("The expert pool")
    description = _(
        "The experts of the programme's pool the public may know: their number, name, fields of expertise, "
        "employer and title."
    )
    rule = _(
        "Only the experts the office marked published, from the day it set; never an ID number, a phone, an "
        "e-mail or a declared tie."
    )
    columns = (
        Column("number", _label(Expert, "number")),
        Column("name", _label(Expert, "name")),
        Column("fields", _label(Expert, "fields"), lambda row: _joined(row.field_labels)),
        Column("employer", _label(Expert, "employer")),
        Column("title", _label(Expert, "title")),
    )

    def rows(self, day):
        return publication.published_experts(day)

    def modified(self, day):
        return _directory_modified(Expert, day)


class InspectionResults(Dataset):
    key = "inspection-results"
    title = _("Random inspection results")
    description = _(
        "The results of the random inspections (双随机、一公开): for each plan whose results are published, each "
        "object drawn, the day it was inspected and what was found."
    )
    rule = _("Only the plans whose results the inspecting unit published, from that day; never the inspectors' note.")
    publisher = "amr"
    frequency = "irregular"
    period_column = "inspected_on"
    columns = (
        Column("plan", _label(InspectionPlan, "name"), "plan__name"),
        Column("unit", _label(InspectionPlan, "unit"), "plan__unit__name"),
        Column("name", _label(InspectionTarget, "name")),
        Column("credit_code", _label(InspectionTarget, "key"), "key"),
        Column("finding", _label(InspectionTarget, "finding"), "get_finding_display"),
        Column("inspected_on", _label(InspectionTarget, "inspected_on")),
        Column("results_published_on", _label(InspectionPlan, "results_published_on"), "plan__results_published_on"),
    )

    def _plans(self, day):
        return InspectionPlan.objects.filter(
            state=PlanState.RESULTS_PUBLISHED, results_published_on__isnull=False, results_published_on__lte=day
        )

    def rows(self, day):
        return list(
            InspectionTarget.objects.filter(plan__in=self._plans(day))
            .exclude(finding="")
            .select_related("plan", "plan__unit")
            .order_by("-plan__results_published_on", "plan__pk", "order")
        )

    def modified(self, day):
        stamps = self._plans(day).aggregate(updated=Max("updated"), published=Max("results_published_on"))
        return latest(stamps["updated"], stamps["published"])


DATASETS = [Agencies(), Outlets(), BrandStations(), Experts(), InspectionResults()]
