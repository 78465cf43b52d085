"""The demo enterprise user's own portfolio, so its workbench has something to show.

Filing dates are spread evenly over the calendar year, so on any day a few annuities fall due within the
next month; registration dates of its marks are spread every six months, so a term is always ending within
half a year. Both without looking at today's date: the same seed always gives the same records.
"""

from datetime import date, timedelta

from ..terms import anniversary
from .common import SNAPSHOT, Row, rng_for
from .copyrights import copyright_row
from .numbers import trademark_number
from .patents import patent_row
from .profiles import INDUSTRIES
from .trademarks import mark_row

# (type, filing years, how many); synthetic.
PORTFOLIO = [("invention", (2015, 2022), 8), ("utility_model", (2017, 2023), 22), ("design", (2019, 2023), 6)]
PENDING = [("invention", 2024), ("invention", 2024), ("utility_model", 2024)]
LAPSED = 2  # patents whose annuity was not paid (one of them restored)
MARKS = 20
COPYRIGHTS = 6


def portfolio_patents(seed: int, holder: Row) -> list[Row]:
    rng = rng_for(seed, "portfolio-patents")
    industry = INDUSTRIES[holder.extra["industry"]]
    total = sum(count for _type, _years, count in PORTFOLIO)
    used, rows, position = set(), [], 0
    common = {
        "owners": (holder.key,),
        "applicants": holder.fields["name"],
        "address": holder.fields["address"],
        "code": holder.region_code,
        "serial_range": (990_000, 1_000_000),
    }
    for patent_type, (first, last), count in PORTFOLIO:
        for index in range(count):
            year = first + index % (last - first + 1)
            filing = date(year, 1, 1) + timedelta(days=(position * 365 // total + rng.randint(0, 4)) % 365)
            position += 1
            granted = filing + timedelta(
                days=rng.randint(500, 900) if patent_type == "invention" else rng.randint(150, 300)
            )
            inventors = rng.sample(holder.extra["inventors"], rng.randint(1, 3))
            rows.append(
                patent_row(
                    rng,
                    industry,
                    patent_type,
                    year,
                    used,
                    0,
                    filing=filing,
                    granted=granted,
                    lapses=False,
                    inventors=inventors,
                    **common,
                )
            )
    for index, row in enumerate(rows[-LAPSED:]):  # the last designs: one lapsed, one lapsed and restored
        filed, granted = row.fields["filing_date"], row.fields["grant_date"]
        due = anniversary(filed, granted.year - filed.year + 1)
        row.events.append((due, "lapse", "未缴年费专利权终止"))
        if index:
            row.events.append((due + timedelta(days=120), "restoration", "专利权的恢复"))
    for patent_type, year in PENDING:
        inventors = rng.sample(holder.extra["inventors"], 2)
        # A grant after the snapshot is not recorded: the application is still pending.
        rows.append(
            patent_row(
                rng,
                industry,
                patent_type,
                year,
                used,
                0,
                granted=SNAPSHOT + timedelta(days=1),
                inventors=inventors,
                **common,
            )
        )
    return rows


def portfolio_marks(seed: int, holder: Row) -> list[Row]:
    rng = rng_for(seed, "portfolio-marks")
    industry = INDUSTRIES[holder.extra["industry"]]
    rows = []
    for index in range(MARKS):
        target = date(2014, 1, 15) + timedelta(days=index * 182)
        applied = target - timedelta(days=91 + 265)
        mark = rng.choice(("示例", "示例及图", "SHILI", "示例石", "图形（演示）"))
        classes = [industry.nice[index % 2]]
        rows.append(
            mark_row(
                rng,
                trademark_number(99_800_000 + index),
                mark,
                classes,
                applicant=holder.fields["name"],
                owners=(holder.key,),
                address=holder.fields["address"],
                code=holder.region_code,
                applied=applied,
                madrid_chance=0.1,
            )
        )
    return rows


def portfolio_copyrights(seed: int, holder: Row) -> list[Row]:
    rng = rng_for(seed, "portfolio-copyrights")
    return [copyright_row(rng, holder, 9_000_000 + index) for index in range(COPYRIGHTS)]
