"""Response headers Django has no setting for.

`PermissionsPolicyMiddleware` sends `Permissions-Policy` from `settings.PERMISSIONS_POLICY` (feature → the origins
allowed to use it; an empty list turns the feature off for every origin, the site's own included). The platform
uses no camera, microphone, location, payment or device access, so a script that slipped in could not either.
"""

from django.conf import settings


def permissions_policy(features: dict) -> str:
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response
