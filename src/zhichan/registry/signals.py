"""The demo enterprise user gets a synthetic enterprise of its own."""

from django.dispatch import receiver
from stdnum.cn import uscc

from zhichan.core.models import Region
from zhichan.core.services.demo import demo_enterprise_user_created

from .models import Enterprise

DEMO_REGION = "350583119"  # 水头镇, home of the stone industry
DEMO_USCC_BODY = "91350583MA0DEMX01"  # 91 enterprise, 350583 Nan'an, a made-up body marked "DEM"


@receiver(demo_enterprise_user_created)
def give_demo_enterprise(sender, user, **kwargs):
    enterprise, _ = Enterprise.objects.get_or_create(
        uscc=DEMO_USCC_BODY + uscc.calc_check_digit(DEMO_USCC_BODY),
        defaults={
            "name": "南安示例石材有限公司",
            "region": Region.objects.get(code=DEMO_REGION),
            "address": "南安市水头镇（演示地址）",
            "synthetic": True,
        },
    )
    enterprise.members.add(user)
