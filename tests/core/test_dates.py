"""Dates are Asia/Shanghai: "today" is the date in the configured time zone, never the server's clock zone."""

import re

from django.conf import settings

SERVER_CLOCK = re.compile(r"\bdate\.today\(\)|\bdatetime\.now\(\)|\butcnow\(\)")


def test_time_zone_is_asia_shanghai():
    assert settings.TIME_ZONE == "Asia/Shanghai" and settings.USE_TZ


def test_no_code_reads_the_server_clock_zone():
    """A server on UTC would start 'today' eight hours late; timezone.localdate()/now() read Shanghai's."""
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for path in sorted(settings.BASE_DIR.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SERVER_CLOCK.search(line)
    ]
    assert not offenders, f"use django.utils.timezone.localdate() or now(): {offenders}"
