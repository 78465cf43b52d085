"""A synthetic register of Nan'an for the benchmarks: patents of the three types with grants, lapses and
restorations, trademarks with renewals, recorded ends and cancellations, copyrights, designated enterprises,
township populations and approved reported figures, written by COPY.

Every row is marked synthetic and named as test data; `prepare` keeps a register that already has the asked size.
"""

import random
import time
from datetime import date, timedelta

from common import copy_rows

YEARS = (2022, 2024)
BENCH_SOURCE = "基准测试合成数据（虚构）"
ENTERPRISE_PREFIX = "测试企业"


def add_size_arguments(parser, patents=1_000_000, trademarks=150_000, copyrights=30_000, enterprises=5_000):
    parser.add_argument("--patents", type=int, default=patents)
    parser.add_argument("--trademarks", type=int, default=trademarks)
    parser.add_argument("--copyrights", type=int, default=copyrights)
    parser.add_argument("--enterprises", type=int, default=enterprises)
    parser.add_argument("--seed", type=int, default=20221)


def townships():
    from zhichan.core.models import Region, RegionKind

    return list(Region.objects.filter(path__startswith=county().path, kind__in=RegionKind.township_level()))


def county():
    from zhichan.core.models import Region

    return Region.objects.get(code="350583")


def register_size() -> dict:
    """The generated rows of each register (the demo data a benchmark adds beside them does not count)."""
    from zhichan.registry.models import Copyright, Enterprise, Patent, Trademark

    return {
        "patents": Patent.objects.filter(source=BENCH_SOURCE).count(),
        "trademarks": Trademark.objects.filter(source=BENCH_SOURCE).count(),
        "copyrights": Copyright.objects.filter(source=BENCH_SOURCE).count(),
        "enterprises": Enterprise.objects.filter(name__startswith=ENTERPRISE_PREFIX).count(),
    }


def empty_register():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE registry_patent, registry_patentevent, registry_patent_holders, registry_trademark, "
            "registry_trademarkevent, registry_trademark_holders, registry_copyright, registry_copyright_owners, "
            "registry_enterprise, registry_enterprisedesignation, indicators_indicatorvalue CASCADE"
        )


def _day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def fill_patents(rng, count: int, places: list[int]):
    from zhichan.registry.demo.numbers import patent_number
    from zhichan.registry.demo.patents import GRANTS, legal_events
    from zhichan.registry.models import Patent, PatentEvent

    events = []

    def rows():
        types = ["invention"] * 12 + ["utility_model"] * 55 + ["design"] * 33  # Nan'an's mix: mostly utility
        used = set()
        for serial in range(count):
            patent_type = rng.choice(types)
            filing = _day(rng, date(2003, 1, 1), date(2024, 12, 31))
            key = (filing.year, patent_type, rng.randrange(990_000))
            while key in used:
                key = (filing.year, patent_type, rng.randrange(990_000))
            used.add(key)
            share, (low, high) = GRANTS[patent_type]
            granted = filing + timedelta(days=rng.randrange(low, high)) if rng.random() < share else None
            if granted and granted > date(2024, 12, 31):
                granted = None
            if granted:
                events.extend(
                    (serial, day, kind, text) for day, kind, text in legal_events(rng, patent_type, filing, granted)
                )
            yield {
                "application_number": patent_number(*key),
                "patent_type": patent_type,
                "title": f"一种测试装置{serial}",
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "filing_date": filing,
                "grant_date": granted,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }

    copy_rows(Patent, rows())
    ids = dict(Patent.objects.filter(source=BENCH_SOURCE).values_list("title", "pk"))
    copy_rows(
        PatentEvent,
        (
            {"patent_id": ids[f"一种测试装置{serial}"], "date": day, "kind": kind, "text": text}
            for serial, day, kind, text in events
        ),
    )


def fill_trademarks(rng, count: int, places: list[int]):
    from zhichan.registry.models import Trademark, TrademarkEvent

    events = []

    def rows():
        for serial in range(count):
            registered = _day(rng, date(1998, 1, 1), date(2024, 12, 31)) if rng.random() < 0.9 else None
            expiry = None
            if registered:
                renewed = registered + timedelta(days=3652) <= date(2024, 12, 31) and rng.random() < 0.45
                if renewed:
                    events.append((serial, registered + timedelta(days=3500), "renewal", "核准续展注册"))
                if rng.random() < 0.02:
                    events.append((serial, _day(rng, registered, date(2024, 12, 31)), "cancellation", "注销"))
                if rng.random() < 0.5:
                    expiry = registered + timedelta(days=3652 * (2 if renewed else 1) - 1)
            yield {
                "registration_number": str(20_000_000 + serial),
                "mark": f"测试商标{serial}",
                "nice_classes": str(rng.randrange(1, 46)),
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "application_date": registered - timedelta(days=300) if registered else date(2024, 6, 1),
                "registration_date": registered,
                "expiry_date": expiry,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }

    copy_rows(Trademark, rows())
    ids = dict(Trademark.objects.filter(source=BENCH_SOURCE).values_list("registration_number", "pk"))
    copy_rows(
        TrademarkEvent,
        ({"trademark_id": ids[str(20_000_000 + s)], "date": d, "kind": k, "text": t} for s, d, k, t in events),
    )


