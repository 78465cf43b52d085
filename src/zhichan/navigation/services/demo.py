"""Demo data: a synthetic industry analysis set of sanitary ware and valves (marked as made up, every name
fictitious), with its technology breakdown, beside a set of the demo register; both attached to the demo
navigation project when there is one."""

import datetime
import random

from zhichan.projects.models import Project, ProjectKind

from ..models import Branch, PatentSet, SetKind, SetPatent
from .branches import branches_of, compiled_branches
from .reading import applicant_type, joined, place, status
from .rows import read_register
from .sets import refresh_figures

INDUSTRY = "水暖卫浴产业专利分析集（演示数据，虚构）"
SIZE = 8000
# (subclass or main group, title words) of the synthetic patents; one in forty has a code an export garbled.
TECHNOLOGY = [
    ("F16K11/", "一种恒温阀芯"),
    ("F16K31/", "一种电磁控制阀"),
    ("F16K27/", "一种阀体结构"),
    ("E03C1/04", "一种节水龙头"),
    ("E03C1/02", "一种厨房水槽组件"),
    ("E03D1/", "一种冲水装置"),
    ("E03D11/", "一种智能马桶"),
    ("B05B1/", "一种增压花洒"),
    ("A47K3/", "一种浴缸"),
    ("A47K13/", "一种马桶盖板"),
    ("G05D23/", "一种水温控制系统"),
    ("H02J7/", "一种自发电龙头的充电电路"),
]
PLACES = [
    ("福建省泉州市南安市", 30),
    ("福建省厦门市", 12),
    ("福建省泉州市晋江市", 8),
    ("浙江省台州市", 14),
    ("浙江省宁波市", 6),
    ("广东省佛山市", 14),
    ("广东省江门市", 6),
    ("上海市", 4),
    ("江苏省苏州市", 4),
    ("北京市", 2),
]
STATUSES = [("有效", 45), ("失效", 20), ("实质审查", 25), ("未缴年费专利权终止", 10)]
SURNAMES = "陈林黄张李王吴刘蔡杨郑许洪苏"
GIVEN = "志明建华国伟文杰海燕丽芳俊峰晓东春梅秀英"


def _applicant_pool(rng) -> list[str]:
    words = ["恒", "洁", "澳", "帝", "瑞", "丰", "嘉", "锐", "泉", "盛", "源", "达", "美", "鑫", "凯"]
    kinds = ["卫浴科技有限公司", "阀门有限公司", "水暖器材有限公司", "智能家居有限公司"]
    pool = [f"演示{rng.choice(words)}{rng.choice(words)}{rng.choice(kinds)}" for _ in range(80)]
    pool += ["演示理工大学", "演示海洋学院", "演示建材研究院"]
    return list(dict.fromkeys(pool))


def _person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _rows(patent_set, rng):
    applicants = _applicant_pool(rng)
    weights = [1 / (rank + 1) for rank in range(len(applicants))]  # a few leaders, a long tail
    places, place_weights = zip(*PLACES, strict=True)
    texts, text_weights = zip(*STATUSES, strict=True)
    rules = compiled_branches(patent_set)
    for serial in range(SIZE):
        year = rng.choice(range(2014, 2025))
        filed = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        kind_digit = rng.choice("1122")
        number = f"{year}{kind_digit}{serial:07d}"
        technology = rng.sample(TECHNOLOGY, rng.choice((1, 1, 2)))
        codes = [f"{prefix}{rng.randint(1, 9)}0" if prefix.endswith("/") else prefix for prefix, _w in technology]
        if serial % 40 == 0:
            codes = []
        names = rng.choices(applicants, weights, k=rng.choice((1, 1, 1, 2)))
        if serial % 25 == 0:
            names.append(_person(rng))
        names = list(dict.fromkeys(names))
        address = rng.choices(places, place_weights)[0]
        province, city = place(address)
        stated = rng.choices(texts, text_weights)[0]
        granted = filed + datetime.timedelta(days=rng.randint(200, 900)) if stated != "实质审查" else None
        title = technology[0][1] + ("及其控制方法" if kind_digit == "1" else "")
        yield SetPatent(
            patent_set=patent_set,
            application_number=f"{number[:12]}.{serial % 10}",
            title=title,
            patent_type="invention" if kind_digit == "1" else "utility_model",
            filing_date=filed,
            publication_date=filed + datetime.timedelta(days=180),
            grant_date=granted if granted and granted < datetime.date(2025, 12, 31) else None,
            year=filed.year,
            grant_year=granted.year if granted and granted < datetime.date(2025, 12, 31) else None,
            applicants=joined(names),
            applicant_types=joined(sorted({applicant_type(name) for name in names})),
            inventors=joined(list(dict.fromkeys(_person(rng) for _ in range(rng.randint(1, 4))))),
            ipc_codes=joined(codes),
            unread_classes="F16K-?" if not codes else "",
            branches=joined(branches_of(rules, codes, title)),
            status=status(stated),
            status_text=stated,
            province=province,
            city=city,
        )


BRANCHES = [
    ("阀门与阀芯", None, "F16K", "阀芯;阀门"),
    ("恒温控制", "阀门与阀芯", "G05D23", "恒温"),
    ("龙头与水槽", None, "E03C", "龙头"),
    ("冲水与马桶", None, "E03D;A47K13", "马桶;冲水"),
    ("淋浴与浴缸", None, "B05B;A47K3", "花洒;浴缸"),
]


def make_demo_sets() -> int:
    if PatentSet.objects.filter(synthetic=True).exists():
        return 0
    rng = random.Random(2022)
    project = Project.objects.filter(kind=ProjectKind.NAVIGATION, synthetic=True).order_by("pk").first()
    industry = PatentSet.objects.create(
        name=INDUSTRY,
        kind=SetKind.IMPORTED,
        description="演示用的虚构数据：全国水暖卫浴产业专利，申请人、发明人和号码均为虚构。",
        search_strategy="演示：IPC 为 F16K、E03C、E03D、B05B、A47K，申请日 2014—2024 年（虚构数据，未实际检索）。",
        project=project,
        synthetic=True,
    )
    parents = {}
    for position, (name, parent, codes, keywords) in enumerate(BRANCHES):
        parents[name] = Branch.objects.create(
            patent_set=industry, parent=parents.get(parent), name=name, ipc_prefixes=codes, keywords=keywords,
            position=position,
        )  # fmt: skip
    SetPatent.objects.bulk_create(_rows(industry, rng), batch_size=1000)
    refresh_figures(industry)
    county = PatentSet.objects.create(
        name="南安市卫浴专利（演示登记簿）",
        kind=SetKind.REGISTER,
        query="q=卫浴",
        description="本县登记簿中检索“卫浴”得到的专利，用于与产业分析集对照，查看南安在产业中的位置。",
        project=project,
        synthetic=True,
    )
    for position, (name, _parent, codes, keywords) in enumerate(BRANCHES[:1] + BRANCHES[2:]):
        Branch.objects.create(patent_set=county, name=name, ipc_prefixes=codes, keywords=keywords, position=position)
    read_register(county, None)
    refresh_figures(county)
    return 2
