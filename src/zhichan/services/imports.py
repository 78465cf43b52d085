"""The services module's import kinds, found by core's import framework: a list of service agencies (机构名录),
one agency a row (profile data/import-profiles/service-agencies.yaml), and a list of experts (专家名录), one expert
a row (service-experts.yaml). The office imports them; each row goes through the module's actions
(services/agency_import.py, services/expert_import.py)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.imports import ImportKind
from zhichan.core.imports.values import choice_list, dated, free_text, limited, parse_yes_no
from zhichan.core.messages import gettext_key

from .models import Agency, Expert, ExpertField, ServiceKind
from .services import expert_import
from .services.agency_import import AgencyWriter, row_key

FIELDS = {
    "name": limited(Agency, "name"),
    "uscc": limited(Agency, "uscc"),
    "kinds": choice_list(ServiceKind, gettext_key("Unknown kind of service %(value)s: expected one of %(values)s.")),
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

EXPERT_FIELDS = {
    "name": limited(Expert, "name"),
    "id_number": limited(Expert, "id_number"),
    "fields": choice_list(
        ExpertField,
        gettext_key("Unknown field of expertise %(value)s: expected one of %(values)s."),
        also=lambda value, label: [label[1:]] if len(value) == 1 else [],  # "A 人类生活必需" also without its letter
    ),
    "employer": limited(Expert, "employer"),
    "employer_credit_code": free_text,
    "title": limited(Expert, "title"),
    "phone": limited(Expert, "phone"),
    "email": limited(Expert, "email"),
    "ties": free_text,
    "conflicts_note": free_text,
    "synthetic": parse_yes_no,
}

EXPERT_LABELS = {
    "name": _("name"),
    "id_number": _("ID number"),
    "fields": _("fields of expertise"),
    "employer": _("employer"),
    "employer_credit_code": _("employer's unified social credit code"),
    "title": _("professional title"),
    "phone": _("phone"),
    "email": _("email"),
    "ties": _("enterprises advised or tied to"),
    "conflicts_note": _("other declared conflicts"),
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
        writer=AgencyWriter,
        uncached=frozenset({"name", "uscc", "address", "contact_phone", "note"}),
        order=70,
    ),
    ImportKind(
        name="service-experts",
        label=_("experts"),
        fields=EXPERT_FIELDS,
        labels=EXPERT_LABELS,
        key=("id_number",),
        row_key=expert_import.row_key,
        required=("name", "id_number", "fields", "employer"),
        writer=expert_import.ExpertWriter,
        uncached=frozenset({"name", "id_number", "phone", "email", "ties", "conflicts_note"}),
        order=71,
    ),
]