def fill_others(rng, args, places: list[int]):
    from zhichan.registry.models import Copyright, Enterprise, EnterpriseDesignation

    copy_rows(
        Copyright,
        (
            {
                "registration_number": f"国作登字-{2015 + n % 10}-D-{n:08d}",
                "title": f"测试作品{n}",
                "kind": "work",
                "registration_date": _day(rng, date(2015, 1, 1), date(2024, 12, 31)),
                "region_id": rng.choice(places) if rng.random() < 0.97 else None,
                "source": BENCH_SOURCE,
                "synthetic": True,
            }
            for n in range(args.copyrights)
        ),
    )
    copy_rows(
        Enterprise,
        (
            {"name": f"{ENTERPRISE_PREFIX}{n}有限公司", "region_id": rng.choice(places), "synthetic": True}
            for n in range(args.enterprises)
        ),
    )
    enterprises = list(Enterprise.objects.values_list("pk", flat=True))
    copy_rows(
        EnterpriseDesignation,
        (
            {
                "enterprise_id": rng.choice(enterprises),
                "kind": rng.choice(["ip-demonstration", "ip-advantage", "high-tech"]),
                "level": rng.choice(["national", "provincial", "city"]),
                "granted_on": (granted := _day(rng, date(2016, 1, 1), date(2024, 12, 31))),
                "expires_on": granted + timedelta(days=1095) if rng.random() < 0.5 else None,
            }
            for _n in range(args.enterprises // 10)
        ),
    )


def fill_reported(rng, places):
    """Township populations and a year of approved quarterly figures per element, township and quarter."""
    from django.utils import timezone

    from zhichan.core.models import Population, Unit
    from zhichan.indicators.models import DataElement, DataValue, ValueState
    from zhichan.indicators.periods import parse_period

    Population.objects.filter(source=BENCH_SOURCE).delete()
    Population.objects.bulk_create(
        Population(
            region_id=pk, year=2021, as_of=date(2021, 12, 31), value=rng.randrange(20_000, 120_000), source=BENCH_SOURCE
        )
        for pk in places
    )
    DataValue.objects.all().delete()
    unit = Unit.objects.order_by("pk").first()
    now = timezone.now()
    values = []
    for element in DataElement.objects.all():
        for year in range(YEARS[0], YEARS[1] + 1):
            for quarter in range(1, 5):
                period = parse_period(f"{year}Q{quarter}")
                for region in places:
                    values.append(
                        DataValue(
                            element=element,
                            region_id=region,
                            unit=unit,
                            period=period.key,
                            period_start=period.start,
                            period_end=period.end,
                            value=rng.randrange(0, 5),
                            state=ValueState.APPROVED,
                            approved_at=now,
                        )
                    )
    DataValue.objects.bulk_create(values, batch_size=2000)


def prepare(args):
    """The programme, its indicators and a register of the asked size (kept when it already has that size)."""
    from django.conf import settings
    from django.db import transaction

    from zhichan.core.services.organisation import load_organisation
    from zhichan.indicators.services.loading import load_indicators
    from zhichan.programme.services.loading import load_programme

    load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")
    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    rng = random.Random(args.seed)
    places = [region.pk for region in townships()]
    wanted = {
        "patents": args.patents,
        "trademarks": args.trademarks,
        "copyrights": args.copyrights,
        "enterprises": args.enterprises,
    }
    if register_size() != wanted:
        started = time.perf_counter()
        with transaction.atomic():
            empty_register()
            fill_patents(rng, args.patents, places)
            fill_trademarks(rng, args.trademarks, places)
            fill_others(rng, args, places)
        from django.db import connection

        with connection.cursor() as cursor:
            # What autovacuum does some time after a load: statistics, and the visibility map that lets counts
            # be read from an index alone.
            cursor.execute("VACUUM ANALYZE")
        print(f"register generated in {time.perf_counter() - started:.0f} s")
    with transaction.atomic():
        fill_reported(rng, places)


def all_periods():
    from zhichan.indicators.periods import periods_of

    return [p for kind in ("month", "quarter", "year") for p in periods_of(kind, *YEARS)]
