from django.urls import path

from . import api

urlpatterns = [
    path("validate/", api.validate, name="api-validate"),
]
