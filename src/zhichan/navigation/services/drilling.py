"""The patents behind a figure: a set's rows chosen by the names an analysis writes in its figures' queries
(analyses.py `q`), read as the figures were counted (figures.py)."""

import re

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .analyses import APPLICANT_TYPES, HIGH_VALUE_NAMES, STATUS_NAMES
from .concordances import loaded, prefixes
from .merging import aliases_of
from .reading import UNCLASSIFIED

LABELS = {
    "year": gettext_lazy("year"),
    "grant_year": gettext_lazy("grant year"),
    "ipc": gettext_lazy("IPC"),
    "branch": gettext_lazy("technology branch"),
    "applicant": gettext_lazy("applicant"),
    "applicant_type": gettext_lazy("kind of applicant"),
    "inventor": gettext_lazy("inventor"),
    "status": gettext_lazy("legal status"),
    "province": gettext_lazy("province"),
    "city": gettext_lazy("city"),
    "township": gettext_lazy("township"),
    "high_value": gettext_lazy("high-value category"),
    "patent_type": gettext_lazy("patent type"),
    "industry": gettext_lazy("industry"),
}


def _listed(field: str, value: str) -> Q:
    found = Q(**{f"{field}__contains": f";{value};"})
    if connection.vendor == "sqlite":  # its LIKE ignores the case of Latin letters; the figures tell ACME from Acme
        found &= Q(**{f"{field}__regex": re.escape(f";{value};")})
    return found


def _year(field: str, value: str) -> Q:
    if value == "":
        return Q(**{f"{field}__isnull": True})
    return Q(**{field: int(value)}) if value.isdigit() else Q(pk__in=[])


def _ipc(value: str) -> Q:
    if value == UNCLASSIFIED:
        return Q(ipc_codes="")
    prefix = value[: -len("00")] if value.endswith("/00") else value  # a main group: every code of it
    return Q(ipc_codes__contains=f";{prefix.upper()}")


def _applicant(value: str) -> Q:
    found = Q(pk__in=[])
    for name in aliases_of(value):
        found |= _listed("applicants", name)
    return found


def _industry(value: str) -> Q:
    """`table:code`: the patents with an IPC code the concordance places in the industry."""
    key, _sep, code = value.partition(":")
    found = Q(pk__in=[])
    for prefix in prefixes(key, code) if key in loaded() else ():
        found |= Q(ipc_codes__contains=f";{prefix}")
    return found


def _branch(value: str) -> Q:
    return _listed("branches", value) if value.isdigit() else Q(pk__in=[])


READERS = {
    "year": lambda v: _year("year", v),
    "grant_year": lambda v: _year("grant_year", v),
    "ipc": _ipc,
    "branch": _branch,
    "applicant": _applicant,
    "applicant_type": lambda v: _listed("applicant_types", v),
    "inventor": lambda v: _listed("inventors", v),
    "status": lambda v: Q(status=v),
    "province": lambda v: Q(province=v),
    "city": lambda v: Q(city=v),
    "township": lambda v: Q(township=v),
    "high_value": lambda v: _listed("high_value", v),
    "patent_type": lambda v: Q(patent_type=v),
    "industry": _industry,
}


def patents_behind(patent_set, params) -> tuple:
    """(the set's rows every given filter chooses, [(label, value)] of the filters, in the order given). A name
    given twice (two applicants) chooses the patents of both."""
    rows = patent_set.patents.all()
    described = []
    for name, reader in READERS.items():
        for value in params.getlist(name) if hasattr(params, "getlist") else _as_list(params.get(name)):
            rows = rows.filter(reader(value))
            described.append((LABELS[name], _shown(name, value, patent_set)))
    return rows.order_by("application_number"), described


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _shown(name: str, value: str, patent_set) -> str:
    if name in ("year", "grant_year") and value == "":
        return _("year unknown")
    if name == "ipc" and value == UNCLASSIFIED:
        return _("unclassified")
    if name == "branch":
        branch = patent_set.branches.filter(pk=value).first() if value.isdigit() else None
        return branch.name if branch else value
    names = {"applicant_type": APPLICANT_TYPES, "status": STATUS_NAMES, "high_value": HIGH_VALUE_NAMES}
    return str(names.get(name, {}).get(value, value))
