"""The demo registry: a synthetic, deterministic register of Nan'an enterprises and their IP (docs/registry.md).

Every record is marked `synthetic` and says 演示数据（虚构）; none describes a real enterprise or right.
The generators (`generate_*`) yield plain rows for a seed and are usable on their own (benchmarks); the
loader writes them in bulk.
"""

from .copyrights import generate_copyrights
from .enterprises import generate_enterprises
from .load import (
    DEFAULT_SEED,
    DEFAULT_SIZES,
    DemoRegistryError,
    demo_registry_present,
    load_demo_registry,
    remove_demo_registry,
)
from .patents import generate_patents
from .trademarks import generate_trademarks

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_SIZES",
    "DemoRegistryError",
    "demo_registry_present",
    "generate_copyrights",
    "generate_enterprises",
    "generate_patents",
    "generate_trademarks",
    "load_demo_registry",
    "remove_demo_registry",
]
