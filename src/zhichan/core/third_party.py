"""Names for the admin pages of the third-party apps we install (sign-in protection, background task results),
and Django's own messages whose Chinese Django gets wrong.

Those apps ship no Chinese and name themselves in English ("Axes", "Task Results"); their names are set here,
in our words from docs/glossary.md, so that they are in our catalogue and the admin reads in one language.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

APP_NAMES = {
    "axes": _("Sign-in protection"),
    "django_tasks_database": _("Background task results"),
}

# model label → (verbose name, plural, {field: verbose name})
MODEL_NAMES = {
    "django_tasks_database.DBTaskResult": (
        _("background task result"),
        _("background task results"),
        {
            "status": _("state"),
            "enqueued_at": _("queued at"),
            "started_at": _("started"),
            "finished_at": _("finished"),
            "args_kwargs": _("arguments"),
            "priority": _("priority"),
            "task_path": _("task"),
            "worker_ids": _("worker"),
            "queue_name": _("queue"),
            "backend_name": _("backend"),
            "run_after": _("not before"),
            "return_value": _("result"),
            "exception_class_path": _("error"),
            "traceback": _("error details"),
        },
    ),
    "axes.AccessAttempt": (
        _("sign-in lockout counter"),
        _("sign-in lockout counters"),
        {"failures_since_start": _("failures")},
    ),
    "axes.AccessLog": (_("sign-in log entry"), _("sign-in log"), {"logout_time": _("signed out at")}),
    "axes.AccessFailureLog": (
        _("failed sign-in log entry"),
        _("failed sign-in log"),
        {"locked_out": _("locked out")},
    ),
}

# Fields the axes models share.
AXES_FIELDS = {
    "user_agent": _("browser"),
    "ip_address": _("IP address"),
    "http_accept": _("accepted content types"),
    "path_info": _("path"),
    "attempt_time": _("time"),
    "get_data": _("query parameters"),
    "post_data": _("form data"),
    "session_hash": _("session key hash"),
}

# Django's messages that its Chinese catalogue leaves in English or gets wrong, listed here so that they are in our
# catalogue, which is searched first (LOCALE_PATHS). Django 5.2 writes the password-length message with "%d" while
# its catalogue still translates the older "%(min_length)d" text, so users read it in English; and it renders
# "Null characters are not allowed." (a search with a NUL in it) as "empty strings are not allowed".
DJANGO_CORRECTIONS = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        10,
    ),
    gettext_noop("Null characters are not allowed."),
)


def name_third_party_apps():
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.app_configs[label].verbose_name = name
    for label, (singular, plural, fields) in MODEL_NAMES.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        model._meta.verbose_name, model._meta.verbose_name_plural = singular, plural
        names = {**AXES_FIELDS, **fields} if model._meta.app_label == "axes" else fields
        for field in model._meta.fields:
            if field.name in names:
                field.verbose_name = names[field.name]
