"""Synthetic copyright registrations: computer software and works (designs, pictures, manuals)."""

from .common import SNAPSHOT, Row, Weighted, day_in, later, rng_for
from .numbers import software_number, work_number
from .profiles import INDUSTRIES, SOURCE

SOFTWARE_KINDS = ("管理系统", "控制软件", "监测平台", "小程序")
WORKS = (  # (category, weight, title pattern)
    ("fine_art", 6, "{brand}{subject}图案设计（{n}）"),
    ("graphic", 2, "{subject}结构示意图（{n}）"),
    ("photography", 2, "{subject}产品摄影作品（{n}）"),
    ("written", 1, "{subject}使用说明书（{n}）"),
)


def copyright_row(rng, holder, serial) -> Row:
    industry = INDUSTRIES[holder.extra["industry"]]
    subject, brand = rng.choice(industry.objects), holder.extra["brand"]
    completed = day_in(rng, rng.randint(2012, 2024))
    registered = min(later(completed, rng, 30, 200), SNAPSHOT)
    published = later(completed, rng, 0, 60)
    fields = {
        "owner_name": holder.fields["name"],
        "completion_date": completed,
        "first_publication_date": published if published <= registered and rng.random() < 0.7 else None,
        "registration_date": registered,
        "source": SOURCE,
    }
    if rng.random() < industry.software:
        fields.update(
            kind="software", category="", title=f"{brand}{subject}{rng.choice(SOFTWARE_KINDS)}V{rng.randint(1, 3)}.0"
        )
        number = software_number(serial)
    else:
        category, _weight, pattern = Weighted(WORKS, [weight for _c, weight, _p in WORKS]).pick(rng)
        fields.update(
            kind="work", category=category, title=pattern.format(brand=brand, subject=subject, n=rng.randint(1, 20))
        )
        number = work_number(registered.year, serial)
    return Row(key=number, region_code=holder.region_code, parties=(holder.key,), fields=fields)


def generate_copyrights(seed: int, enterprises: list[Row], count: int):
    """Yield `count` synthetic registrations owned by the given enterprise rows (prefix-stable for a seed)."""
    rng = rng_for(seed, "copyrights")
    owners = Weighted(enterprises, [row.extra.get("patent_weight", 0) ** 0.5 for row in enterprises])
    for index in range(count):
        yield copyright_row(rng, owners.pick(rng), index + 1)
