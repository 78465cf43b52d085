"""Units and committees made before keys were per organisation are placed in the organisation their file named,
found from what each row holds; afterwards the same key may be used once in each organisation. Run in a fresh
database of its own (a subprocess)."""

import textwrap

from ..fresh_database import run_script

SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import IntegrityError, connection, transaction
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    before = [("core", "0013_import_batch_file_refused")]
    call_command("migrate", "core", before[0][1], verbosity=0)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    Region, Unit = old.get_model("core", "Region"), old.get_model("core", "Unit")
    Committee, Person, Membership = (old.get_model("core", name) for name in ("Committee", "Person", "Membership"))

    # Two files loaded the old way: the city's (3505) and Nan'an's (350583) with its township unit; and a unit the
    # office added by hand in 晋江市, a county no file named: its own region's organisation.
    city = Region.objects.create(path="0001", depth=1, numchild=2, name="泉州市", code="3505", kind="city")
    nanan = Region.objects.create(path="00010001", depth=2, numchild=1, name="南安市", code="350583", kind="county")
    town = Region.objects.create(path="000100010001", depth=3, name="水头镇", code="350583119", kind="town")
    jinjiang = Region.objects.create(path="00010002", depth=2, name="晋江市", code="350582", kind="county")
    units = {}
    for key, kind, region, parent in [
        ("city-gov", "government", city, None),
        ("gov", "government", nanan, None),
        ("amr", "member", nanan, None),
        ("office", "office", nanan, "amr"),
        ("region-350583119", "township", town, None),
        ("jinjiang-added", "member", jinjiang, None),
    ]:
        units[key] = Unit.objects.create(key=key, name=key, kind=kind, region=region, parent=units.get(parent))
    day = timezone.now().date()
    committees = {}
    for key, host, parent, seat_unit in [
        ("leading-group", None, None, "gov"),  # members only
        ("group-office", "amr", "leading-group", None),  # a host unit
        ("city-group", None, None, "city-gov"),
        ("city-sub", None, "city-group", None),  # a parent only
        ("bare", None, None, None),  # nothing to go by: where most units are
    ]:
        committees[key] = committee = Committee.objects.create(
            key=key, name=key, established=day, host_unit=units.get(host), parent=committees.get(parent)
        )
        if seat_unit:
            person = Person.objects.create(name=f"{key}-person", unit=units[seat_unit])
            Membership.objects.create(
                committee=committee, person=person, seat="member", post="x", unit=units[seat_unit], start=day
            )
    gov = units["gov"]
    old.get_model("core", "HistoricalUnit").objects.create(
        id=gov.pk, key="gov", name="gov", kind="government", order=0, active=True, region_id=nanan.pk,
        history_date=timezone.now(), history_type="+",
    )

    call_command("migrate", "core", verbosity=0)  # core alone: the other apps' migrations are not at issue
    from zhichan.core.models import Committee, Region, Unit

    placed = {unit.key: unit.organisation.code for unit in Unit.objects.all()}
    assert placed == {
        "city-gov": "3505", "gov": "350583", "amr": "350583", "office": "350583", "region-350583119": "350583",
        "jinjiang-added": "350582",
    }, placed
    placed = {committee.key: committee.organisation.code for committee in Committee.objects.all()}
    assert placed == {
        "leading-group": "350583", "group-office": "350583", "city-group": "3505", "city-sub": "3505",
        "bare": "350583",
    }, placed
    assert Unit.history.get(id=gov.pk).organisation.code == "350583"
    # A key once per organisation: the city may now have a `gov`, Nan'an not a second one.
    city, nanan = Region.objects.get(code="3505"), Region.objects.get(code="350583")
    Unit.objects.create(organisation=city, key="gov", name="泉州市人民政府", kind="government", region=city)
    try:
        with transaction.atomic():
            Unit.objects.create(organisation=nanan, key="gov", name="x", kind="member", region=nanan)
    except IntegrityError:
        print("placed")
    """
)


def test_units_and_committees_are_placed_in_their_organisation(tmp_path):
    result = run_script(SCRIPT, tmp_path, "organisations")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "placed" in result.stdout
