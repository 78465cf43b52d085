"""Synthetic joint meetings for the demo (marked `synthetic`, shown as 演示数据（虚构）): the same every time, made
through the actions as the system. A plenary meeting every half year and a special meeting between them over
2022–2024 (about one a quarter), each with a few decisions for the units: most done, some reassigned or cancelled,
and some of 2024 still open past their deadline."""

import datetime
import random

from zhichan.core.models import Region, Unit

from ..models import JointMeeting, MeetingKind
from . import meetings

NANAN = "350583"
CORE_UNITS = ["amr", "police", "court", "customs", "procuratorate", "justice"]
OTHER_UNITS = ["culture", "agriculture", "commerce", "press", "science", "industry", "education"]
# (month, day) of the meetings each year: plenary in March and September, special in June and December.
SCHEDULE = [
    ((3, 15), MeetingKind.PLENARY),
    ((6, 20), MeetingKind.SPECIAL),
    ((9, 12), MeetingKind.PLENARY),
    ((12, 8), MeetingKind.SPECIAL),
]
SPECIAL_TOPICS = [
    "汽车配件领域知识产权保护",
    "农村市场假冒伪劣商品整治",
    "展会和电商平台知识产权保护",
    "石材陶瓷产业商标保护",
    "水暖厨卫产品专利侵权",
    "行刑衔接案件移送",
]
DECISIONS = [
    ("police", "对市场监管部门移送的涉嫌假冒注册商标案件线索，及时审查立案并反馈结果。"),
    ("amr", "牵头开展重点商圈、专业市场商标侵权专项检查，汇总检查情况报领导小组办公室。"),
    ("court", "梳理本年度知识产权民事案件审理情况，提出行政执法与司法衔接意见。"),
    ("customs", "加强进出口环节知识产权保护，通报查获的侵权货物情况。"),
    ("procuratorate", "对移送和立案监督情况进行梳理，通报行刑衔接工作中发现的问题。"),
    ("justice", "组织人民调解组织参与知识产权纠纷调解，推动“行政调解+司法确认”。"),
    ("culture", "开展文化市场版权专项检查，重点检查印刷复制和网络传播。"),
    ("agriculture", "开展农资市场和种子市场侵权假冒专项整治。"),
    ("commerce", "指导电商平台建立知识产权投诉处理机制。"),
    ("amr", "统计各成员单位知识产权执法办案数据，编制联席会议工作通报。"),
]
NOTES_DONE = ["已按期完成，情况已报领导小组办公室。", "已完成，相关台账已归档。", "已办结，形成书面报告。"]


def demo_meetings_present() -> bool:
    return JointMeeting.objects.filter(synthetic=True).exists()


def create_demo_meetings(seed: int = 2022) -> tuple[int, int]:
    """Twelve meetings over 2022–2024 with their decisions; (meetings, decisions) made."""
    county = Region.objects.filter(code=NANAN).first()
    if county is None:
        return 0, 0
    units = {unit.key: unit for unit in Unit.objects.filter(organisation=county, active=True)}
    if not all(key in units for key in CORE_UNITS):
        return 0, 0
    rng = random.Random(seed)
    made = decided = 0
    plenary = special = 0
    for year in (2022, 2023, 2024):
        plenary_of_year = special_of_year = 0
        for (month, day), kind in SCHEDULE:
            held = datetime.date(year, month, day)
            if kind == MeetingKind.PLENARY:
                plenary += 1
                plenary_of_year += 1
                title = f"{year}年第{plenary_of_year}次知识产权协同保护联席会议全体会议（虚构）"
                present = CORE_UNITS + rng.sample([k for k in OTHER_UNITS if k in units], 4)
                agenda = "通报上半年知识产权执法办案情况；分析研判当前知识产权执法问题；部署下阶段重点工作。"
            else:
                topic = SPECIAL_TOPICS[special % len(SPECIAL_TOPICS)]
                special += 1
                special_of_year += 1
                title = f"{year}年{topic}专题会议（虚构）"
                present = rng.sample(CORE_UNITS, 4)
                agenda = f"研究{topic}工作中的问题，明确责任分工。"
            meeting = meetings.record_meeting(
                None,
                title=title,
                kind=kind,
                held_on=held,
                convener=units["amr"],
                units_present=[units[key] for key in present if key in units],
                agenda=agenda,
                synthetic=True,
            )
            made += 1
            decided += _decisions(rng, meeting, units)
    return made, decided


def _decisions(rng, meeting, units) -> int:
    count = rng.randint(2, 4)
    chosen = rng.sample([item for item in DECISIONS if item[0] in units], count)
    for key, text in chosen:
        deadline = meeting.held_on + datetime.timedelta(days=rng.choice([30, 45, 60, 90]))
        decision = meetings.add_decision(
            None, meeting=meeting, text=text, unit=units[key], deadline=deadline, synthetic=True
        )
        _follow(rng, decision, units)
    return count


def _follow(rng, decision, units):
    """What became of a decision: most done around their deadline; a few reassigned or cancelled; the late-2024 ones
    (and some earlier) still open, now past their deadline."""
    held = decision.meeting.held_on
    midway = held + (decision.deadline - held) / 2
    roll = rng.random()
    if held.year == 2024 and held.month >= 9:
        if roll < 0.5:
            meetings.report_progress(decision, None, midway, "已部署，正在推进。")
        return  # still open
    if roll < 0.07:
        meetings.cancel(decision, None, midway, "相关工作已并入专项行动统一部署。")
        return
    if roll < 0.15:
        other = "amr" if decision.unit.key != "amr" else "police"
        meetings.reassign(decision, None, units[other], "职责调整，改由其他单位牵头办理。")
    if roll < 0.3:
        meetings.report_progress(decision, None, midway, "已部署，正在推进。")
    if held.year == 2024 and roll > 0.85:
        return  # left open, past its deadline
    done = decision.deadline + datetime.timedelta(days=rng.randint(-20, 10))
    meetings.mark_done(decision, None, max(done, midway), rng.choice(NOTES_DONE))
