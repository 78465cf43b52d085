"""The import of a certification ledger (贯标认证台账, the kind `certifications`, imports.py): one certificate a row,
the enterprise found by its unified social credit code, entered through the certificate actions as the batch's user
(services/certifications.py), so a row is checked as the pages check it and leaves the same event."""

import re
import unicodedata

from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import text
from zhichan.core.messages import gettext_key

from ..models import StandardVersion
from .certifications import import_certification

_YEAR = re.compile(r"(?<!\d)(2013|2023)(?!\d)")
# The standards' titles, for a ledger that names the version by its title rather than its year.
TITLES = {"企业知识产权合规管理体系": StandardVersion.V2023, "企业知识产权管理规范": StandardVersion.V2013}


def read_version(cell) -> str:
    """The version of GB/T 29490 as a ledger writes it: 2013, GB/T 29490-2023, 2023版, or the standard's title."""
    raw = text(cell)
    if not raw:
        return ""
    folded = unicodedata.normalize("NFKC", raw)
    years = set(_YEAR.findall(folded))
    if len(years) == 1:
        return years.pop()
    if not years:
        for title, version in TITLES.items():
            if title in folded:
                return version
    raise ValueError(
        gettext_key("%(value)s is not a version of GB/T 29490: write 2013 or 2023 (or GB/T 29490-2023).")
        % {"value": raw}
    )


class CertificationLedgerWriter(ActionWriter):
    """Enters each accepted row through `import_certification`, as the batch's user (the office)."""

    refused_field = "uscc"

    def column(self, field: str) -> str:
        return "uscc" if field == "enterprise" else field

    def enter(self, record):
        return import_certification(self.user, record, import_batch=self.batch)
