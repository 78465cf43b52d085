"""Synthetic patents with their legal-status events: grants, lapses for non-payment, restorations."""

import random
from datetime import timedelta

from faker import Faker

from ..terms import anniversary, patent_term_years
from .common import FIRST_YEAR, LAST_YEAR, SNAPSHOT, Row, Weighted, day_in, later, rng_for, year_weights
from .numbers import patent_number
from .profiles import AGENCIES, INDIVIDUAL_SHARE, INDUSTRIES, SOURCE, TOWNSHIPS

TYPES = ("invention", "utility_model", "design")
# (share granted, days from filing to grant) by type; synthetic.
GRANTS = {"invention": (0.55, (400, 1400)), "utility_model": (0.93, (120, 330)), "design": (0.96, (90, 250))}
# Chance of not paying an annuity, each year after the grant; synthetic.
LAPSE_RATE = {"invention": 0.05, "utility_model": 0.12, "design": 0.15}
RESTORED_SHARE = 0.12
MODIFIERS = ("新型", "节能", "高效", "便于安装的", "带自动清洁功能的", "可调节的", "防滑", "耐磨", "模块化")
METHODS = ("制备方法", "加工方法", "控制方法", "生产工艺")
VARIANTS = ("A款", "B款", "简约款", "经典款", "1", "2", "3")
OTHER_EVENTS = (
    (0.015, "pledge", "专利权质押合同登记的生效"),
    (0.005, "licence", "专利实施许可合同备案的生效"),
    (0.01, "transfer", "专利申请权、专利权的转移"),
)

# The facts behind high-value invention patents, as a source would state them; synthetic shares. Strategic
# emerging industries by the industry's IPC mix (integrated circuits, electronic components, software, high-end
# equipment), a few per cent with a family member granted abroad, some pledged patents with high financing, and
# rare awards. Drawn from a stream of their own per application number, so the other fields do not change.
STRATEGIC_SHARE = {"semiconductor": 0.6, "electronics": 0.35, "software": 0.4, "machinery": 0.08}
STRATEGIC_OTHER = 0.02
FOREIGN_SHARE = {"semiconductor": 0.08, "electronics": 0.06}
FOREIGN_OTHER = 0.02
HIGH_PLEDGE_SHARE = 0.4  # of pledged inventions
AWARD_SHARE = 0.003  # of granted inventions
AWARDS = ("第二十二届中国专利优秀奖（虚构）", "第二十三届中国专利优秀奖（虚构）", "第二十四届中国专利银奖（虚构）")


def high_value_facts(key: str, industry: str, patent_type: str, granted, events) -> dict:
    """The four stated facts of a synthetic patent (only inventions carry any)."""
    if patent_type != "invention":
        return {}
    rng = random.Random(f"zhichan-demo:high-value:{key}")
    pledged = any(kind == "pledge" for _day, kind, _text in events)
    return {
        "strategic_emerging": rng.random() < STRATEGIC_SHARE.get(industry, STRATEGIC_OTHER),
        "foreign_family": rng.random() < FOREIGN_SHARE.get(industry, FOREIGN_OTHER),
        "high_pledge_financing": pledged and rng.random() < HIGH_PLEDGE_SHARE,
        "award": rng.choice(AWARDS) if granted and rng.random() < AWARD_SHARE else "",
    }


def title_for(rng, industry, patent_type) -> str:
    subject = rng.choice(industry.objects)
    if patent_type == "design":
        return f"{subject}（{rng.choice(VARIANTS)}）"
    if patent_type == "invention" and rng.random() < 0.5:
        return f"一种{subject}及其{rng.choice(METHODS)}"
    return f"一种{rng.choice(MODIFIERS)}{subject}"


def legal_events(rng, patent_type, filing, granted, lapses=True):
    """Grant, then each annuity year a chance of lapsing (sometimes restored); events up to the snapshot."""
    events = [(granted, "grant", "授权")]
    expiry = anniversary(filing, patent_term_years(patent_type, filing))
    year = granted.year - filing.year + 1
    while True:
        due = anniversary(filing, year)
        if due <= granted:
            year += 1
            continue
        if due >= expiry or due > SNAPSHOT:
            break
        if lapses and rng.random() < LAPSE_RATE[patent_type]:
            events.append((due, "lapse", "未缴年费专利权终止"))
            restored = later(due, rng, 90, 240)
            if rng.random() >= RESTORED_SHARE or restored > SNAPSHOT:
                break
            events.append((restored, "restoration", "专利权的恢复"))
        year += 1
    for chance, kind, text in OTHER_EVENTS:
        if rng.random() < chance:
            day = later(granted, rng, 30, 1500)
            if day <= SNAPSHOT and day < expiry:
                events.append((day, kind, text))
    return events


