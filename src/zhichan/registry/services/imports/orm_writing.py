"""Writing geographical indications and enterprises: few rows, so record by record through the models.

The same contract as SetWriter (`add`, `finish(dry_run)` returning counts); every record is validated by its
model's full_clean() and saved with its history (the batch named as the change reason).
"""

from django.core.exceptions import ValidationError

from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language
from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind

from ...models import Enterprise, GeographicalIndication
from .errors import reasons_by_field
from .matching import RegionMatcher
from .rows import RowRejected
from .values import fold_name


class OrmWriter:
    def __init__(self, kind: str, fields: list[str], batch, reason: str, regions: RegionMatcher | None = None):
        self.kind = kind
        self.fields = fields
        self.batch = batch
        self.reason = reason
        self.records: list[tuple[int, dict]] = []
        self.regions = regions
        self.rows = 0

    def add(self, record: dict, row: int = 0):
        self.rows += 1
        self.records.append((row, record))

    def abandon(self):
        pass

    def finish(self, dry_run: bool, reject) -> dict:
        counts = {"created": 0, "updated": 0, "unchanged": 0, "links": 0, "events": 0}
        prepare = getattr(self, f"_{self.kind}")
        for row, record in self.records:
            try:
                instance, values = prepare(record)
                state = self._save(instance, values, dry_run)
            except ValidationError as error:
                for field, reason in reasons_by_field(error):
                    reject(row, field, record.get(field, ""), reason)
                continue
            except RowRejected as error:
                for field, value, message in error.errors:
                    reject(row, field, value, message)
                continue
            counts[state] += 1
        return counts

    def _save(self, instance, values: dict, dry_run: bool) -> str:
        created = instance.pk is None
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if not created and not changed:
            return "unchanged"
        for name, value in values.items():
            setattr(instance, name, value)
        instance.full_clean(validate_unique=False)
        if not dry_run:
            instance.import_batch_id = self.batch.pk
            if self.batch.source and hasattr(instance, "source"):
                instance.source = self.batch.source[:300]
            instance._history_user = self.batch.user
            instance._change_reason = self.reason[:100]
            instance.save()
        return "created" if created else "updated"

    def _gi(self, record: dict):
        instance = GeographicalIndication.objects.filter(name=record["name"], kind=record["kind"]).first()
        instance = instance or GeographicalIndication(name=record["name"], kind=record["kind"])
        values = {name: record[name] for name in self.fields if name in record and name not in ("name", "kind", "uscc")}
        if record.get("holder_ids"):
            values["holder_id"] = record["holder_ids"][0]
        if record.get("region_id"):
            values["region_id"] = record["region_id"]
        return instance, values

    def _enterprise(self, record: dict):
        instance = None
        if record.get("uscc"):
            instance = Enterprise.objects.filter(uscc=record["uscc"]).first()
        if instance is None:
            folded = fold_name(record["name"])
            same = [
                e for e in Enterprise.objects.filter(name__contains=record["name"][:2]) if fold_name(e.name) == folded
            ]
            instance = same[0] if len(same) == 1 and not (record.get("uscc") and same[0].uscc) else None
        instance = instance or Enterprise(name=record["name"])
        values = {
            name: record[name]
            for name in ("name", "uscc", "address", "industry_code", "size")
            if name in record and (record[name] or name in ("address",))
        }
        region = self._region(record)
        if region is not None and (instance.pk is None or record.get("region") or not instance.region_id):
            values["region_id"] = region
        elif instance.pk is None:
            raise RowRejected([("region", record.get("region", ""), _no_region())])
        return instance, values

    def _region(self, record: dict):
        named = record.get("region")
        if named:
            folded = fold_name(named)
            region = next((r for r in Region.objects.filter(name=folded)), None)
            if region is None:
                raise RowRejected([("region", named, _unknown_region() % {"value": named})])
            return region.pk
        if self.regions is not None:
            found = self.regions(record.get("address", ""))
            if found:
                return found
        county = Region.objects.filter(kind=RegionKind.COUNTY).order_by("path").first()
        return county.pk if county else None


def _no_region():
    return _("No region: name the township or give an address in the county.")


def _unknown_region():
    return _("%(value)s is not a region of the platform.")
