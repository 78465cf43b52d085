"""Copyright registrations and geographical indications: creation, number normalization, checks, scope."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from zhichan.core.models import Region
from zhichan.registry.models import Copyright, Enterprise, GeographicalIndication, GIKind
from zhichan.registry.services.entries import create_copyright, create_trademark

pytestmark = pytest.mark.django_db

SHUITOU = "350583119"


def test_a_work_registration_keeps_its_number_without_spaces_and_takes_the_kind_from_it():
    item, created = create_copyright(
        None,
        "国作登字 - 2019 - F - 00000001",
        title="示例图形作品",
        category="fine_art",
        registration_date=date(2019, 1, 5),
    )
    assert created and item.registration_number == "国作登字-2019-F-00000001" and item.kind == "work"
    again, created = create_copyright(None, "国作登字-2019-F-00000001", title="新标题")
    assert not created and again.pk == item.pk and again.title == "新标题"


def test_a_software_registration():
    item, _ = create_copyright(None, "软著登字第 0000001 号", title="示例管理系统V1.0")
    assert item.registration_number == "软著登字第0000001号" and item.kind == "software"


def test_copyright_refusals():
    with pytest.raises(ValidationError) as caught:
        create_copyright(None, "软著登字第0000002号", title="t", category="music")
    assert "category" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        create_copyright(None, "示例-0000003", title="t")  # the number states no kind and none is given
    assert "kind" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        create_copyright(None, "软著登字第0000004号", title="t", kind="work")
    assert "kind" in caught.value.message_dict
    with pytest.raises(ValidationError):
        create_copyright(None, "   ", title="t", kind="work")


def test_copyright_scope(users):
    user = users["enterprise"]
    first = user.enterprises.get()
    second = Enterprise.objects.create(name="示例二号有限公司", region=first.region, synthetic=True)
    second.members.add(user)
    shared, _ = create_copyright(None, "软著登字第0000005号", title="a", owners=[first, second])
    create_copyright(
        None, "软著登字第0000006号", title="b", owners=[Enterprise.objects.create(name="别家", region=first.region)]
    )
    own, _ = create_copyright(None, "软著登字第0000007号", title="c", region=Region.objects.get(code=SHUITOU))
    assert list(Copyright.objects.visible_to(user)) == [shared]
    assert list(Copyright.objects.visible_to(users["shuitou-liaison"])) == [own]
    assert Copyright.objects.visible_to(users["office"]).count() == 3


def test_a_gi_mark_links_to_its_trademark():
    mark, _ = create_trademark(None, "90100001", mark="示例地理标志", kind="collective", gi_mark=True)
    gi = GeographicalIndication(name="示例产品", kind=GIKind.MARK, trademark=mark, holder_name="示例协会")
    gi.full_clean()
    gi.save()
    assert list(mark.geographical_indications.all()) == [gi]
    product = GeographicalIndication(name="示例产品二", kind=GIKind.PRODUCT, trademark=mark)
    with pytest.raises(ValidationError) as caught:
        product.full_clean()
    assert "trademark" in caught.value.message_dict
    plain, _ = create_trademark(None, "90100002", mark="普通")
    with pytest.raises(ValidationError):
        GeographicalIndication(name="示例三", kind=GIKind.MARK, trademark=plain).full_clean()


def test_gi_scope(users):
    user = users["enterprise"]
    held = GeographicalIndication.objects.create(name="甲", kind=GIKind.PRODUCT, holder=user.enterprises.get())
    local = GeographicalIndication.objects.create(
        name="乙", kind=GIKind.PRODUCT, region=Region.objects.get(code=SHUITOU)
    )
    GeographicalIndication.objects.create(name="丙", kind=GIKind.PRODUCT)
    assert list(GeographicalIndication.objects.visible_to(user)) == [held]
    assert list(GeographicalIndication.objects.visible_to(users["shuitou-liaison"])) == [local]
    assert GeographicalIndication.objects.visible_to(users["leader"]).count() == 3
