"""The dataset contract: a list or table an app publishes to the public (open data), and how the portal finds it.

An app declares what it publishes in `<app>/datasets.py` as a list `DATASETS` of `Dataset` instances, found by
name over the installed modules (`found()`), the way the indicators find each app's `metrics.py`: the app that
owns the records imports nothing of the portal, and core names no app. The portal gives each dataset its page,
its downloads (CSV, XLSX, JSON), its API URL and its DCAT metadata.

A dataset says:
- `key`: a stable slug, part of every address of the dataset (never changed once published);
- `title`, `description`: for people (lazy translations: English ids, the Chinese in the catalogue); `rule`: what
  "published" means for it, in one sentence the page shows (only the rows the office marked, from when, until when);
- `publisher`: the key of the unit that publishes it in the organisation file, "" for the programme office;
- `frequency`: how often it changes, one of `FREQUENCIES` (DCAT's dct:accrualPeriodicity);
- `region`: the official code of the region it covers, "" for the portal's own (the programme's region);
- `columns`: a tuple of `core.columns.Column`, what each row shows (the download's header is each label, the
  JSON's and API's field each key); `period_column`: the key of a date column whose earliest and latest values are
  the period it covers ("" for a directory as on the day);
- `rows(day)`: ONLY the rows published on the day, with their public fields only — records, objects or dicts,
  each read by the columns (a dict by its keys);
- `modified(day)`: when it last changed (a datetime or a date), counting rows withdrawn as changes where the app
  can tell; None when nothing was ever published.

This base class is the protocol: the portal reads nothing of a dataset that is not named here. A module declares
each dataset as a `Declared`, saying only what sets it apart: the attributes above as keywords, its rows as a
function of the day, and its last change, most often `changes()` of the rows `published_by()` the day; the columns
that show a model's fields are labelled by them (`field_columns`).
"""

import datetime
import re
import zoneinfo
from abc import ABC, abstractmethod
from collections.abc import Mapping
from functools import cache
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max

from . import modules
from .columns import Column
from .models import Event

# dct:accrualPeriodicity, by the EU's frequency vocabulary (DCAT-AP's): key → the authority's code.
FREQUENCIES = {
    "continuous": "CONT",  # as the office publishes and withdraws rows
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annual": "ANNUAL",
    "irregular": "IRREG",
}
KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Addresses beside the datasets' own under /portal/data/: no dataset may take these keys.
RESERVED = {"catalog"}


class Dataset(ABC):
    key: str
    title: str
    description: str
    rule: str = ""
    publisher: str = ""
    frequency: str = "continuous"
    region: str = ""
    columns: tuple = ()
    period_column: str = ""

    @abstractmethod
    def rows(self, day: datetime.date) -> list:
        """The rows published on the day, public fields only."""

    @abstractmethod
    def modified(self, day: datetime.date):
        """When the dataset last changed as on the day (a datetime or a date), or None."""

    def __repr__(self):
        return f"<{type(self).__name__} {getattr(self, 'key', '?')}>"


# What a dataset says of itself: the attributes a declaration may give.
SAID = ("key", "title", "description", "rule", "publisher", "frequency", "region", "columns", "period_column")


class Declared(Dataset):
    """A dataset declared by its differences: the attributes it says (`SAID`) as keywords, `rows(day)` the function
    giving its published rows (a list, or a queryset read in full) and `modified(day)` the one giving its last
    change (see `changes`)."""

    def __init__(self, *, rows, modified, **said):
        unknown = sorted(set(said) - set(SAID))
        if unknown:
            raise TypeError(f"a dataset says none of {unknown}: only {SAID}")
        vars(self).update(said)
        self._rows, self._modified = rows, modified

    def rows(self, day):
        return list(self._rows(day))

    def modified(self, day):
        return self._modified(day)


def label_of(model, name):
    """The label of the model's field: a column showing that field is headed by it."""
    return model._meta.get_field(name).verbose_name


