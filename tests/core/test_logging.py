"""A refused request leaves one line in the server log, not a traceback."""

import logging

import pytest

from zhichan.core.logfilters import OneLineForbidden


@pytest.mark.django_db
def test_a_403_is_logged_in_one_line(client_for, caplog):
    client = client_for("amr-liaison")
    logger = logging.getLogger("django.request")
    one_line = OneLineForbidden()
    logger.addFilter(one_line)  # caplog's handler sits on the root; the filter is on the logger as in settings
    try:
        with caplog.at_level(logging.WARNING, logger="django.request"):
            response = client.get("/audit/")
    finally:
        logger.removeFilter(one_line)
    assert response.status_code == 403
    records = [record for record in caplog.records if record.name == "django.request"]
    assert len(records) == 1
    record = records[0]
    assert record.exc_info is None
    assert record.getMessage() == "Forbidden: GET /audit/ user=amr-liaison reason=role unit-liaison may not read"


def test_settings_put_the_filter_on_django_request():
    from django.conf import settings

    assert settings.LOGGING["loggers"]["django.request"]["filters"] == ["one_line_forbidden"]


def test_other_records_pass_untouched():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/x",), None)
    record.status_code = 500
    assert OneLineForbidden().filter(record) and record.getMessage() == "Internal Server Error: /x"
