"""A QR code of an address, as inline SVG for a page (the organiser shows it on a screen; phones scan it)."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(address: str) -> str:
    code = segno.make(address, error="m")
    return mark_safe(code.svg_inline(scale=6, dark="#000", light="#fff", omitsize=True))
