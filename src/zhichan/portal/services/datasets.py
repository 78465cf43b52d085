"""Published lists and data (open data): every dataset the modules declare in their `datasets.py`
(core/datasets.py), read on a day, as the portal's pages, downloads (CSV, XLSX, JSON), API and DCAT metadata give it.

Nothing here decides what is published: each dataset's `rows(day)` gives only its published rows with their public
fields, and every format below is written from that one reading, so the page, the three downloads and the API
always hold the same rows. The licence is a setting (`ZHICHAN_OPEN_DATA_LICENCE_*`)."""

import csv
import datetime
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from zhichan.core import datasets as contract
from zhichan.core.columns import headers
from zhichan.core.models import Region, Unit, UnitKind
from zhichan.documents import xlsx
from zhichan.programme.models import Programme

from ..models import in_language

FORMATS = ("csv", "xlsx", "json")
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# The EU's file-type vocabulary, which DCAT-AP harvesters read as dct:format.
FILE_TYPES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
LANGUAGES = (("zh-hans", "zh-Hans"), ("en", "en"))  # (Django's code, the tag written in the metadata)
SHOWN_ROWS = 20  # the first rows a dataset's page shows; the downloads hold all


def datasets() -> list:
    """Every declared dataset, in the installed modules' order."""
    return list(contract.found().values())


def titles() -> list[dict]:
    """Each dataset's key and title, without reading its rows (the home page's links)."""
    return [{"key": found.key, "title": str(found.title)} for found in datasets()]


def dataset(key: str):
    """The dataset of that key, or 404: an address guessed for anything not declared answers nothing."""
    found = contract.found().get(key)
    if found is None:
        raise Http404(_("No such dataset."))
    return found


def today() -> datetime.date:
    return timezone.localdate()


# --- the cells ---------------------------------------------------------------------------------------------------


