"""DCAT metadata of the published datasets, as DCAT-AP in JSON-LD, for provincial and national portals to harvest
(the way CKAN's and uData's DCAT exports are read): a `dcat:Catalog` of every dataset, and each dataset alone.

Each dataset carries its title and description in Chinese and English, its publisher (`foaf:Agent`), licence
(`dct:LicenseDocument`, the setting), last change (`dct:modified`), the region covered (`dct:Location` with the
official division code), the period covered (`dct:PeriodOfTime`), how often it changes (the EU frequency
vocabulary), its page (`dcat:landingPage`) and three `dcat:Distribution`s — CSV, XLSX and JSON — each with its
`dcat:downloadURL`, `dcat:accessURL`, `dcat:mediaType` (IANA) and `dct:format` (the EU file types)."""

from django.utils import translation
from django.utils.translation import gettext as _

from zhichan.core.datasets import FREQUENCIES

from .datasets import (
    FILE_TYPES,
    FORMATS,
    LANGUAGES,
    MEDIA_TYPES,
    home_region,
    licence,
    links,
    period_of,
    publisher_of,
    region_of,
    table,
    unit_names,
)

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "locn": "http://www.w3.org/ns/locn#",
}
MEDIA_TYPE_BASE = "https://www.iana.org/assignments/media-types/"
FILE_TYPE_BASE = "http://publications.europa.eu/resource/authority/file-type/"
FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/"
LANGUAGE_URI = "http://publications.europa.eu/resource/authority/language/"


def _languages(render) -> list[dict]:
    """A text in each language of the metadata: `render()` read under each."""
    found = []
    for code, tag in LANGUAGES:
        with translation.override(code):
            found.append({"@value": str(render()), "@language": tag})
    return found


def _named(values: dict) -> list[dict]:
    return [{"@value": values[code], "@language": tag} for code, tag in LANGUAGES if code in values]


def _stamp(moment) -> dict | None:
    if moment is None:
        return None
    kind = "xsd:dateTime" if hasattr(moment, "hour") else "xsd:date"
    return {"@value": moment.isoformat(), "@type": kind}


def _licence() -> dict:
    found = licence()
    return {
        "@id": found["url"],
        "@type": "dct:LicenseDocument",
        "dct:title": found["title"],
        "dct:identifier": found["id"],
    }


def _agent(unit) -> dict:
    return {"@type": "foaf:Agent", "foaf:name": _named(unit_names(unit))}


def _location(region) -> dict:
    if region is None:
        return {"@type": "dct:Location"}
    return {
        "@type": "dct:Location",
        "dct:identifier": region.code,
        "skos:prefLabel": _named({"zh-hans": region.name, "en": getattr(region, "name_en", "") or region.name}),
    }


def dataset_node(found, absolute) -> dict:
    """One dataset as a `dcat:Dataset` node; `absolute(path)` gives an address in full."""
    read = table(found)
    region = region_of(found)
    start, end = period_of(found, read)
    addresses = links(found)
    page = absolute(addresses["page"])
    temporal = {"@type": "dct:PeriodOfTime"}
    if start:
        temporal["dcat:startDate"] = _stamp(start)
    if end:
        temporal["dcat:endDate"] = _stamp(end)
    node = {
        "@id": f"{page}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": found.key,
        "dct:title": _languages(lambda: found.title),
        "dct:description": _languages(lambda: found.description),
        "dct:publisher": _agent(publisher_of(found.publisher)),
        "dct:license": _licence(),
        "dct:spatial": _location(region),
        "dct:temporal": temporal,
        "dct:accrualPeriodicity": {"@id": FREQUENCY_BASE + FREQUENCIES[found.frequency]},
        "dct:language": [{"@id": LANGUAGE_URI + "ZHO"}],
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [
            {
                "@id": absolute(addresses[suffix]),
                "@type": "dcat:Distribution",
                "dct:title": f"{found.key}.{suffix}",
                "dcat:downloadURL": {"@id": absolute(addresses[suffix])},
                "dcat:accessURL": {"@id": page},
                "dcat:mediaType": {"@id": MEDIA_TYPE_BASE + MEDIA_TYPES[suffix]},
                "dct:format": {"@id": FILE_TYPE_BASE + FILE_TYPES[suffix]},
                "dct:license": _licence(),
            }
            for suffix in FORMATS
        ],
    }
    modified = found.modified(read.day)
    if modified is not None:
        node["dct:modified"] = _stamp(modified)
    return node


def dataset_document(found, absolute) -> dict:
    return {"@context": CONTEXT, **dataset_node(found, absolute)}


def catalog(found_all, absolute, catalog_path: str, home_path: str) -> dict:
    """The catalogue of every dataset; its `dct:modified` is the latest of theirs."""
    nodes = [dataset_node(found, absolute) for found in found_all]
    stamps = [node["dct:modified"]["@value"] for node in nodes if "dct:modified" in node]
    region = home_region()
    office = publisher_of("")
    document = {
        "@context": CONTEXT,
        "@id": absolute(catalog_path),
        "@type": "dcat:Catalog",
        "dct:title": _languages(lambda: _("Nan'an one-stop IP public services: published data")),
        "dct:description": _languages(
            lambda: _("The lists and data the programme office publishes, with their downloads and licence.")
        ),
        "dct:publisher": _agent(office),
        "dct:license": _licence(),
        "dct:spatial": _location(region),
        "dct:language": [{"@id": LANGUAGE_URI + "ZHO"}, {"@id": LANGUAGE_URI + "ENG"}],
        "foaf:homepage": {"@id": absolute(home_path)},
        "dcat:dataset": nodes,
    }
    if stamps:
        document["dct:modified"] = {"@value": max(stamps), "@type": "xsd:dateTime"}
    return document
