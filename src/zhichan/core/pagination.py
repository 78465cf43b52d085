from django import forms
from rest_framework.pagination import PageNumberPagination

from .params import query


class Pagination(PageNumberPagination):
    """?page=N&page_size=M (1 to 500 rows a page; another size is a 400 naming the parameter)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        size = forms.IntegerField(required=False, min_value=1, max_value=self.max_page_size)
        return query(request, **{self.page_size_query_param: size})[self.page_size_query_param] or self.page_size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters
