"""Recompute a random inspection plan's draw from what it published: `manage.py verify_draw <plan id>`.

Prints the commitment, the seed, the objects and inspectors drawn and the problems found; fails when any."""

from django.core.management.base import BaseCommand, CommandError

from zhichan.services.models import InspectionPlan
from zhichan.services.services.inspections import verification


class Command(BaseCommand):
    help = "Recompute a random inspection plan's draw from its published pool, commitment and seed."

    def add_arguments(self, parser):
        parser.add_argument("plan", type=int, help="the plan's id")

    def handle(self, *args, plan, **options):
        found = InspectionPlan.objects.filter(pk=plan).first()
        if found is None:
            raise CommandError(f"No random inspection plan {plan}.")
        out = self.stdout
        out.write(f"{found.name}")
        out.write(f"pool SHA-256:            {found.pool_hash}")
        out.write(f"inspectors' pool SHA-256: {found.inspector_pool_hash}")
        out.write(f"seed commitment:          {found.seed_hash}")
        out.write(f"seed:                     {found.seed_shown or '(not published yet)'}")
        for target in found.targets.prefetch_related("inspectors__inspector"):
            names = ", ".join(a.inspector.certificate_number for a in target.inspectors.all() if not a.stepped_aside)
            out.write(f"{target.order:3d} {target.stratum} {target.key} {target.name}: {names}")
        problems = verification(found)
        if problems:
            raise CommandError("\n".join(str(problem) for problem in problems))
        out.write(self.style.SUCCESS("The draw recomputes exactly as published."))
