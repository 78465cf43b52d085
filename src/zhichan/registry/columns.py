"""The columns of each register, declared once: field name → the column's label (in the reader's language).

A name is the model's field where the register stores it as read, or the name of what a file gives to derive it
(`applicants` as written, `uscc` the holders' credit codes, `legal_status` for an event, `term` for two dates).
Import kinds use these as their fields' labels (imports.py): a rejected row names a column the file lacks by its
label, and the template's notes sheet describes each column with it.
"""

from django.utils.translation import gettext_lazy as _

PATENT = {
    "application_number": _("application number"),
    "title": _("title"),
    "filing_date": _("filing date"),
    "patent_type": _("patent type"),
    "publication_number": _("publication number"),
    "publication_date": _("publication date"),
    "grant_number": _("grant publication number"),
    "grant_date": _("grant date"),
    "applicants": _("applicants (as written)"),
    "inventors": _("inventors"),
    "address": _("address"),
    "ipc_codes": _("IPC codes"),
    "main_ipc": _("main IPC code"),
    "agency": _("agency"),
    "legal_status": _("legal status"),
    "legal_status_date": _("legal status date"),
    "uscc": _("unified social credit code"),
    "strategic_emerging": _("in a strategic emerging industry"),
    "foreign_family": _("patent family member granted abroad"),
    "high_pledge_financing": _("obtained high pledge financing"),
    "award": _("National Science and Technology Award or China Patent Award"),
}

TRADEMARK = {
    "registration_number": _("registration number"),
    "mark": _("mark"),
    "nice_classes": _("Nice classes"),
    "kind": _("kind"),
    "applicant_name": _("applicant (as written)"),
    "address": _("address"),
    "application_date": _("application date"),
    "preliminary_publication_date": _("preliminary publication date"),
    "registration_date": _("registration date"),
    "term": _("term of the exclusive right"),
    "expiry_date": _("end of the exclusive right"),
    "agency": _("agency"),
    "international_registration_date": _("international registration date"),
    "uscc": _("unified social credit code"),
}

COPYRIGHT = {
    "registration_number": _("registration number"),
    "title": _("title"),
    "kind": _("kind"),
    "category": _("category of work"),
    "owner_name": _("owner (as written)"),
    "completion_date": _("completion date"),
    "first_publication_date": _("first publication date"),
    "registration_date": _("registration date"),
    "address": _("address"),
    "uscc": _("unified social credit code"),
}

GEOGRAPHICAL_INDICATION = {
    "name": _("name"),
    "kind": _("kind"),
    "holder_name": _("holder or applicant (as written)"),
    "uscc": _("unified social credit code"),
    "approval_date": _("approval date"),
    "announcement_number": _("announcement number"),
    "area": _("protected area"),
    "product_category": _("product category"),
}

ENTERPRISE = {
    "name": _("name"),
    "uscc": _("unified social credit code"),
    "address": _("address"),
    "region": _("township"),
    "industry_code": _("industry code"),
    "size": _("size"),
}
