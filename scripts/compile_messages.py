"""Compile every locale/*/LC_MESSAGES/django.po under src/ into its .mo file."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src"


def main() -> int:
    for po_path in ROOT.rglob("locale/*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