def generate_patents(seed: int, enterprises: list[Row], count: int, serial_limit: int = 990_000):
    """Yield `count` synthetic patent rows held by the given enterprise rows (prefix-stable for a seed)."""
    rng = rng_for(seed, "patents")
    faker = Faker("zh_CN")
    faker.seed_instance(seed + 7)
    holders = Weighted(enterprises, [row.extra["patent_weight"] for row in enterprises])
    townships = Weighted(TOWNSHIPS, [weight for _name, weight, _industries in TOWNSHIPS.values()])
    years = year_weights(FIRST_YEAR, LAST_YEAR)
    type_choices = {key: Weighted(TYPES, industry.type_weights) for key, industry in INDUSTRIES.items()}
    used = set()
    for _index in range(count):
        if rng.random() < INDIVIDUAL_SHARE:
            code = townships.pick(rng)
            township, _weight, industries = TOWNSHIPS[code]
            industry = INDUSTRIES[Weighted(industries, industries.values()).pick(rng)]
            person = faker.name()
            owners, applicants, inventors = (), person, [person]
            address = f"南安市{township}（演示地址）"
        else:
            holder = holders.pick(rng)
            industry = INDUSTRIES[holder.extra["industry"]]
            owners, applicants, code = (holder.key,), holder.fields["name"], holder.region_code
            address = holder.fields["address"]
            inventors = rng.sample(holder.extra["inventors"], min(len(holder.extra["inventors"]), rng.randint(1, 4)))
            if rng.random() < 0.02:
                partner = holders.pick(rng)
                if partner.key != holder.key:
                    owners += (partner.key,)
                    applicants += f";{partner.fields['name']}"
        yield patent_row(
            rng,
            industry,
            type_choices[industry.key].pick(rng),
            years.pick(rng),
            used,
            serial_limit,
            owners=owners,
            applicants=applicants,
            inventors=inventors,
            address=address,
            code=code,
        )


def patent_row(
    rng,
    industry,
    patent_type,
    year,
    used,
    serial_limit,
    *,
    owners,
    applicants,
    inventors,
    address,
    code,
    filing=None,
    serial_range=None,
    granted=None,
    lapses=True,
) -> Row:
    filing = filing or day_in(rng, year)
    while True:
        serial = rng.randrange(*(serial_range or (0, serial_limit)))
        if (filing.year, patent_type, serial) not in used:
            used.add((filing.year, patent_type, serial))
            break
    if granted is None:
        share, (low, high) = GRANTS[patent_type]
        granted = later(filing, rng, low, high) if rng.random() < share else None
    if granted and granted > SNAPSHOT:
        granted = None
    events = legal_events(rng, patent_type, filing, granted, lapses) if granted else []
    if not granted and patent_type == "invention" and filing + timedelta(days=1400) < SNAPSHOT:
        if rng.random() < 0.5:
            events.append((later(filing, rng, 700, 1400), "rejection", "发明专利申请公布后的驳回"))
        else:
            events.append((later(filing, rng, 500, 1200), "withdrawal", "发明专利申请公布后的视为撤回"))
    ipc = [] if patent_type == "design" else rng.sample(industry.ipc, rng.randint(1, min(3, len(industry.ipc))))
    key = patent_number(filing.year, patent_type, serial)
    return Row(
        key=key,
        region_code=code,
        parties=owners,
        events=events,
        fields={
            "patent_type": patent_type,
            "title": title_for(rng, industry, patent_type),
            "applicants": applicants,
            "inventors": ";".join(inventors),
            "address": address,
            "filing_date": filing,
            "grant_date": granted,
            "ipc_codes": ";".join(ipc),
            "main_ipc": ipc[0] if ipc else "",
            "agency": rng.choice(AGENCIES) if rng.random() < 0.7 else "",
            "source": SOURCE,
            **high_value_facts(key, industry.key, patent_type, granted, events),
        },
    )
