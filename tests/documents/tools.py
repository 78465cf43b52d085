"""Reading built documents back: python-docx for Word, pypdf for PDF, LibreOffice to lay a Word file out."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

import zhichan.documents

FONTS_CONF = Path(zhichan.documents.__file__).with_name("fonts.conf")


def word(content: bytes):
    return Document(io.BytesIO(content))


def pdf_pages(content: bytes) -> list[str]:
    """Each page's text with its lines run together (a long title wraps)."""
    from pypdf import PdfReader

    return [page.extract_text().replace("\n", "") for page in PdfReader(io.BytesIO(content)).pages]


def soffice() -> str:
    """LibreOffice's command; a machine without it skips these tests, except under CI, which must have it."""
    found = shutil.which("soffice")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is missing under CI: scripts/ensure-services installs it")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def to_pdf_with_libreoffice(folder: Path, *documents: tuple[str, bytes]) -> dict[str, bytes]:
    """Each .docx laid out by LibreOffice, its standard fonts drawn with the Noto substitutes (fonts.conf)."""
    command = soffice()
    names = []
    for name, content in documents:
        (folder / f"{name}.docx").write_bytes(content)
        names.append(f"{name}.docx")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(folder)}
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"  # its own profile: runs do not collide
    subprocess.run(
        [command, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *names],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {name: (folder / f"{name}.pdf").read_bytes() for name, _content in documents}
