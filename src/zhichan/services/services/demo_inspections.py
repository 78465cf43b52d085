"""Synthetic inspectors and random inspection plans for the demo (marked `synthetic`, 演示数据（虚构）): the same
every time, made through the actions. One plan of 2026 is finished with its results published; one is drawn with
its results still to enter."""

import datetime

from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise

from ..models import Finding, InspectionPlan
from . import inspections, inspectors

UNITS = [("amr", 8), ("culture", 4), ("agriculture", 4), ("police", 4)]
NAMES = (
    "陈建国 林志明 黄丽华 王海涛 李晓峰 张秀兰 吴国强 刘文杰 蔡美玲 郑永福 "
    "洪晓敏 苏振华 许丽娟 傅志远 陈雅琴 林文辉 黄建伟 王淑芬 李明亮 张志勇"
)


def demo_inspections_present() -> bool:
    return InspectionPlan.objects.filter(synthetic=True).exists()


def create_demo_inspections() -> tuple[int, int]:
    names = NAMES.split()
    made = 0
    for key, count in UNITS:
        unit = Unit.objects.filter(key=key).first() or Unit.objects.filter(key="amr").first()
        if unit is None:
            return 0, 0
        for _n in range(count):
            inspectors.add_inspector(
                None,
                unit=unit,
                name=names[made % len(names)],
                certificate_number=f"YS3505{made + 1:05d}",  # 演示: not a real certificate number
                field="知识产权执法",
                synthetic=True,
            )
            made += 1
    amr = Unit.objects.get(key="amr")
    manufacturers = Enterprise.objects.filter(industry_code__startswith="C", uscc__isnull=False).exclude(uscc="")
    if not manufacturers.exists():  # a register without the demo enterprises: inspectors, but no plan to draw
        return made, 0
    finished = _plan(
        amr, "2026年度第一批知识产权“双随机”抽查（演示）", datetime.date(2026, 3, 1), datetime.date(2026, 5, 31)
    )
    for n, target in enumerate(finished.targets.order_by("order")):
        finding = Finding.PROBLEMS if n % 6 == 2 else Finding.NO_PROBLEM
        note = "未规范标注专利标识，已责令改正（演示）" if finding == Finding.PROBLEMS else ""
        inspections.enter_result(target, None, finding=finding, inspected_on=datetime.date(2026, 5, 10), note=note)
    inspections.publish_results(finished, None, day=datetime.date(2026, 6, 19))
    _plan(amr, "2026年度第二批知识产权“双随机”抽查（演示）", datetime.date(2026, 10, 1), datetime.date(2026, 11, 30))
    return made, 2


def _plan(unit, name, starts_on, ends_on):
    plan = inspections.create_plan(
        None,
        unit=unit,
        name=name,
        items="商标使用行为检查\n专利标识标注检查\n知识产权代理行为检查",
        starts_on=starts_on,
        ends_on=ends_on,
        industry_code="C",
        synthetic=True,
    )
    published = starts_on - datetime.timedelta(days=10)
    plan = inspections.publish_plan(plan, None, day=published, seed=f"demo-{starts_on.isoformat()}")
    return inspections.draw_plan(plan, None, day=published + datetime.timedelta(days=3))