def field_columns(model, *fields) -> tuple[Column, ...]:
    """The columns showing the model's fields, in the order given, each labelled by its field: names of fields
    (a text of names separated by spaces, as namedtuple takes them; each column reads the row's attribute of that
    name), a (name, value) pair for a cell read otherwise (`Column.value`), or a Column of its own."""
    found = []
    for field in fields:
        if isinstance(field, Column):
            found.append(field)
        elif isinstance(field, str):
            found.extend(Column(name, label_of(model, name)) for name in field.split())
        else:
            name, value = field
            found.append(Column(name, label_of(model, name), value))
    return tuple(found)


def published_by(model, field="published_on", **filters):
    """The rows of the model published by the day — their `field` on or before it — as a function of the day (a
    queryset of the model, filtered further by `filters`)."""
    return lambda day: model.objects.filter(**{f"{field}__lte": day}, **filters)


def readable(row):
    """A row as its columns read it: a dict's keys become attributes, anything else is read as it is."""
    return SimpleNamespace(**row) if isinstance(row, Mapping) else row


def problems(dataset) -> list[str]:
    """What the dataset lacks or gets wrong of the contract (empty when it keeps it)."""
    if not isinstance(dataset, Dataset):
        return [f"{dataset!r} is not a zhichan.core.datasets.Dataset"]
    found = []
    key = getattr(dataset, "key", None)
    if not isinstance(key, str) or not KEY.match(key) or key in RESERVED:
        found.append(f"its key {key!r} is not a slug of lower-case letters, digits and hyphens (nor {RESERVED})")
    for name in ("title", "description"):
        if not getattr(dataset, name, None):
            found.append(f"it has no {name}")
    if dataset.frequency not in FREQUENCIES:
        found.append(f"its frequency {dataset.frequency!r} is not one of {sorted(FREQUENCIES)}")
    if not dataset.columns or not all(isinstance(c, Column) for c in dataset.columns):
        found.append("its columns are not a tuple of core.columns.Column")
    keys = [c.key for c in dataset.columns]
    if len(keys) != len(set(keys)):
        found.append("two of its columns share a key")
    if dataset.period_column and dataset.period_column not in keys:
        found.append(f"its period column {dataset.period_column!r} is not one of its columns")
    return found


@cache
def found() -> dict:
    """key → dataset, over every installed module's `datasets.py`, in INSTALLED_APPS order (read once)."""
    result = {}
    for part in modules.parts("datasets"):
        for dataset in getattr(part, "DATASETS", []):
            wrong = problems(dataset)
            if wrong:
                name = getattr(dataset, "key", dataset)
                raise ImproperlyConfigured(
                    f"{part.__name__}: the dataset {name!r} breaks the contract: {'; '.join(wrong)}"
                )
            if dataset.key in result:
                raise ImproperlyConfigured(f"{part.__name__}: the dataset {dataset.key} is declared twice")
            result[dataset.key] = dataset
    return result


def latest(*moments):
    """The latest of the moments given (datetimes or dates; None ignored), a date read as its day's start."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    stamps = []
    for moment in moments:
        if moment is None:
            continue
        if not isinstance(moment, datetime.datetime):
            moment = datetime.datetime.combine(moment, datetime.time.min, tzinfo=zone)
        stamps.append(moment)
    return max(stamps) if stamps else None


def last_event(model, *kinds) -> datetime.datetime | None:
    """When an event of one of these kinds was last recorded on a row of the model (a withdrawal, say: the row is
    no longer published, but the dataset changed)."""
    rows = Event.objects.filter(content_type=ContentType.objects.get_for_model(model), kind__in=[k.key for k in kinds])
    return rows.aggregate(last=Max("at"))["last"]


def changes(published, *fields, events=()):
    """A dataset's `modified` as most read it: the latest of the fields (the rows' `updated`, their publication day)
    over the rows `published(day)` gives — the rows published by the day, shown still or not (a listing removed
    early changes the list) — and, where `events` names a model and kinds of its events, of the last such event (a
    withdrawal: the row is no longer published, but the dataset changed); None while there is none."""

    def modified(day):
        stamps = published(day).aggregate(*(Max(field) for field in fields))
        return latest(*stamps.values(), last_event(*events) if events else None)

    return modified
