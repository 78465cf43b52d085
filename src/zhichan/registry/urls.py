from django.urls import path

from .views import certifications, cultivation, enterprises, others, patents, search, trademarks

urlpatterns = [
    path("registry/", search.registry_home, name="registry-home"),
    path("registry/patents/", patents.patent_list, name="patent-list"),
    path("registry/patents/export.xlsx", patents.patent_export, name="patent-export"),
    path("registry/patents/<int:pk>/", patents.patent_detail, name="patent-detail"),
    path("registry/trademarks/", trademarks.trademark_list, name="trademark-list"),
    path("registry/trademarks/export.xlsx", trademarks.trademark_export, name="trademark-export"),
    path("registry/trademarks/<int:pk>/", trademarks.trademark_detail, name="trademark-detail"),
    path("registry/copyrights/", others.copyright_list, name="copyright-list"),
    path("registry/copyrights/export.xlsx", others.copyright_export, name="copyright-export"),
    path("registry/copyrights/<int:pk>/", others.copyright_detail, name="copyright-detail"),
    path("registry/geographical-indications/", others.gi_list, name="gi-list"),
    path("registry/geographical-indications/export.xlsx", others.gi_export, name="gi-export"),
    path("registry/geographical-indications/<int:pk>/", others.gi_detail, name="gi-detail"),
    path("registry/enterprises/", enterprises.enterprise_list, name="enterprise-list"),
    path("registry/enterprises/export.xlsx", enterprises.enterprise_export, name="enterprise-export"),
    path("registry/enterprises/<int:pk>/", enterprises.enterprise_detail, name="enterprise-detail"),
    path("registry/enterprises/<int:pk>/certify/", certifications.enterprise_certify, name="enterprise-certify"),
    path("registry/certifications/<int:pk>/", certifications.certification_detail, name="certification-detail"),
    path("registry/certifications/<int:pk>/step/", certifications.certification_step, name="certification-step"),
    path("registry/cultivation/", cultivation.cultivation, name="cultivation"),
    path("registry/cultivation/export.xlsx", cultivation.cultivation_export, name="cultivation-export"),
]