def plain(value):
    """A cell as the JSON download, the API and the CSV carry it: text, a whole or decimal number, true/false, an
    ISO date or time, or null."""
    if isinstance(value, Promise):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat(timespec="seconds") if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return "；".join(str(plain(item)) for item in value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return str(value)


def text(value) -> str:
    """A plain cell as CSV text."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def workbook_cell(value):
    """A cell as the workbook writes it: dates as dates, numbers as numbers, the rest as its plain text."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, Decimal):
        return plain(value)
    return plain(value)


@dataclass
class Table:
    """A dataset read on a day: its columns and every published row as the columns read it (raw values)."""

    dataset: object
    day: datetime.date
    rows: list

    @property
    def columns(self):
        return self.dataset.columns

    def records(self) -> list[dict]:
        """The rows as {column key: plain value}."""
        keys = [column.key for column in self.columns]
        return [dict(zip(keys, (plain(cell) for cell in row), strict=True)) for row in self.rows]


def table(found, day: datetime.date | None = None) -> Table:
    day = day or today()
    rows = [[column.of(contract.readable(row)) for column in found.columns] for row in found.rows(day)]
    return Table(found, day, rows)


# --- what the page, the metadata and the API say of a dataset ------------------------------------------------------


def home_region():
    """The region the portal serves: the programme's running today (else the latest), else the organisation of
    the first programme office."""
    day = today()
    programme = (
        Programme.objects.filter(start__lte=day, end__gte=day).select_related("region").order_by("-start").first()
        or Programme.objects.select_related("region").order_by("-end").first()
    )
    if programme is not None:
        return programme.region
    office = Unit.objects.filter(kind=UnitKind.OFFICE).select_related("organisation").order_by("pk").first()
    return office.organisation if office else None


def region_of(found):
    if found.region:
        return Region.objects.filter(code=found.region).first()
    return home_region()


def publisher_of(key: str):
    """The publishing unit: the unit of that key in the organisation of the region the portal serves, else (no key,
    or none of that key) its programme office."""
    region = home_region()
    units = Unit.objects.filter(organisation=region) if region is not None else Unit.objects.all()
    unit = units.filter(key=key).first() if key else None
    return unit or units.filter(kind=UnitKind.OFFICE).order_by("pk").first()


def unit_names(unit) -> dict:
    """The unit's name in each language of the metadata."""
    if unit is None:
        return {}
    return {"zh-hans": unit.name, "en": unit.name_en or unit.name}


def licence() -> dict:
    """The licence every dataset is published under: a setting (id, title, address)."""
    title = getattr(settings, "ZHICHAN_OPEN_DATA_LICENCE_TITLE", "") or _(
        "Creative Commons Attribution 4.0 International (CC BY 4.0): free to use, name the source"
    )
    return {
        "id": getattr(settings, "ZHICHAN_OPEN_DATA_LICENCE_ID", "CC-BY-4.0"),
        "title": str(title),
        "url": getattr(settings, "ZHICHAN_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
    }


FREQUENCY_WORDS = {
    "continuous": _("as published and withdrawn"),
    "daily": _("daily"),
    "weekly": _("weekly"),
    "monthly": _("monthly"),
    "quarterly": _("quarterly"),
    "annual": _("yearly"),
    "irregular": _("irregularly"),
}


def frequency_words(found) -> str:
    return str(FREQUENCY_WORDS[found.frequency])


def period_of(found, read: Table) -> tuple:
    """(first day, last day) the dataset covers: the earliest and latest of its period column, or (None, the day)
    for a directory as on the day."""
    if not found.period_column:
        return None, read.day
    index = [column.key for column in found.columns].index(found.period_column)
    days = [row[index] for row in read.rows if isinstance(row[index], datetime.date)]
    days = [day.date() if isinstance(day, datetime.datetime) else day for day in days]
    return (min(days), max(days)) if days else (None, read.day)


def links(found) -> dict:
    """The dataset's addresses (paths): its page, each download, its DCAT and its API."""
    return {
        "page": reverse("portal-dataset", kwargs={"key": found.key}),
        "api": reverse("api:public-dataset-detail", kwargs={"key": found.key}),
        "dcat": reverse("portal-dataset-dcat", kwargs={"key": found.key}),
        **{
            suffix: reverse("portal-dataset-download", kwargs={"key": found.key, "suffix": suffix})
            for suffix in FORMATS
        },
    }


def summary(found, read: Table | None = None) -> dict:
    """What the pages and the API say of a dataset on the day (its rows read once)."""
    read = read or table(found)
    region = region_of(found)
    publisher = publisher_of(found.publisher)
    start, end = period_of(found, read)
    return {
        "key": found.key,
        "title": str(found.title),
        "description": str(found.description),
        "rule": str(found.rule),
        "publisher": in_language(publisher.name, publisher.name_en) if publisher else "",
        "licence": licence(),
        "frequency": frequency_words(found),
        "region": region.display_name if region else "",
        "region_code": region.code if region else "",
        "period_start": start,
        "period_end": end,
        "modified": found.modified(read.day),
        "count": len(read.rows),
        "links": links(found),
    }


def document(found, read: Table | None = None) -> dict:
    """The dataset as the JSON download and the API give it: what it is, its columns and all its rows."""
    read = read or table(found)
    about = summary(found, read)
    return {
        **{name: plain(value) for name, value in about.items() if name != "links"},
        "columns": [{"key": column.key, "label": str(column.label)} for column in found.columns],
        "rows": read.records(),
    }


# --- the downloads ---------------------------------------------------------------------------------------------


def filename(found, day: datetime.date, suffix: str) -> str:
    return f"{found.title}-{found.key}-{day:%Y%m%d}.{suffix}"


def as_csv(found, read: Table) -> bytes:
    """UTF-8 with a byte-order mark (so Excel and WPS read the Chinese), a header of the columns' labels, every
    row; a cell a spreadsheet would run as a formula is written with a leading apostrophe, as the workbooks do."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(found.columns))
    for row in read.rows:
        writer.writerow([xlsx.safe(text(cell)) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(found, read: Table) -> bytes:
    note = _("%(title)s · %(publisher)s · as on %(day)s · %(licence)s") % {
        "title": found.title,
        "publisher": summary_publisher(found),
        "day": f"{read.day:%Y-%m-%d}",
        "licence": licence()["title"],
    }
    sheet = xlsx.Sheet(
        str(found.title),
        headers(found.columns),
        [[workbook_cell(cell) for cell in row] for row in read.rows],
        note,
        widths=[column.width for column in found.columns],
    )
    return xlsx.Workbook(filename(found, read.day, "xlsx"), [sheet], len(read.rows)).render()


def summary_publisher(found) -> str:
    publisher = publisher_of(found.publisher)
    return in_language(publisher.name, publisher.name_en) if publisher else ""


def as_json(found, read: Table) -> bytes:
    return json.dumps(document(found, read), ensure_ascii=False, indent=1).encode("utf-8")


WRITERS = {"csv": as_csv, "xlsx": as_xlsx, "json": as_json}


def download(found, suffix: str, day: datetime.date | None = None) -> tuple[bytes, str, str]:
    """(content, media type, file name) of the dataset in one of FORMATS."""
    read = table(found, day)
    content = WRITERS[suffix](found, read)
    media = MEDIA_TYPES[suffix] + ("; charset=utf-8" if suffix in ("csv", "json") else "")
    return content, media, filename(found, read.day, suffix)
