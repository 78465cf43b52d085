"""Synthetic GB/T 29490 certificates (贯标) for the cultivation pipeline: the demo enterprise's valid 2023-version
certificate, and among the lead-goose and little-giant enterprises one 2013-version certificate that lapsed after
2025-12-31, one ending soon and one valid. The dates of the valid ones are counted from the day the demo is loaded,
so they are valid (or ending soon) whenever it is; every certificate is marked synthetic."""

from datetime import date, timedelta

from django.utils import timezone

from ..models import Certification, StandardVersion
from ..models.certifications import default_expiry
from ..terms import anniversary
from .common import Row
from .profiles import SOURCE

BODY = "演示认证有限公司（虚构）"
CULTIVATED = ("lead-goose", "little-giant")


def _issued_for(end: date) -> date:
    """The issue day of a certificate whose default term (3 years less a day) ends on `end`."""
    return anniversary(end + timedelta(days=1), -3)


def certificate_rows(demo: Row, companies: list[Row], today: date) -> list[tuple[str, dict]]:
    """(enterprise's credit code, certificate fields) for the demo's certificates."""
    cultivated = [row for row in companies if any(d[0] in CULTIVATED for d in row.extra["designations"])]
    picked = (cultivated + [row for row in companies if row not in cultivated])[:3]
    ending_soon = today + timedelta(days=45)
    plans = [
        (demo, StandardVersion.V2023, today - timedelta(days=200), None),
        # Issued in 2024 under the old version (allowed through 2024), its 3 years run to 2027: lapsed all the same.
        (picked[0] if picked else None, StandardVersion.V2013, date(2024, 9, 20), date(2027, 9, 19)),
        (picked[1] if len(picked) > 1 else None, StandardVersion.V2023, _issued_for(ending_soon), ending_soon),
        (picked[2] if len(picked) > 2 else None, StandardVersion.V2023, date(2024, 6, 18), None),
    ]
    rows = []
    for index, (row, version, issued, expires) in enumerate(plans, start=1):
        if row is None:
            continue
        fields = {
            "standard_version": version,
            "body": BODY,
            "number": f"DEMO-IPMS-{index:04d}",
            "issued_on": issued,
            "expires_on": expires or default_expiry(issued),
            "note": SOURCE,
        }
        rows.append((row.key, fields))
    return rows


def load_certificates(demo: Row, companies: list[Row], ids: dict[str, int]) -> int:
    """Write the demo certificates not there yet (by body and number); returns how many were made."""
    rows = certificate_rows(demo, companies, timezone.localdate())
    existing = set(Certification.objects.filter(body=BODY).values_list("number", flat=True))
    fresh = [
        Certification(enterprise_id=ids[code], synthetic=True, **fields)
        for code, fields in rows
        if fields["number"] not in existing and code in ids
    ]
    Certification.objects.bulk_create(fresh)
    return len(fresh)
