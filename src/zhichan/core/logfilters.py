"""A refused request is logged in one line, not with a traceback: it is the access rules working, not a fault."""

import logging


class OneLineForbidden(logging.Filter):
    """On django.request: a 403 becomes `Forbidden: GET /path user=name reason=…` without exc_info."""

    def filter(self, record):
        if getattr(record, "status_code", None) != 403 or getattr(record, "one_line", False):
            return True
        record.one_line = True
        request = getattr(record, "request", None)
        reason = ""
        if record.exc_info and record.exc_info[1] is not None:
            reason = str(record.exc_info[1])
        record.exc_info = None
        record.exc_text = None
        user = getattr(request, "user", None)
        name = user.get_username() if getattr(user, "is_authenticated", False) else "anonymous"
        method = getattr(request, "method", "?")
        path = getattr(request, "path", "?")
        record.msg = "Forbidden: %s %s user=%s reason=%s"
        record.args = (method, path, name, reason or "role not allowed")
        return True
