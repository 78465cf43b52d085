"""Loading the kinds of cases from data/protection/case-kinds.yaml (format: docs/protection.md).

Every start loads the file: kinds are added or brought in line with it; a kind missing from the file is kept, since
cases may be of it. A rule key the deadline rules do not hold is refused with the kind and field named."""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from zhichan.core.models import DeadlineRule
from zhichan.core.services.datafile import Reader

from ..models import CaseKind, IPType

CASE_KINDS = "data/protection/case-kinds.yaml"
FIELDS = {"key", "name", "name_en", "ip_type", "filing_rule", "decision_rule"}


@transaction.atomic
def load_case_kinds(file: str | Path | None = None) -> int:
    """Bring the kinds in line with the file; returns how many it holds."""
    reader = Reader(Path(file or settings.PROJECT_DIR / CASE_KINDS))
    rules = set(DeadlineRule.objects.values_list("key", flat=True))
    count = 0
    for order, (path, item) in enumerate(reader.items(reader.data, "kinds", required=True)):
        reader.only(item, FIELDS, path)
        values = {
            "name": reader.get(item, "name", path),
            "name_en": reader.get(item, "name_en", path, required=False, default=""),
            "ip_type": reader.choice(item, "ip_type", path, set(IPType.values)),
            "filing_rule": reader.get(item, "filing_rule", path, required=False, default=""),
            "decision_rule": reader.get(item, "decision_rule", path),
            "order": order,
        }
        for field in ("filing_rule", "decision_rule"):
            if values[field] and values[field] not in rules:
                raise reader.error(f"{path}.{field}", f"no deadline rule {values[field]!r} (data/clocks)")
        CaseKind.objects.update_or_create(key=reader.get(item, "key", path), defaults=values)
        count += 1
    return count
