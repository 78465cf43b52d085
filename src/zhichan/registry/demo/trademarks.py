"""Synthetic trademarks (with renewals, a few cancellations and revocations), collective and GI marks."""

from datetime import timedelta

from faker import Faker

from ..terms import last_day_of_term
from .common import SNAPSHOT, Row, Weighted, day_in, later, rng_for, year_weights
from .numbers import trademark_number
from .profiles import AGENCIES, INDUSTRIES, NAME_CHARACTERS, SOURCE, TOWNSHIPS

RENEWED_SHARE = 0.6  # synthetic
OTHER_EVENTS = (
    (0.01, "revocation", "撤销连续三年不使用注册商标", 3 * 365),
    (0.02, "transfer", "商标转让", 200),
    (0.01, "licence", "商标使用许可备案", 200),
    (0.005, "pledge", "商标专用权质权登记", 200),
)
INDIVIDUAL_SHARE = 0.05


def mark_events(rng, registered):
    """Renewals term after term (or, unrenewed, sometimes a cancellation), then other events; to the snapshot."""
    events, terms = [], 1
    while True:
        end = last_day_of_term(registered, terms)
        if end >= SNAPSHOT:
            break
        if rng.random() < RENEWED_SHARE:
            events.append((end - timedelta(days=rng.randint(0, 330)), "renewal", "商标续展"))
            terms += 1
            continue
        cancelled = end + timedelta(days=rng.randint(200, 400))
        if cancelled <= SNAPSHOT and rng.random() < 0.5:
            events.append((cancelled, "cancellation", "商标注销"))
        break
    for chance, kind, text, after in OTHER_EVENTS:
        if rng.random() < chance:
            day = later(registered, rng, after, after + 1500)
            if day <= min(SNAPSHOT, last_day_of_term(registered, terms)):
                events.append((day, kind, text))
    return events, last_day_of_term(registered, terms)


def mark_row(
    rng,
    number,
    mark,
    classes,
    *,
    applicant,
    owners,
    address,
    code,
    applied,
    kind="ordinary",
    gi_mark=False,
    madrid_chance=0.0,
) -> Row:
    published = later(applied, rng, 200, 330)
    registered = published + timedelta(days=91)
    fields = {
        "mark": mark,
        "nice_classes": ";".join(str(number) for number in classes),
        "kind": kind,
        "gi_mark": gi_mark,
        "applicant_name": applicant,
        "address": address,
        "application_date": applied,
        "preliminary_publication_date": published if published <= SNAPSHOT else None,
        "registration_date": registered if registered <= SNAPSHOT else None,
        "agency": rng.choice(AGENCIES) if rng.random() < 0.8 else "",
        "source": SOURCE,
    }
    events = []
    if fields["registration_date"]:
        events, fields["expiry_date"] = mark_events(rng, registered)
        international = later(registered, rng, 100, 900)
        if rng.random() < madrid_chance and international <= SNAPSHOT:
            fields["madrid"], fields["international_registration_date"] = True, international
    return Row(key=number, region_code=code, parties=owners, events=events, fields=fields)


def brand_of(rng, holder) -> str:
    brand = holder.extra["brand"] if holder and rng.random() < 0.6 else "".join(rng.sample(NAME_CHARACTERS, 2))
    return rng.choice((brand, brand, f"{brand}及图", "图形（演示）"))


