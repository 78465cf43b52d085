"""The navigation module's import kind, found by core's import framework: `patent-set`, an analysis set from a
national or industry export (CNIPA's search system, incoPat, PatSnap and the like; profile
data/import-profiles/patent-set.yaml). One batch fills one set (services/sets.py `set_of_batch`), kept apart from
the register. Cells are read leniently where an analysis can still count the row: a number that is not a Chinese
application number is kept as written, a classification not understood is kept and counted as unclassified."""

import unicodedata

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.imports import ImportKind
from zhichan.core.imports.values import dated, free_text, limited, text
from zhichan.registry.identifiers import IdentifierError, parse_patent_application
from zhichan.registry.models.patents import patent_type_of
from zhichan.registry.services.imports.values import parse_patent_type

from .models import SetPatent
from .services.branches import compiled_branches
from .services.rows import CHUNK, imported_row
from .services.sets import KIND, refresh_figures, set_of_batch


def number(cell) -> str:
    raw = text(cell)
    if not raw:
        return ""
    try:
        return parse_patent_application(raw).normalized
    except IdentifierError:
        kept = "".join(unicodedata.normalize("NFKC", raw).split()).upper()
        if len(kept) > 40:
            raise ValueError(_("An application number has at most 40 characters.")) from None
        return kept


def kind_of_patent(cell) -> str:
    try:
        return parse_patent_type(cell)
    except ValueError:
        return ""  # the number may still say it (check_row)


FIELDS = {
    "application_number": number,
    "title": limited(SetPatent, "title"),
    "filing_date": dated(SetPatent, "filing_date"),
    "patent_type": kind_of_patent,
    "publication_date": dated(SetPatent, "publication_date"),
    "grant_date": dated(SetPatent, "grant_date"),
    "applicants": free_text,
    "inventors": free_text,
    "address": free_text,
    "province": free_text,
    "city": free_text,
    "ipc_codes": free_text,
    "main_ipc": free_text,
    "legal_status": free_text,
}
LABELS = {
    "application_number": _("application number"),
    "title": _("title"),
    "filing_date": _("filing date"),
    "patent_type": _("patent type"),
    "publication_date": _("publication date"),
    "grant_date": _("grant date"),
    "applicants": _("applicants"),
    "inventors": _("inventors"),
    "address": _("address"),
    "province": _("province"),
    "city": _("city"),
    "ipc_codes": _("IPC codes"),
    "main_ipc": _("main IPC code"),
    "legal_status": _("legal status"),
}


def check_row(record: dict, helpers=None):
    if not record.get("patent_type"):
        try:
            record["patent_type"] = str(patent_type_of(parse_patent_application(record["application_number"])))
        except (IdentifierError, KeyError):
            record["patent_type"] = ""


class SetPatentWriter:
    """Writes an analysis set's rows in chunks, then computes its figures (a preview is rolled back by the run)."""

    def __init__(self, job):
        self.batch = job.batch
        self.patent_set = set_of_batch(job.batch)
        self.rules = compiled_branches(self.patent_set)
        self.pending: list[SetPatent] = []
        self.rows = 0
        self.written = 0

    def add(self, record: dict, row: int = 0):
        self.rows += 1
        self.pending.append(imported_row(self.patent_set, record, self.rules))
        if len(self.pending) >= CHUNK:
            self._flush()

    def _flush(self):
        SetPatent.objects.bulk_create(self.pending, batch_size=1000)
        self.written += len(self.pending)
        self.pending = []

    def finish(self, reject, written=None) -> dict:
        self._flush()
        if written:
            written(False)
        refresh_figures(self.patent_set)
        return {"created": self.written, "updated": 0, "unchanged": 0}

    def abandon(self):
        self.pending = []


KINDS = [
    ImportKind(
        name=KIND,
        label=pgettext_lazy("import kind", "patent analysis set"),
        fields=FIELDS,
        labels=LABELS,
        key=("application_number",),
        required=("application_number", "title"),
        check_row=check_row,
        writer=SetPatentWriter,
        uncached=frozenset({"application_number", "title", "applicants", "inventors", "address"}),
        order=70,
    )
]
