"""Synthetic public requests for the demo (演示数据（虚构）): a complaint taken in by IP protection and answered
there, an anonymous tip, a custody application an enterprise made (taken in by IP services, awaiting a decision), a
pledge-financing consultation answered on the portal, and a search-help request still open. Made through the same
actions as real ones."""

import datetime

from django.utils import timezone

from ..models import PublicRequest, Service
from . import requests


def demo_requests_present() -> bool:
    return PublicRequest.objects.filter(synthetic=True).exists()


def _service(code):
    return Service.objects.filter(code=code).select_related("unit", "rule").first()


def _custody_applicant():
    """An enterprise of the register with no custody engagement nor application yet: it applies on the portal."""
    from zhichan.registry.models import Enterprise

    return (
        Enterprise.objects.filter(uscc__isnull=False, custody_engagements=None, custody_applications=None)
        .order_by("pk")
        .first()
    )


def create_demo_requests() -> int:
    from zhichan.protection.services import complaints

    today = timezone.localdate()
    made = 0
    complaint_service = _service("complaint")
    if complaint_service is not None:
        day = today - datetime.timedelta(days=20)
        made_request = requests.submit(
            None,
            complaint_service,
            matter="（演示）在某电商平台发现销售假冒本企业注册商标的水暖阀门。",
            answers={"ip_type": "trademark", "respondent": "（演示）某阀门经营部"},
            name="（演示）南安某卫浴有限公司",
            phone="0595-00000000",
            day=day,
            synthetic=True,
        )
        complaint = made_request.record
        complaints.accept(complaint, None, day + datetime.timedelta(days=3))
        complaints.answer(
            complaint, None, day + datetime.timedelta(days=12), "（演示）经核查，已责令被投诉方下架涉案商品并立案调查。"
        )
        made += 1
    tip = _service("tip")
    if tip is not None:
        requests.submit(
            None,
            tip,
            matter="（演示）某批发市场一商铺疑似销售假冒知名品牌服装。",
            answers={"place": "（演示）某批发市场"},
            anonymous=True,
            day=today - datetime.timedelta(days=2),
            synthetic=True,
        )
        made += 1
    consultation = _service("pledge-consultation")
    if consultation is not None:
        asked = requests.submit(
            None,
            consultation,
            matter="（演示）拟以3件发明专利质押贷款，请问办理流程和贴息政策。",
            answers={"enterprise": "（演示）南安某机械有限公司", "amount": "500"},
            name="（演示）王先生",
            phone="13800000000",
            day=today - datetime.timedelta(days=9),
            synthetic=True,
        )
        requests.answer(
            asked,
            None,
            "（演示）可向合作银行提交质押融资申请，专利价值评估费和贴息按当年政策办理；详见“金融”栏目。",
            day=today - datetime.timedelta(days=6),
        )
        made += 1
    custody = _service("custody")
    applicant = _custody_applicant() if custody is not None and custody.target == "custody" else None
    if applicant is not None:
        requests.submit(
            None,
            custody,
            matter="（演示）我司有发明专利12件、注册商标5件，希望托管年费缴纳、续展和侵权监测。",
            answers={"enterprise": applicant.name, "custody_scope": "partial", "service": "maintenance"},
            name="（演示）黄经理",
            phone="13900000000",
            credit_code=applicant.uscc,
            day=today - datetime.timedelta(days=4),
            synthetic=True,
        )
        made += 1
    search = _service("patent-search")
    if search is not None:
        requests.submit(
            None,
            search,
            matter="（演示）请协助检索水龙头陶瓷阀芯相关专利。",
            answers={"topic": "（演示）陶瓷阀芯 密封 水龙头"},
            name="（演示）李女士",
            email="demo@example.com",
            day=today - datetime.timedelta(days=1),
            synthetic=True,
        )
        made += 1
    return made