def generate_trademarks(seed: int, enterprises: list[Row], count: int, serial_limit: int = 90_000_000):
    """Yield `count` synthetic ordinary marks held by the given enterprise rows (prefix-stable for a seed)."""
    rng = rng_for(seed, "trademarks")
    faker = Faker("zh_CN")
    faker.seed_instance(seed + 11)
    holders = Weighted(enterprises, [row.extra.get("trademark_weight", 0) for row in enterprises])
    townships = Weighted(TOWNSHIPS, [weight for _name, weight, _industries in TOWNSHIPS.values()])
    years = year_weights(2006, 2024)
    used = set()
    for _index in range(count):
        while True:
            serial = rng.randrange(serial_limit)
            if serial not in used:
                used.add(serial)
                break
        if rng.random() < INDIVIDUAL_SHARE:
            code = townships.pick(rng)
            industries = TOWNSHIPS[code][2]
            industry = INDUSTRIES[Weighted(industries, industries.values()).pick(rng)]
            holder, owners, applicant = None, (), faker.name()
            address = f"南安市{TOWNSHIPS[code][0]}（演示地址）"
        else:
            holder = holders.pick(rng)
            industry = INDUSTRIES[holder.extra["industry"]]
            owners, applicant, code = (holder.key,), holder.fields["name"], holder.region_code
            address = holder.fields["address"]
        nice = Weighted(industry.nice, [4, 2, 1, 1][: len(industry.nice)])
        classes = sorted({nice.pick(rng) for _ in range(1 if rng.random() < 0.85 else 2)})
        big = holder is not None and holder.fields.get("size") in ("medium", "large")
        yield mark_row(
            rng,
            trademark_number(serial),
            brand_of(rng, holder),
            classes,
            applicant=applicant,
            owners=owners,
            address=address,
            code=code,
            applied=day_in(rng, years.pick(rng)),
            madrid_chance=0.08 if big else 0.0,
        )


# Synthetic geographical indications: invented names only, each marked 虚构; no real product is named.
GIS = [
    ("演示峰乌龙茶（虚构）", "gi_mark", "tea", "350583104", "茶叶", 30),
    ("演示溪芦柑（虚构）", "gi_mark", "tea", "350583105", "水果", 31),
    ("演示岭白茶（虚构）", "gi_product", "tea", "350583107", "茶叶", None),
    ("演示坑龙眼干（虚构）", "gi_product", "tea", "350583106", "干果", None),
    ("演示湾石雕（虚构）", "gi_product", "stone", "350583119", "工艺品", None),
]
COLLECTIVE = [
    ("stone", "南安演示石材（集体商标）", 19),
    ("plumbing", "南安演示水暖（集体商标）", 11),
    ("machinery", "南安演示石材机械（集体商标）", 7),
]


def generate_association_marks(seed: int, associations: list[Row]) -> list[Row]:
    """Collective marks of the industry associations and the certification marks of the GI marks."""
    rng = rng_for(seed, "association-marks")
    by_industry = {row.extra["industry"]: row for row in associations}
    rows = []
    for index, (industry, mark, nice) in enumerate(COLLECTIVE):
        owner = by_industry[industry]
        rows.append(
            mark_row(
                rng,
                trademark_number(99_900_000 + index),
                mark,
                [nice],
                applicant=owner.fields["name"],
                owners=(owner.key,),
                address=owner.fields["address"],
                code=owner.region_code,
                applied=day_in(rng, rng.randint(2010, 2018)),
                kind="collective",
            )
        )
    for index, (name, kind, industry, code, _category, nice) in enumerate(GIS):
        if kind != "gi_mark":
            continue
        owner = by_industry[industry]
        rows.append(
            mark_row(
                rng,
                trademark_number(99_910_000 + index),
                name,
                [nice],
                applicant=owner.fields["name"],
                owners=(owner.key,),
                address=owner.fields["address"],
                code=code,
                applied=day_in(rng, rng.randint(2012, 2020)),
                kind="certification",
                gi_mark=True,
            )
        )
    return rows


def generate_gis(seed: int, associations: list[Row], marks: list[Row]) -> list[Row]:
    """The synthetic geographical indications; a GI mark points at its certification mark (by number)."""
    rng = rng_for(seed, "gis")
    by_industry = {row.extra["industry"]: row for row in associations}
    mark_numbers = {row.fields["mark"]: row.key for row in marks if row.fields["gi_mark"]}
    rows = []
    for index, (name, kind, industry, code, category, _nice) in enumerate(GIS):
        owner = by_industry[industry]
        township = TOWNSHIPS[code][0]
        approved = day_in(rng, rng.randint(2012, 2022))
        rows.append(
            Row(
                key=name,
                region_code=code,
                parties=(owner.key,),
                fields={
                    "kind": kind,
                    "holder_name": owner.fields["name"],
                    "approval_date": approved,
                    "announcement_number": f"演示公告{approved.year}年第{index + 1}号（虚构）",
                    "area": f"南安市{township}及周边村（演示）",
                    "product_category": category,
                    "source": SOURCE,
                },
                extra={"trademark": mark_numbers.get(name)},
            )
        )
    return rows
