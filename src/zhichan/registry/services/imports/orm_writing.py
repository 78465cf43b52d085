"""How geographical indications and enterprises are written record by record (core/imports/orm_writing.py): for
a row, the record it is about (or a new one) and the values to set."""

from zhichan.core.imports.errors import RowRejected
from zhichan.core.imports.values import fold_name
from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language
from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind

from ...models import Enterprise, GeographicalIndication


def prepare_gi(record: dict, job):
    instance = GeographicalIndication.objects.filter(name=record["name"], kind=record["kind"]).first()
    instance = instance or GeographicalIndication(name=record["name"], kind=record["kind"])
    values = {name: record[name] for name in job.fields if name in record and name not in ("name", "kind", "uscc")}
    if record.get("holder_ids"):
        values["holder_id"] = record["holder_ids"][0]
    if record.get("region_id"):
        values["region_id"] = record["region_id"]
    return instance, values


def prepare_enterprise(record: dict, job):
    instance = None
    if record.get("uscc"):
        instance = Enterprise.objects.filter(uscc=record["uscc"]).first()
    if instance is None:
        folded = fold_name(record["name"])
        same = [e for e in Enterprise.objects.filter(name__contains=record["name"][:2]) if fold_name(e.name) == folded]
        instance = same[0] if len(same) == 1 and not (record.get("uscc") and same[0].uscc) else None
    instance = instance or Enterprise(name=record["name"])
    values = {
        name: record[name]
        for name in ("name", "uscc", "address", "industry_code", "size")
        if name in record and (record[name] or name in ("address",))
    }
    region = _region(record, job.helpers.regions)
    if region is not None and (instance.pk is None or record.get("region") or not instance.region_id):
        values["region_id"] = region
    elif instance.pk is None:
        raise RowRejected([("region", record.get("region", ""), _no_region())])
    return instance, values


def _region(record: dict, regions):
    named = record.get("region")
    if named:
        folded = fold_name(named)
        region = next((r for r in Region.objects.filter(name=folded)), None)
        if region is None:
            raise RowRejected([("region", named, _unknown_region() % {"value": named})])
        return region.pk
    if regions is not None:
        found = regions(record.get("address", ""))
        if found:
            return found
    county = Region.objects.filter(kind__in=RegionKind.county_level()).order_by("path").first()
    return county.pk if county else None


def _no_region():
    return _("No region: name the township or give an address in the county.")


def _unknown_region():
    return _("%(value)s is not a region of the platform.")
