import pytest

from zhichan.core.bulk_work import one_of
from zhichan.core.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("walk", [False, True])
def test_one_of_finds_the_rows_named_and_no_other(walk):
    regions = list(Region.objects.order_by("pk")[:6])
    wanted = [region.name for region in regions[::2]] + ["不存在的镇", 'it\'s "quoted"']
    found = Region.objects.filter(one_of("name", wanted, walk=walk)).values_list("pk", flat=True)
    assert sorted(found) == sorted(region.pk for region in Region.objects.filter(name__in=wanted))
    assert found


def test_one_of_takes_numbers_as_their_type_and_nothing_as_nothing():
    pks = list(Region.objects.order_by("pk").values_list("pk", flat=True)[:3])
    assert sorted(Region.objects.filter(one_of("pk", pks, "bigint", walk=True)).values_list("pk", flat=True)) == pks
    assert not Region.objects.filter(one_of("pk", [], "bigint")).exists()
