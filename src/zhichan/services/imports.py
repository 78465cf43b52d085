"""The services module's import kind, found by core's import framework: a list of service agencies (机构名录),
one agency a row (profile data/import-profiles/service-agencies.yaml). The office imports it; each row becomes an
agency through the agency action (services/agency_import.py)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind
from zhichan.core.imports.values import dated, free_text, limited, parse_yes_no

from .models import Agency
from .services.agency_import import AgencyWriter, Lookups, check_row, row_key

FIELDS = {
    "name": limited(Agency, "name"),
    "uscc": limited(Agency, "uscc"),
    "kinds": free_text,
    "region": free_text,
    "address": limited(Agency, "address"),
    "contact_person": limited(Agency, "contact_person"),
    "contact_phone": limited(Agency, "contact_phone"),
    "settled_on": dated(Agency, "settled_on"),
    "note": free_text,
    "synthetic": parse_yes_no,
}

LABELS = {
    "name": _("name of the agency"),
    "uscc": _("unified social credit code"),
    "kinds": _("services offered"),
    "region": _("region"),
    "address": _("address"),
    "contact_person": _("contact person"),
    "contact_phone": _("contact phone"),
    "settled_on": _("settled in the county on"),
    "note": _("note"),
    "synthetic": _("synthetic demo record"),
}

KINDS = [
    ImportKind(
        name="service-agencies",
        label=_("service agencies"),
        fields=FIELDS,
        labels=LABELS,
        key=("uscc",),
        row_key=row_key,
        required=("name", "uscc", "kinds"),
        check_row=check_row,
        helpers=Lookups,
        writer=AgencyWriter,
        uncached=frozenset({"name", "uscc", "address", "contact_phone", "note"}),
        order=70,
    )
]
