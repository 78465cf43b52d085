"""Synthetic enterprises: where they are, what they make, how large, which titles they hold."""

from datetime import date

from faker import Faker

from ..signals import DEMO_REGION, DEMO_USCC_BODY
from ..terms import anniversary
from .common import Row, Weighted, day_in, rng_for
from .numbers import demo_uscc
from .profiles import INDUSTRIES, NAME_CHARACTERS, SIZES, SOURCE, TOWNSHIPS

DEMO_NAME = "南安示例石材有限公司"  # the demo enterprise user's enterprise (registry/signals.py)
INSTITUTION_NAMES = ("知识产权部", "法务与知识产权部", "技术中心知识产权办公室")
# (share with an IP institution, with an IP strategy) by size; synthetic.
MANAGEMENT = {"large": (0.8, 0.6), "medium": (0.5, 0.3), "small": (0.15, 0.05), "micro": (0.03, 0.0)}
# (kind, level, chance by size, years it runs or None); synthetic.
DESIGNATIONS = [
    ("high-tech", "national", {"large": 0.6, "medium": 0.35, "small": 0.1, "micro": 0.01}, 3),
    ("specialised", "provincial", {"medium": 0.2, "small": 0.08}, 3),
    ("little-giant", "national", {"medium": 0.05, "large": 0.05}, 3),
    ("ip-advantage", "provincial", {"large": 0.3, "medium": 0.1, "small": 0.02}, None),
    ("ip-demonstration", "national", {"large": 0.15, "medium": 0.03}, None),
    ("lead-goose", "county", {"large": 0.3, "medium": 0.05}, None),
]
ASSOCIATIONS = [
    ("stone", "350583119", "南安市演示石材行业协会（虚构）"),
    ("plumbing", "350583101", "南安市演示水暖厨卫行业协会（虚构）"),
    ("machinery", "350583113", "南安市演示机械行业协会（虚构）"),
    ("tea", "350583104", "南安市演示特色农产品协会（虚构）"),
]


def demo_uscc_of_user() -> str:
    from stdnum.cn import uscc

    return DEMO_USCC_BODY + uscc.calc_check_digit(DEMO_USCC_BODY)


def _designations(rng, size):
    rows = []
    for kind, level, chances, years in DESIGNATIONS:
        if rng.random() < chances.get(size, 0):
            granted = day_in(rng, rng.randint(2016, 2024))
            expires = anniversary(granted, years) if years else None
            rows.append((kind, level, granted, expires))
    return rows


def _address(rng, township):
    return f"南安市{township}工业区{rng.randint(1, 300)}号（演示地址）"


def generate_enterprises(seed: int, count: int) -> list[Row]:
    """`count` synthetic enterprises; the same seed and count give the same list (prefix-stable)."""
    rng = rng_for(seed, "enterprises")
    faker = Faker("zh_CN")
    faker.seed_instance(seed)
    townships = Weighted(TOWNSHIPS, [weight for _name, weight, _industries in TOWNSHIPS.values()])
    sizes = Weighted(SIZES, [share for share, _factor in SIZES.values()])
    names, rows = set(), []
    for index in range(count):
        code = townships.pick(rng)
        township, _weight, industries = TOWNSHIPS[code]
        industry = INDUSTRIES[Weighted(industries, industries.values()).pick(rng)]
        size = sizes.pick(rng)
        for _attempt in range(20):
            brand = "".join(rng.sample(NAME_CHARACTERS, 2))
            prefix = rng.choice(("南安市", "南安市", "福建", "泉州"))
            suffix = "股份有限公司" if size == "large" and rng.random() < 0.5 else "有限公司"
            name = f"{prefix}{brand}{rng.choice(industry.names)}{suffix}（演示）"
            if name not in names:
                break
        else:
            name = f"南安市{brand}{industry.names[0]}第{index + 1}有限公司（演示）"
        names.add(name)
        has_institution, has_strategy = (rng.random() < share for share in MANAGEMENT[size])
        factor = SIZES[size][1]
        rows.append(
            Row(
                key=demo_uscc(index + 1),
                region_code=code,
                fields={
                    "name": name,
                    "address": _address(rng, township),
                    "industry_code": rng.choice(industry.codes),
                    "size": size,
                    "ip_institution": has_institution,
                    "ip_institution_name": rng.choice(INSTITUTION_NAMES) if has_institution else "",
                    "ip_staff_full_time": rng.randint(1, 4 if size == "large" else 2) if has_institution else 0,
                    "ip_strategy": has_strategy,
                    "ip_strategy_adopted": day_in(rng, rng.randint(2015, 2024)) if has_strategy else None,
                    "ip_strategy_note": SOURCE if has_strategy else "",
                },
                extra={
                    "industry": industry.key,
                    "brand": brand,
                    "designations": _designations(rng, size),
                    "patent_weight": factor * rng.lognormvariate(0, 1),
                    "trademark_weight": factor**0.7 * rng.lognormvariate(0, 0.8),
                    "inventors": [faker.name() for _ in range(min(3 + int(2 * factor), 40))],
                },
            )
        )
    return rows


def association_rows() -> list[Row]:
    """Industry associations (social organisations, USCC 51…) that hold the collective and GI marks."""
    rows = []
    for index, (industry, code, name) in enumerate(ASSOCIATIONS):
        township = TOWNSHIPS[code][0]
        rows.append(
            Row(
                key=demo_uscc(index + 1, entity="51"),
                region_code=code,
                fields={"name": name, "address": f"南安市{township}（演示地址）"},
                extra={"industry": industry, "brand": "", "designations": [], "inventors": []},
            )
        )
    return rows


def demo_enterprise_row(seed: int) -> Row:
    """The demo enterprise user's enterprise, with the fields the signal does not set."""
    faker = Faker("zh_CN")
    faker.seed_instance(seed + 1)
    granted = date(2021, 12, 10)
    return Row(
        key=demo_uscc_of_user(),
        region_code=DEMO_REGION,
        fields={
            "name": DEMO_NAME,
            "address": "南安市水头镇（演示地址）",
            "industry_code": "C3032",
            "size": "medium",
            "ip_institution": True,
            "ip_institution_name": "知识产权部",
            "ip_staff_full_time": 2,
            "ip_strategy": True,
            "ip_strategy_adopted": date(2022, 3, 1),
            "ip_strategy_note": SOURCE,
        },
        extra={
            "industry": "stone",
            "brand": "示例",
            "designations": [("high-tech", "national", granted, anniversary(granted, 3))],
            "inventors": [faker.name() for _ in range(8)],
        },
    )
