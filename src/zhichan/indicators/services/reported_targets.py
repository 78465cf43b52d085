"""What the plan's targets ask of a reported figure (a data element), through the indicators that read it:

- a target about named sub-regions (培育建设晋江、德化和南安等一批强县) is held on each sub-region's own figure, so the
  figure is entered for each named sub-region, not for the programme's region;
- a rank (保持全国同类城市前列) is reported with its source, so it is not submitted without one;
- once a figure is approved (or an approved one withdrawn), the readings of the indicators that read it are stale.
"""

from zhichan.programme.models import Target, TargetKind

from ..models import Indicator, Reading
from .compute import names_of


def indicators_by_name() -> dict[str, set[str]]:
    """A formula name (a data element's variable) → the codes of the indicators that read it (one query)."""
    found = {}
    for indicator in Indicator.objects.only("code", "numerator", "denominator"):
        for name in names_of(indicator):
            found.setdefault(name, set()).add(indicator.code)
    return found


def named_places(elements, programme) -> dict[int, list]:
    """element pk → the sub-regions the programme's targets name for an indicator reading it, by code (two
    queries); an element no such target reads is absent."""
    if programme is None or not elements:
        return {}
    targets = (
        Target.objects.filter(programme=programme, subregions__isnull=False).distinct().prefetch_related("subregions")
    )
    places = {}
    for target in targets:
        for region in target.subregions.all():
            places.setdefault(target.indicator, {})[region.pk] = region
    if not places:
        return {}
    by_name = indicators_by_name()
    found = {}
    for element in elements:
        regions = {}
        for code in by_name.get(element.variable, ()):
            regions.update(places.get(code, {}))
        if regions:
            found[element.pk] = sorted(regions.values(), key=lambda region: (region.code or "", region.path))
    return found


def rank_elements(elements) -> set[int]:
    """The pks of the elements read by the indicator of a rank target (of any programme): a rank is reported with
    its source."""
    codes = set(Target.objects.filter(kind=TargetKind.RANK).values_list("indicator", flat=True))
    if not codes or not elements:
        return set()
    by_name = indicators_by_name()
    return {element.pk for element in elements if by_name.get(element.variable, set()) & codes}


def readings_of_element(element) -> list[Reading]:
    """Every programme's readings of the indicators that read the element (one query)."""
    found = Reading.objects.select_related("indicator").order_by("programme", "indicator__code")
    return [reading for reading in found if element.variable in names_of(reading.indicator)]
