"""What the public pages show of the platform beyond the catalogue: the programme, the published outlets, the
links to other platforms (data/portal/links.yaml; plain links, nothing loaded from them)."""

import functools

from django.conf import settings
from django.utils import timezone

from zhichan.core.services.datafile import Reader

from ..models import in_language

LINKS = "data/portal/links.yaml"


@functools.cache
def _links() -> tuple:
    reader = Reader(settings.PROJECT_DIR / LINKS)
    found = []
    for here, item in reader.items(reader.data, "links", required=True):
        reader.only(item, {"name", "name_en", "url"}, here)
        url = reader.get(item, "url", here, required=False, default="")
        if url and not url.startswith("https://"):
            raise reader.error(f"{here}.url", "expected an https:// address")
        found.append(
            (reader.get(item, "name", here), reader.get(item, "name_en", here, required=False, default=""), url)
        )
    return tuple(found)


def links() -> list[dict]:
    return [{"name": in_language(name, name_en), "url": url} for name, name_en, url in _links()]


def running_programme():
    """The programme running today, else the latest (None before any is loaded)."""
    from zhichan.programme.models import Programme

    today = timezone.localdate()
    return (
        Programme.objects.filter(start__lte=today, end__gte=today).select_related("region").order_by("-start").first()
        or Programme.objects.select_related("region").order_by("-end").first()
    )


def programme_facts(programme=None) -> dict | None:
    """The programme running today (else the latest): its name, document and period."""
    programme = programme or running_programme()
    if programme is None:
        return None
    return {
        "name": in_language(programme.name, programme.name_en),
        "document": programme.document_number,
        "issuer": programme.issuer,
        "start": programme.start,
        "end": programme.end,
        "region": programme.region.name,
    }


def published_outlets() -> list[dict]:
    from zhichan.services.services.publication import published_outlets as outlets

    return outlets()
