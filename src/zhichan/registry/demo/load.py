"""Writing the synthetic register to the database, and taking it out again.

Rows go in with bulk_create in batches, without history records: synthetic records are made by the platform,
never edited by a person when they are written, and removed as a whole, so a history row per record would
double the writes and record nothing anyone needs (a later edit by a user starts the record's history as
usual). Loading is idempotent: a record whose number (or USCC) is already in the register is skipped, so a
second run creates nothing, and a real record with a clashing number is never touched.
"""

import itertools
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from zhichan.core.models import Region
from zhichan.core.versions import mark

from ..models import (
    Certification,
    Copyright,
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    Patent,
    PatentEvent,
    Trademark,
    TrademarkEvent,
)
from .certifications import load_certificates
from .common import Row
from .copyrights import generate_copyrights
from .enterprises import association_rows, demo_enterprise_row, demo_uscc_of_user, generate_enterprises
from .patents import generate_patents
from .portfolio import portfolio_copyrights, portfolio_marks, portfolio_patents
from .profiles import SOURCE, TOWNSHIPS
from .trademarks import generate_association_marks, generate_gis, generate_trademarks

DEFAULT_SEED = 2022
DEFAULT_SIZES = {"enterprises": 500, "patents": 30_000, "trademarks": 15_000, "copyrights": 3_000}
BATCH = 2000
# The tables loaded and removed here without history rows (core/versions.py: `mark`).
WRITTEN = (Enterprise, Patent, PatentEvent, Trademark, TrademarkEvent, Copyright, GeographicalIndication)


class DemoRegistryError(Exception):
    pass


def batched(rows: Iterable, size: int = BATCH):
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def demo_registry_present() -> bool:
    """True when the register holds any synthetic patent, trademark or copyright."""
    return any(model.objects.filter(synthetic=True).exists() for model in (Patent, Trademark, Copyright))


def _regions() -> dict[str, int]:
    regions = dict(Region.objects.filter(code__in=list(TOWNSHIPS)).values_list("code", "pk"))
    missing = sorted(set(TOWNSHIPS) - set(regions))
    if missing:
        raise DemoRegistryError(
            _("The demo registry needs Nan'an's townships; these division codes are not loaded: %(codes)s")
            % {"codes": ", ".join(missing)}
        )
    return regions


def _load_enterprises(rows: list[Row], regions) -> tuple[dict[str, int], int]:
    keys = [row.key for row in rows]
    existing = set(Enterprise.objects.filter(uscc__in=keys).values_list("uscc", flat=True))
    fresh = [
        Enterprise(uscc=row.key, region_id=regions[row.region_code], synthetic=True, **row.fields)
        for row in rows
        if row.key not in existing
    ]
    Enterprise.objects.bulk_create(fresh, batch_size=BATCH)
    demo = rows[0]  # made by the demo accounts with a name and address only: give it the rest once
    profile = {name: value for name, value in demo.fields.items() if name not in ("name", "address")}
    Enterprise.objects.filter(uscc=demo.key, industry_code="").update(**profile)
    ids = dict(Enterprise.objects.filter(uscc__in=keys).values_list("uscc", "pk"))
    titled = set(EnterpriseDesignation.objects.filter(enterprise__in=ids.values()).values_list("enterprise", flat=True))
    EnterpriseDesignation.objects.bulk_create(
        [
            EnterpriseDesignation(
                enterprise_id=ids[row.key],
                kind=kind,
                level=level,
                granted_on=granted,
                expires_on=expires,
                document=SOURCE,
            )
            for row in rows
            if ids[row.key] not in titled
            for kind, level, granted, expires in row.extra["designations"]
        ],
        batch_size=BATCH,
    )
    return ids, len(fresh)


def _load_records(
    model,
    key_field,
    rows,
    regions,
    parties,
    *,
    event_model=None,
    relation="holders",
    total=None,
    progress=None,
    label="",
):
    """Bulk-write rows of one register in batches; returns {key: pk} of the new records and their number."""
    through = getattr(model, relation).through
    own = model._meta.model_name
    created, seen, keys = 0, 0, {}
    for batch in batched(rows):
        existing = set(
            model.objects.filter(**{f"{key_field}__in": [row.key for row in batch]}).values_list(key_field, flat=True)
        )
        fresh = [row for row in batch if row.key not in existing]
        records = model.objects.bulk_create(
            [
                model(**{key_field: row.key}, region_id=regions[row.region_code], synthetic=True, **row.fields)
                for row in fresh
            ]
        )
        if event_model is not None:
            event_model.objects.bulk_create(
                [
                    event_model(**{f"{own}_id": record.pk}, date=day, kind=kind, text=text)
                    for row, record in zip(fresh, records, strict=True)
                    for day, kind, text in row.events
                ]
            )
        through.objects.bulk_create(
            [
                through(**{f"{own}_id": record.pk}, enterprise_id=parties[key])
                for row, record in zip(fresh, records, strict=True)
                for key in row.parties
            ]
        )
        keys.update((row.key, record.pk) for row, record in zip(fresh, records, strict=True))
        created += len(fresh)
        seen += len(batch)
        if progress:
            progress(f"{label}: {seen}" + (f"/{total}" if total else "") + f" ({created} new)")
    return keys, created


