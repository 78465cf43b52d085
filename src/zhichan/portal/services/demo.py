"""Synthetic public requests for the demo (演示数据（虚构）): a complaint taken in by IP protection and answered
there, an anonymous tip, a pledge-financing consultation answered on the portal, and a search-help request still
open. Made through the same actions as real ones."""

import datetime

from django.utils import timezone

from ..models import PublicRequest, Service
from . import requests


def demo_requests_present() -> bool:
    return PublicRequest.objects.filter(synthetic=True).exists()


def _service(code):
    return Service.objects.filter(code=code).select_related("unit", "rule").first()


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