# The demo's news and notices (演示数据（虚构）): three published some days back, one notice still a draft.
DEMO_NOTICES = (
    {
        "kind": "news",
        "days_ago": 4,
        "title": "南安市召开国家知识产权强县建设示范工作推进会（演示）",
        "title_en": "Nan'an holds a progress meeting of its national IP strong-county demonstration programme (demo)",
        "body": (
            "近日，南安市知识产权强县建设示范工作领导小组召开工作推进会，通报示范建设方案各项重点任务和量化指标的进展，"
            "听取各成员单位和乡镇（街道）的工作汇报。\n\n"
            "会议要求，各成员单位对照任务分工，按时报送进展和指标数据；对进度滞后的任务，领导小组办公室将跟踪督办。\n\n"
            "会议还部署了知识产权质押融资、商标品牌指导站建设和知识产权宣传周活动等下一阶段工作。"
        ),
        "body_en": (
            "The leading group of Nan'an's national IP strong-county demonstration programme met to review the "
            "progress of the programme's key tasks and quantitative targets, and heard the reports of its member "
            "units, townships and sub-districts.\n\n"
            "Each member unit is to report its progress and figures on time; the office of the leading group will "
            "follow up tasks that fall behind.\n\n"
            "The meeting also planned the next steps on IP pledge financing, brand guidance stations and the IP "
            "Publicity Week."
        ),
    },
    {
        "kind": "notice",
        "days_ago": 11,
        "title": "关于开展知识产权质押融资贴息申报工作的通知（演示）",
        "title_en": "Notice on applications for interest subsidies on IP pledge loans (demo)",
        "body": (
            "各有关企业：\n\n"
            "为降低企业融资成本，对以专利权、商标专用权质押取得贷款并按期还本付息的本市企业，按规定给予贴息补助。"
            "符合条件的企业可登录平台“企业服务”提交申请，或到市知识产权信息公共服务网点咨询。\n\n"
            "申报材料：质押登记通知书、借款合同、还本付息凭证。具体条件以当年资助方案为准。\n\n"
            "南安市知识产权强县建设示范工作领导小组办公室（演示）"
        ),
        "body_en": (
            "To all enterprises concerned:\n\n"
            "Enterprises of the city that took a loan against a pledge of patents or registered trademarks and repaid "
            "it on time may apply for an interest subsidy. Apply under For enterprises on this site, or ask at an IP "
            "information public service outlet.\n\n"
            "Materials: the pledge registration notice, the loan contract, and the receipts of repayment. The "
            "conditions are those of the year's subsidy scheme.\n\n"
            "Office of the leading group of Nan'an's IP strong-county demonstration programme (demo)"
        ),
    },
    {
        "kind": "news",
        "days_ago": 26,
        "title": "“知识产权服务进企业”活动走进水暖卫浴产业园（演示）",
        "title_en": "IP services visit the plumbing and sanitary-ware industrial park (demo)",
        "body": (
            "市市场监管局会同知识产权服务机构走进仑苍水暖卫浴产业园，为园区企业提供专利布局、商标注册和海外维权咨询，"
            "现场解答企业问题二十余个。\n\n"
            "服务团队还介绍了知识产权质押融资、专利导航等政策，并收集企业需求，后续将逐项跟进。"
        ),
        "body_en": (
            "The market supervision bureau and IP service agencies visited the Lun-Cang plumbing and sanitary-ware "
            "industrial park, advising its enterprises on patent portfolios, trademark registration and protecting "
            "their rights abroad, and answered some twenty questions on the spot.\n\n"
            "The team also explained IP pledge financing and patent navigation, and noted each enterprise's needs "
            "to follow up."
        ),
    },
    {
        "kind": "notice",
        "days_ago": None,  # a draft: the office is still writing it, the public does not read it
        "title": "关于公布知识产权信息公共服务网点名单的公告（演示）",
        "title_en": "Announcement of the IP information public service outlets (demo)",
        "body": "现将本市知识产权信息公共服务网点名单予以公布，名单见“公开信息”栏目。（草稿，待核对）",
        "body_en": "",
    },
)


def demo_notices_present() -> bool:
    from ..models import Notice

    return Notice.objects.filter(synthetic=True).exists()


def create_demo_notices() -> int:
    from . import news

    today = timezone.localdate()
    for item in DEMO_NOTICES:
        values = {key: value for key, value in item.items() if key != "days_ago"}
        notice = news.write(None, **values, synthetic=True)
        if item["days_ago"] is not None:
            news.publish(notice, None, day=today - datetime.timedelta(days=item["days_ago"]))
    return len(DEMO_NOTICES)
