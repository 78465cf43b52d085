from django.urls import path

from . import api, api_certifications, api_registers

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [
    ("patents", api_registers.PatentViewSet),
    ("trademarks", api_registers.TrademarkViewSet),
    ("copyrights", api_registers.CopyrightViewSet),
    ("geographical-indications", api_registers.GIViewSet),
    ("enterprises", api_registers.EnterpriseViewSet),
    ("registry/certifications", api_certifications.CertificationViewSet),
]

urlpatterns = [
    path("validate/", api.validate, name="api-validate"),
]
