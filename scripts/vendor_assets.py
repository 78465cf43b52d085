"""Copy the front-end files the pages use from node_modules (installed by npm) into var/vendor/."""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
VENDOR = ROOT / "var" / "vendor"

# destination folder under static/vendor/ → (source folder in node_modules, file patterns). axe-core is left out on
# purpose: the browser tests read it from node_modules and run it in the page (tests/e2e/test_portal.py); the site
# never serves it.
FILES = {
    "bootstrap/css": ("bootstrap/dist/css", ["bootstrap.min.css", "bootstrap.min.css.map"]),
    "bootstrap/js": ("bootstrap/dist/js", ["bootstrap.bundle.min.js", "bootstrap.bundle.min.js.map"]),
    "bootstrap-icons/font": ("bootstrap-icons/font", ["bootstrap-icons.min.css", "fonts/*.woff", "fonts/*.woff2"]),
    "htmx": ("htmx.org/dist", ["htmx.min.js"]),
    "echarts": ("echarts/dist", ["echarts.min.js"]),
}


def main() -> int:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for dest, (src, patterns) in FILES.items():
        for pattern in patterns:
            found = list((NODE / src).glob(pattern))
            if not found:
                print(f"missing node_modules/{src}/{pattern}: run `npm ci` first", file=sys.stderr)
                return 1
            for path in found:
                target = VENDOR / dest / path.relative_to(NODE / src)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
