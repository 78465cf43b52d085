"""Who may open each page and endpoint of the indicators, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from datetime import date

from django.utils import timezone

from zhichan.core.models import Region, Unit
from zhichan.core.roles import SEE_ALL, STAFF

from ..core.permissions import OFFICE, PEOPLE_WRITERS, Draft

EXPECTED = {
    "api:api-dashboard": (STAFF, STAFF),
    "indicator-list": (STAFF, STAFF),
    "indicator-compute": (OFFICE, OFFICE),
    "indicator-detail": (STAFF, STAFF),
    "indicator-reading-change": (OFFICE, OFFICE),
    "indicator-reading-publish": (OFFICE, OFFICE),
    "programmes-side-by-side": (STAFF, STAFF),
    "api:reading-list": (STAFF, OFFICE),
    "api:reading-detail": (STAFF, OFFICE),
    "indicator-value": (STAFF, STAFF),
    "indicator-value-export": (STAFF, STAFF),
    "dashboard": (STAFF, STAFF),
    "dashboard-export": (STAFF, STAFF),
    "township-comparison": (STAFF, STAFF),
    "township-comparison-export": (STAFF, STAFF),
    "display": (STAFF, STAFF),
    "data-entry": (STAFF, PEOPLE_WRITERS),
    "data-review": (SEE_ALL, OFFICE),
    "data-elements": (STAFF, STAFF),
    "datavalue-approve": (OFFICE, OFFICE),
    "datavalue-return": (OFFICE, OFFICE),
    "api:indicator-list": (STAFF, OFFICE),
    "api:indicator-detail": (STAFF, OFFICE),
    "api:indicatorvalue-list": (STAFF, OFFICE),
    "api:indicatorvalue-detail": (STAFF, OFFICE),
    "api:indicatorvalue-records": (STAFF, OFFICE),
    "api:dataelement-list": (STAFF, OFFICE),
    "api:dataelement-detail": (STAFF, OFFICE),
    "api:datavalue-list": (STAFF, PEOPLE_WRITERS),
    "api:datavalue-detail": (STAFF, PEOPLE_WRITERS),
    "api:validationrule-list": (STAFF, OFFICE),
    "api:validationrule-detail": (STAFF, OFFICE),
}


def rows(users):
    """An indicator with values in and out of the township liaison's region, and reported figures of two units."""
    from zhichan.indicators.models import DataElement, DataValue, Indicator, IndicatorValue, Reading

    indicator = Indicator.objects.create(code="t", name="t", unit_of_measure="件", numerator="valid_trademarks")
    reading = Reading.objects.create(programme="nanan-2022", indicator=indicator)
    element = DataElement.objects.create(code="e", name="e", unit_of_measure="件", value_type="integer")
    for code in ["350583", "350583119", "350583001"]:
        IndicatorValue.objects.create(
            reading=reading,
            indicator=indicator,
            region=Region.objects.get(code=code),
            period="2024",
            period_end=date(2024, 12, 31),
            value=1,
            numerator=1,
            inputs={"values": {"valid_trademarks": 1}},
            computed_at=timezone.now(),
        )
    for unit_key in ["amr", "region-350583119"]:
        unit = Unit.objects.get(key=unit_key)
        DataValue.objects.create(
            element=element,
            region=unit.region,
            period="2024Q1",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 3, 31),
            value=1,
            unit=unit,
            state="submitted",
        )


def drafts(users):
    """A figure the court has saved but not submitted, for a region (the county) the market regulator shares."""
    from zhichan.indicators.models import DataElement
    from zhichan.indicators.services.entry import save_value

    court = Unit.objects.get(key="court")
    element = DataElement.objects.create(
        code="draft-e", name="法院草稿数据项", unit_of_measure="件", value_type="integer"
    )
    element.units.add(court)

    def value(submit=False):
        return save_value(element, court, "2024Q2", "424242", users["court-liaison"], "草稿批注甲乙丙", submit=submit)

    return [
        Draft(
            row=value(),
            markers=["424,242", "424242", "草稿批注甲乙丙"],
            owner="court-liaison",
            submit=lambda: value(submit=True),
            # Submitted, it is read by the office and the leadership, and by liaisons of units in its region.
            seen_after={"office", "leader", "court-liaison", "amr-liaison"},
            pages={
                "data-entry": ["?period=2024Q2"],
                "data-review": [f"?state={state}" for state in ("draft", "returned", "submitted", "approved")],
            },
        )
    ]
