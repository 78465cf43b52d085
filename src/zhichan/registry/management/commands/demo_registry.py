import time

from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand
from zhichan.core.services.demo_population import remove_demo_population

from ...demo import DEFAULT_SEED, DEFAULT_SIZES, DemoRegistryError, load_demo_registry, remove_demo_registry
from ...first_start import removed_marker, township_population


class Command(ActingCommand):
    help = (
        "Load the synthetic demo registry of Nan'an (enterprises, patents, trademarks, copyrights, GIs; all marked "
        "演示数据（虚构）) with synthetic township populations, or remove both with --remove. Loading twice creates "
        "nothing new."
    )

    def add_arguments(self, parser):
        for name, default in DEFAULT_SIZES.items():
            parser.add_argument(f"--{name}", type=int, default=default, help=f"how many (default {default})")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
        parser.add_argument("--remove", action="store_true", help="delete every synthetic registry record instead")

    def handle(self, remove=False, seed=DEFAULT_SEED, **options):
        started = time.monotonic()
        if remove:
            counts = remove_demo_registry(progress=self.stdout.write)
            counts["township_population_figures"] = remove_demo_population()
            removed_marker().parent.mkdir(parents=True, exist_ok=True)
            removed_marker().touch()  # `make run` does not load it again; `demo_registry` does
            self.stdout.write(f"Removed: {self._summary(counts)} in {time.monotonic() - started:.1f} s")
            return
        if any(options[name] < 0 for name in DEFAULT_SIZES):
            raise CommandError("Sizes cannot be negative.")
        try:
            counts = load_demo_registry(
                seed=seed, progress=self.stdout.write, **{name: options[name] for name in DEFAULT_SIZES}
            )
        except DemoRegistryError as error:
            raise CommandError(str(error)) from None
        counts["township_population_figures"] = township_population()
        removed_marker().unlink(missing_ok=True)
        self.stdout.write(f"Created: {self._summary(counts)} in {time.monotonic() - started:.1f} s")

    @staticmethod
    def _summary(counts):
        return ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
