"""Units and committees belong to one region's organisation (0016 then makes keys unique only within it).

Existing rows came from organisation files whose keys were unique across the platform, so each is placed from
what it already holds. A file's units other than townships lie in the region the file named: such a unit is in
its own region's organisation. A township unit lies in a child region: it is in the organisation of the nearest
region above it that holds such a unit. A committee is in its host unit's organisation, else its members' units',
else its parent body's."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

TOWNSHIP = "township"


def fill_organisations(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Unit = apps.get_model("core", "Unit")
    Committee = apps.get_model("core", "Committee")
    Membership = apps.get_model("core", "Membership")

    named = set(Unit.objects.exclude(kind=TOWNSHIP).values_list("region_id", flat=True))
    paths = dict(Region.objects.filter(pk__in=named).values_list("path", "pk"))
    for unit in Unit.objects.select_related("region").order_by("pk"):
        path = unit.region.path
        # The longest of those paths that starts this unit's path (a tree path's prefixes are its ancestors'):
        # the region itself for a unit other than a township; a unit under none of them is its own region's.
        found = max((p for p in paths if path.startswith(p)), key=len, default=None)
        unit.organisation_id = paths[found] if found else unit.region_id
        unit.save(update_fields=["organisation"])

    placed = {}
    for committee in Committee.objects.order_by("pk"):
        organisation = None
        if committee.host_unit_id:
            organisation = Unit.objects.get(pk=committee.host_unit_id).organisation_id
        if organisation is None:
            seat = Membership.objects.filter(committee=committee).order_by("order", "pk").first()
            organisation = Unit.objects.get(pk=seat.unit_id).organisation_id if seat else None
        if organisation is None and committee.parent_id:
            organisation = placed.get(committee.parent_id)
        if organisation is None:
            # A body with no host, no members and no parent: the organisation most units belong to.
            counted = (
                Unit.objects.values("organisation").annotate(n=models.Count("pk")).order_by("-n", "organisation")
            )
            organisation = counted[0]["organisation"] if counted else None
        if organisation is None:
            raise RuntimeError(f"committee {committee.key!r}: no unit to place it in an organisation; load units first")
        committee.organisation_id = placed[committee.pk] = organisation
        committee.save(update_fields=["organisation"])

    for model, history in ((Unit, "HistoricalUnit"), (Committee, "HistoricalCommittee")):
        current = model.objects.filter(pk=OuterRef("id")).values("organisation")[:1]
        apps.get_model("core", history).objects.update(organisation=Subquery(current))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0014_region_district_kind"),
    ]

    operations = [
        migrations.AddField(
            model_name="committee",
            name="organisation",
            field=models.ForeignKey(
                help_text="The region whose organisation file lists the committee; its key is unique within it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisation_committees",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommittee",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The region whose organisation file lists the committee; its key is unique within it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="historicalunit",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The region whose organisation file lists the unit; its key is unique within it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="organisation",
            field=models.ForeignKey(
                help_text="The region whose organisation file lists the unit; its key is unique within it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisation_units",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.RunPython(fill_organisations, migrations.RunPython.noop),
    ]
