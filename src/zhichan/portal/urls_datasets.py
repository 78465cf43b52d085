"""Published lists and data: the datasets' pages, downloads and DCAT metadata (views_datasets.py), public."""

from django.urls import path, re_path

from . import views_datasets

urlpatterns = [
    path("portal/data/", views_datasets.dataset_list, name="portal-datasets"),
    path("portal/data/catalog.jsonld", views_datasets.catalog, name="portal-catalog"),
    re_path(r"^portal/data/(?P<key>[a-z0-9-]+)\.jsonld$", views_datasets.dataset_dcat, name="portal-dataset-dcat"),
    re_path(
        r"^portal/data/(?P<key>[a-z0-9-]+)\.(?P<suffix>csv|xlsx|json)$",
        views_datasets.dataset_download,
        name="portal-dataset-download",
    ),
    path("portal/data/<slug:key>/", views_datasets.dataset_page, name="portal-dataset"),
]