def load_demo_registry(
    *,
    seed: int = DEFAULT_SEED,
    enterprises: int | None = None,
    patents: int | None = None,
    trademarks: int | None = None,
    copyrights: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Generate the synthetic Nan'an register for a seed and write what is not there yet; returns counts created."""
    sizes = dict(DEFAULT_SIZES)
    sizes.update(
        {
            name: value
            for name, value in (
                ("enterprises", enterprises),
                ("patents", patents),
                ("trademarks", trademarks),
                ("copyrights", copyrights),
            )
            if value is not None
        }
    )
    with transaction.atomic():
        regions = _regions()
        demo = demo_enterprise_row(seed)
        associations = association_rows()
        companies = generate_enterprises(seed, sizes["enterprises"])
        if not companies:
            raise DemoRegistryError(_("The demo registry needs at least one enterprise."))
        ids, made = _load_enterprises([demo, *associations, *companies], regions)
        counts = {"enterprises": made, "certifications": load_certificates(demo, companies, ids)}
        if progress:
            progress(f"enterprises: {len(ids)} ({made} new)")
        patent_rows = itertools.chain(
            portfolio_patents(seed, demo), generate_patents(seed, companies, sizes["patents"])
        )
        _keys, counts["patents"] = _load_records(
            Patent,
            "application_number",
            patent_rows,
            regions,
            ids,
            event_model=PatentEvent,
            progress=progress,
            label="patents",
            total=sizes["patents"],
        )
        association_marks = generate_association_marks(seed, associations)
        mark_rows = itertools.chain(
            portfolio_marks(seed, demo), association_marks, generate_trademarks(seed, companies, sizes["trademarks"])
        )
        marks, counts["trademarks"] = _load_records(
            Trademark,
            "registration_number",
            mark_rows,
            regions,
            ids,
            event_model=TrademarkEvent,
            progress=progress,
            label="trademarks",
            total=sizes["trademarks"],
        )
        copyright_rows = itertools.chain(
            portfolio_copyrights(seed, demo), generate_copyrights(seed, companies, sizes["copyrights"])
        )
        _keys, counts["copyrights"] = _load_records(
            Copyright,
            "registration_number",
            copyright_rows,
            regions,
            ids,
            relation="owners",
            progress=progress,
            label="copyrights",
            total=sizes["copyrights"],
        )
        counts["geographical_indications"] = _load_gis(seed, associations, association_marks, regions, ids)
        mark(*WRITTEN)  # no history rows: cached counts of the register key on this instead
    return counts


def _load_gis(seed, associations, association_marks, regions, ids) -> int:
    rows = generate_gis(seed, associations, association_marks)
    existing = set(
        GeographicalIndication.objects.filter(synthetic=True, name__in=[row.key for row in rows]).values_list(
            "name", flat=True
        )
    )
    marks = dict(
        Trademark.objects.filter(
            registration_number__in=[row.extra["trademark"] for row in rows if row.extra["trademark"]]
        ).values_list("registration_number", "pk")
    )
    fresh = [
        GeographicalIndication(
            name=row.key,
            region_id=regions[row.region_code],
            holder_id=ids[row.parties[0]],
            trademark_id=marks.get(row.extra["trademark"]),
            synthetic=True,
            **row.fields,
        )
        for row in rows
        if row.key not in existing
    ]
    GeographicalIndication.objects.bulk_create(fresh)
    return len(fresh)


def remove_demo_registry(progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Delete every synthetic record of the register; real records and the demo user's enterprise stay.

    The large tables are deleted with set-based DELETE statements (no history rows, as they were written);
    links from real records to synthetic ones are cleared first, as the foreign keys' on-delete rules say.
    """
    counts = {}
    with transaction.atomic():
        gis = GeographicalIndication.objects.filter(synthetic=True)
        counts["geographical_indications"] = gis.count()
        gis.delete()
        GeographicalIndication.objects.filter(trademark__synthetic=True).update(trademark=None)
        for label, model, relation, event_model in (
            ("patents", Patent, "holders", PatentEvent),
            ("trademarks", Trademark, "holders", TrademarkEvent),
            ("copyrights", Copyright, "owners", None),
        ):
            own = model._meta.model_name
            synthetic = model.objects.filter(synthetic=True)
            if event_model is not None:
                _raw_delete(event_model.objects.filter(**{f"{own}__synthetic": True}))
            _raw_delete(getattr(model, relation).through.objects.filter(**{f"{own}__synthetic": True}))
            counts[label] = _raw_delete(synthetic)
            if progress:
                progress(f"{label}: {counts[label]} removed")
        counts["certifications"] = Certification.objects.filter(synthetic=True).delete()[0]
        companies = Enterprise.objects.filter(synthetic=True).exclude(Q(uscc=demo_uscc_of_user()))
        counts["enterprises"] = companies.count()
        companies.delete()
        if progress:
            progress(f"enterprises: {counts['enterprises']} removed")
        mark(*WRITTEN)
    return counts


def _raw_delete(queryset) -> int:
    # QuerySet._raw_delete is the single DELETE Django itself uses for fast deletes; it sends no signals.
    return queryset._raw_delete(queryset.db)
