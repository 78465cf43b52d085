"""Register rows for the page and API tests: one set in 水头镇 held by the demo enterprise, one in 溪美街道 held
by another enterprise, so every role has rows in and out of its scope."""

from dataclasses import dataclass
from datetime import date

from zhichan.core.models import Region
from zhichan.registry.identifiers import patent_check_digit
from zhichan.registry.models import (
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    PatentEvent,
    TrademarkEvent,
)
from zhichan.registry.services.entries import create_copyright, create_patent, create_trademark
from zhichan.registry.signals import DEMO_USCC_BODY

SHUITOU = "350583119"
XIMEI = "350583001"
OTHER_USCC = "91350583MA0XMFA02"


def patent_number(year: int, type_code: str, serial: int) -> str:
    digits = f"{year}{type_code}{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


@dataclass
class Registers:
    own: Enterprise
    other: Enterprise
    own_patent: object
    other_patent: object
    own_trademark: object
    other_trademark: object
    own_copyright: object
    other_copyright: object
    own_gi: object
    other_gi: object


def make_registers() -> Registers:
    from stdnum.cn import uscc

    shuitou, ximei = Region.objects.get(code=SHUITOU), Region.objects.get(code=XIMEI)
    own = Enterprise.objects.get(uscc__startswith=DEMO_USCC_BODY)
    other = Enterprise.objects.create(
        name="溪美阀门制造有限公司", uscc=OTHER_USCC + uscc.calc_check_digit(OTHER_USCC), region=ximei
    )
    own.ip_institution, own.ip_institution_name, own.ip_staff_full_time = True, "知识产权部", 2
    own.ip_strategy = True
    own.save()
    EnterpriseDesignation.objects.create(
        enterprise=own, kind="ip-advantage", level="city", granted_on=date(2022, 1, 1), document="泉知〔2022〕1号"
    )
    own_patent, _ = create_patent(
        None,
        patent_number(2016, "1", 363475),
        title="一种石材切割装置及其切割方法",
        applicants="南安示例石材有限公司",
        inventors="王石匠；李工",
        region=shuitou,
        filing_date=date(2016, 4, 28),
        grant_date=date(2018, 6, 1),
        publication_number="CN105800001A",
        grant_number="CN105800001B",
        ipc_codes="E04F 15/02;B28D 1/04",
        main_ipc="E04F 15/02",
        holders=[own],
        synthetic=True,
    )
    PatentEvent.objects.create(patent=own_patent, date=date(2018, 6, 1), kind="grant", text="授权")
    other_patent, _ = create_patent(
        None,
        patent_number(2015, "2", 100001),
        title='=HYPERLINK("x")阀门密封结构',
        applicants="溪美阀门制造有限公司",
        inventors="陈阀",
        region=ximei,
        filing_date=date(2015, 3, 5),
        grant_date=date(2015, 9, 1),
        ipc_codes="F16K 1/00",
        main_ipc="F16K 1/00",
        holders=[other],
    )
    PatentEvent.objects.create(patent=other_patent, date=date(2017, 3, 5), kind="lapse", text="未缴年费专利权终止")
    own_trademark, _ = create_trademark(
        None,
        "第12345678号",
        mark="水头石韵",
        nice_classes="19",
        kind="collective",
        applicant_name="南安示例石材有限公司",
        region=shuitou,
        registration_date=date(2017, 5, 21),
        holders=[own],
        synthetic=True,
    )
    other_trademark, _ = create_trademark(
        None,
        "G1234567",
        mark="XIMEI VALVE",
        nice_classes="6;11",
        applicant_name="溪美阀门制造有限公司",
        region=ximei,
        registration_date=date(2010, 1, 10),
        holders=[other],
    )
    TrademarkEvent.objects.create(trademark=other_trademark, date=date(2019, 12, 1), kind="renewal", text="续展")
    own_copyright, _ = create_copyright(
        None,
        "国作登字-2022-F-00012345",
        title="石材纹理图案集",
        category="fine_art",
        owner_name="南安示例石材有限公司",
        region=shuitou,
        registration_date=date(2022, 3, 1),
        owners=[own],
        synthetic=True,
    )
    other_copyright, _ = create_copyright(
        None,
        "软著登字第1234567号",
        title="阀门检测管理系统V1.0",
        owner_name="溪美阀门制造有限公司",
        region=ximei,
        owners=[other],
    )
    own_gi = GeographicalIndication.objects.create(
        name="水头石材", kind="gi_product", holder=own, holder_name="水头石材协会", region=shuitou, synthetic=True
    )
    other_gi = GeographicalIndication.objects.create(
        name="溪美龙眼", kind="gi_product", holder=other, holder_name="溪美果农协会", region=ximei
    )
    return Registers(
        own,
        other,
        own_patent,
        other_patent,
        own_trademark,
        other_trademark,
        own_copyright,
        other_copyright,
        own_gi,
        other_gi,
    )
