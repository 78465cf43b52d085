"""The API's one exception handler: a domain function's ValidationError is a 400 and its PermissionDenied a 403,
with the messages it gave, in the user's language (they are translated where they are raised); a body past
DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 saying so; a record not found (Django's `Http404`, whose text is English and
names the model, "No ProgressReport matches the given query.") is DRF's own translated 404."""

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


def validation_detail(error: DjangoValidationError):
    """The messages by field, as DRF writes them: errors of no field under `non_field_errors`."""
    if not hasattr(error, "error_dict"):
        return error.messages
    detail = error.message_dict
    if "__all__" in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
    return detail


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024) or 1
        exc = RequestTooLarge(_("The request is larger than %(limit)d MB; send less at once.") % {"limit": limit})
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(validation_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(str(exc.args[0]))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
