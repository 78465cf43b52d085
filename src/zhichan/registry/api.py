"""REST API (/api/v1/) of the IP registry: live validation of identifiers for the forms."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response

from zhichan.core.access import RolePermission
from zhichan.core.roles import EVERYONE

from .identifiers import (
    IdentifierError,
    parse_patent_application,
    parse_trademark_registration,
    parse_uscc,
    trademark_kind,
)


def _patent(value):
    number = parse_patent_application(value)
    return number.normalized, number.details()


def _trademark(value):
    normalized = parse_trademark_registration(value)
    return normalized, {"kind": trademark_kind(normalized)}


def _uscc(value):
    code = parse_uscc(value)
    return code.normalized, code.details()


VALIDATORS = {"patent-application": _patent, "uscc": _uscc, "trademark-registration": _trademark}

ValidationResult = inline_serializer(
    "IdentifierValidation",
    {
        "valid": serializers.BooleanField(),
        "normalized": serializers.CharField(allow_null=True),
        "details": serializers.DictField(help_text="patent: year, type…; USCC: region, entity kind…"),
        "error": serializers.CharField(allow_null=True),
    },
)


def _answer(valid: bool, normalized=None, details=None, error=None, http_status=status.HTTP_200_OK):
    body = {"valid": valid, "normalized": normalized, "details": details or {}, "error": error}
    return Response(body, status=http_status)


@extend_schema(
    parameters=[
        OpenApiParameter("kind", OpenApiTypes.STR, required=True, enum=list(VALIDATORS)),
        OpenApiParameter("value", OpenApiTypes.STR, required=True, description="the number as typed or exported"),
    ],
    responses={200: ValidationResult, 400: ValidationResult},
    auth=[{"tokenAuth": []}, {"cookieAuth": []}, {}],  # {}: anonymous visitors may call it too
    examples=[
        OpenApiExample(
            "valid patent application",
            response_only=True,
            value={
                "valid": True,
                "normalized": "201710601862.3",
                "details": {"year": 2017, "type_code": "1", "type": "发明"},
                "error": None,
            },
        ),
        OpenApiExample(
            "wrong check digit",
            response_only=True,
            value={
                "valid": False,
                "normalized": None,
                "details": {},
                "error": "校验位错误：填写的是 201710601862.4，但 201710601862 的校验位是 3。",
            },
        ),
    ],
)
@api_view(["GET"])
@permission_classes([RolePermission])
def validate(request):
    """Check a patent application number, unified social credit code or trademark number and normalize it.

    Invalid values are answered with 200 and `valid: false`; only an unknown kind or a missing parameter is 400.
    """
    kind, value = request.query_params.get("kind"), request.query_params.get("value")
    if not kind or value is None:
        return _answer(False, error=_("Give both kind and value."), http_status=status.HTTP_400_BAD_REQUEST)
    validator = VALIDATORS.get(kind)
    if validator is None:
        return _answer(
            False,
            error=_("Unknown kind %(kind)s; use one of: %(kinds)s.") % {"kind": kind, "kinds": ", ".join(VALIDATORS)},
            http_status=status.HTTP_400_BAD_REQUEST,
        )
    try:
        normalized, details = validator(value)
    except IdentifierError as error:
        return _answer(False, error=error.message)
    return _answer(True, normalized, details)


# Public: the check reveals nothing private and the public forms use it. RolePermission still applies.
validate.cls.allowed_roles = EVERYONE
