"""Published lists and data (open data): the list of datasets, a dataset's page, its downloads in CSV, XLSX and
JSON, and its DCAT metadata — read by anyone without an account. Thin: services/datasets.py reads each dataset's
published rows once and writes every format from them, services/dcat.py the metadata; a key no module declares
answers 404."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from zhichan.core.access import allow
from zhichan.core.roles import EVERYONE
from zhichan.documents.files import attachment

from .cache import published_page
from .services import datasets, dcat

JSON_LD = "application/ld+json; charset=utf-8"


@published_page
@allow(EVERYONE)
def dataset_list(request):
    rows = [datasets.summary(found) for found in datasets.datasets()]
    return render(request, "portal/datasets.html", {"datasets": rows, "licence": datasets.licence()})


@published_page
@allow(EVERYONE)
def dataset_page(request, key):
    found = datasets.dataset(key)
    read = datasets.table(found)
    context = {
        "about": datasets.summary(found, read),
        "columns": found.columns,
        "rows": [
            [(column.label, datasets.text(cell)) for column, cell in zip(found.columns, row, strict=True)]
            for row in read.rows[: datasets.SHOWN_ROWS]
        ],
        "formats": datasets.FORMATS,
    }
    return render(request, "portal/dataset.html", context)


def _modified(response, found, day):
    moment = found.modified(day)
    if moment is not None and hasattr(moment, "timestamp"):
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


@allow(EVERYONE)
def dataset_download(request, key, suffix):
    if suffix not in datasets.FORMATS:
        raise Http404
    found = datasets.dataset(key)
    content, media, name = datasets.download(found, suffix)
    response = HttpResponse(content, content_type=media)
    response["Content-Disposition"] = attachment(name)
    return _modified(response, found, datasets.today())


def _absolute(request):
    return lambda path: request.build_absolute_uri(path)


@allow(EVERYONE)
def dataset_dcat(request, key):
    found = datasets.dataset(key)
    document = dcat.dataset_document(found, _absolute(request))
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1), content_type=JSON_LD)
    return _modified(response, found, datasets.today())


@allow(EVERYONE)
def catalog(request):
    document = dcat.catalog(
        datasets.datasets(), _absolute(request), reverse("portal-catalog"), reverse("portal-datasets")
    )
    return HttpResponse(json.dumps(document, ensure_ascii=False, indent=1), content_type=JSON_LD)
