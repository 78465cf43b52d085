from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Enterprise


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "uscc", "region", "synthetic"]
    list_filter = ["synthetic"]
    search_fields = ["name", "uscc"]
    autocomplete_fields = ["members"]
    raw_id_fields = ["region"]
