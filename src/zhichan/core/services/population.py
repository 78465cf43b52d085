"""Resident population figures: the one table per-10,000-resident indicators divide by (models/regions.py)."""

from django.db import transaction

from ..models import Population


@transaction.atomic
def record_population(region, year: int, as_of, value: int, source: str, note: str = "") -> Population:
    """Write a region's figure for a year, replacing an earlier one (the audit history keeps the old figure)."""
    row = Population.objects.filter(region=region, year=year).first() or Population(region=region, year=year)
    row.as_of, row.value, row.source, row.note = as_of, value, source, note
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def withdraw_population(region, year: int, source: str) -> bool:
    """Take back a figure written from a report that is no longer approved, unless it was changed since."""
    return Population.objects.filter(region=region, year=year, source=source).delete()[0] > 0
