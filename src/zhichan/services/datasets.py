"""What the services module publishes as open data (core/datasets.py): the agency directory, the IP information
service outlets, the brand guidance stations, the expert pool's public fields, and the random inspections' results.

The directories are what `services/publication.py` gives the public: the rows the office marked published on or
before the day, with their public fields only (never a practitioner, an ID number, a contact person, an expert's
phone or a note); each changes with its published rows, its latest publication day and its latest withdrawal. A
random inspection's results are public from the day its plan's results were published (一公开), each object with
its finding only, never the inspectors' note."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Declared, changes, field_columns, label_of, published_by

from .events import PUBLISHED, WITHDRAWN
from .models import Agency, Expert, InspectionPlan, InspectionTarget, Outlet, PlanState
from .models.outlets import OutletKind
from .services import publication


def _joined(values) -> str:
    return "；".join(str(value) for value in values)


def _qualifications(row) -> str:
    return "；".join(
        " ".join(
            part for part in (q["kind"], q["number"], f"{q['valid_to']:%Y-%m-%d}" if q["valid_to"] else "") if part
        )
        for q in row.qualifications
    )


def _directory_changes(model):
    return changes(published_by(model), "updated", "published_on", events=(model, PUBLISHED, WITHDRAWN))


OUTLET_COLUMNS = field_columns(
    Outlet,
    "kind level name host region address basic_services professional_services opening_hours contact_phone",
    "established_on",
)
_results_published = published_by(InspectionPlan, "results_published_on", state=PlanState.RESULTS_PUBLISHED)


def _inspection_results(day):
    return (
        InspectionTarget.objects.filter(plan__in=_results_published(day))
        .exclude(finding="")
        .select_related("plan", "plan__unit")
        .order_by("-plan__results_published_on", "plan__pk", "order")
    )


DATASETS = [
    Declared(
        key="service-agencies",
        title=_("IP service agencies"),
        description=_(
            "The IP service agencies known to the programme: their services, where they are, how to reach them and "
            "the qualifications they hold."
        ),
        rule=_("Only the agencies the office marked published, from the day it set, until it withdraws them."),
        columns=field_columns(
            Agency,
            "name uscc",
            ("kinds", lambda row: _joined(row.kinds)),
            "region address contact_phone settled_on",
            Column("qualifications", _("qualifications"), _qualifications),
        ),
        rows=publication.published_agencies,
        modified=_directory_changes(Agency),
    ),
    Declared(
        key="service-outlets",
        title=_("IP information public service outlets"),
        description=_(
            "The IP information public service nodes, outlets, TISCs, university centres and local workstations: "
            "who hosts them, what they offer free and at low cost, and when they are open."
        ),
        rule=_("Only the outlets the office marked published, from the day it set, until it withdraws them."),
        columns=OUTLET_COLUMNS,
        rows=lambda day: publication.published_outlets(day, excluding=[OutletKind.BRAND_STATION]),
        modified=_directory_changes(Outlet),
    ),
    Declared(
        key="brand-stations",
        title=_("Trademark brand guidance stations"),
        description=_(
            "The trademark brand guidance stations: who hosts them, what they offer, where they are and when they "
            "are open."
        ),
        rule=_("Only the stations the office marked published, from the day it set, until it withdraws them."),
        columns=OUTLET_COLUMNS,
        rows=lambda day: publication.published_outlets(day, kinds=[OutletKind.BRAND_STATION]),
        modified=_directory_changes(Outlet),
    ),
    Declared(
        key="expert-pool",
        title=_("The expert pool"),
        description=_(
            "The experts of the programme's pool the public may know: their number, name, fields of expertise, "
            "employer and title."
        ),
        rule=_(
            "Only the experts the office marked published, from the day it set; never an ID number, a phone, an "
            "e-mail or a declared tie."
        ),
        columns=field_columns(
            Expert, "number name", ("fields", lambda row: _joined(row.field_labels)), "employer title"
        ),
        rows=publication.published_experts,
        modified=_directory_changes(Expert),
    ),
    Declared(
        key="inspection-results",
        title=_("Random inspection results"),
        description=_(
            "The results of the random inspections (双随机、一公开): for each plan whose results are published, "
            "each object drawn, the day it was inspected and what was found."
        ),
        rule=_(
            "Only the plans whose results the inspecting unit published, from that day; never the inspectors' note."
        ),
        publisher="amr",
        frequency="irregular",
        period_column="inspected_on",
        columns=(
            Column("plan", label_of(InspectionPlan, "name"), "plan__name"),
            Column("unit", label_of(InspectionPlan, "unit"), "plan__unit__name"),
            *field_columns(InspectionTarget, "name"),
            Column("credit_code", label_of(InspectionTarget, "key"), "key"),
            *field_columns(InspectionTarget, ("finding", "get_finding_display"), "inspected_on"),
            Column(
                "results_published_on", label_of(InspectionPlan, "results_published_on"), "plan__results_published_on"
            ),
        ),
        rows=_inspection_results,
        modified=changes(_results_published, "updated", "results_published_on"),
    ),
]
