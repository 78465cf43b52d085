from django.urls import path

from .views import attachments, audit, calendar, imports, notifications, regions, roster, tasks, units, workbench

urlpatterns = [
    path("", workbench.workbench, name="workbench"),
    path("regions/", regions.region_list, name="region-list"),
    path("regions/reload/", regions.region_reload, name="region-reload"),
    path("regions/<int:pk>/", regions.region_detail, name="region-detail"),
    path("units/", units.unit_list, name="unit-list"),
    path("units/reload/", units.organisation_reload, name="organisation-reload"),
    path("units/<int:pk>/", units.unit_detail, name="unit-detail"),
    path("units/<int:pk>/people/new/", units.person_create, name="person-create"),
    path("people/<int:pk>/", units.person_edit, name="person-edit"),
    path("users/<int:pk>/temporary-password/", units.user_temporary_password, name="user-temporary-password"),
    path("roster/", roster.roster, name="roster"),
    path("roster/seats/<int:pk>/change/", roster.change_seat_view, name="seat-change"),
    path("audit/", audit.audit, name="audit"),
    path("tasks/", tasks.task_list, name="task-list"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task-detail"),
    path("tasks/<int:pk>/again/", tasks.task_again, name="task-again"),
    path("attachments/<int:pk>/", attachments.attachment_download, name="attachment-download"),
    path("exports/<int:pk>/", tasks.export_download, name="export-download"),
    path("calendar/", calendar.calendar, name="calendar"),
    path("calendar/days/new/", calendar.calendar_day_add, name="calendar-day-add"),
    path("calendar/days/<int:pk>/", calendar.calendar_day_edit, name="calendar-day-edit"),
    path("calendar/days/<int:pk>/delete/", calendar.calendar_day_delete, name="calendar-day-delete"),
    path("notifications/", notifications.notifications, name="notifications"),
    # The import pages keep the addresses they had when only the registry imported (bookmarks).
    path("registry/imports/", imports.import_list, name="import-list"),
    path("registry/imports/new/", imports.import_start, name="import-start"),
    path("registry/imports/template.xlsx", imports.import_template, name="import-template"),
    path("registry/imports/<int:pk>/", imports.import_batch, name="import-batch"),
    path("registry/imports/<int:pk>/confirm/", imports.import_confirm, name="import-confirm"),
    path("registry/imports/<int:pk>/restart/", imports.import_restart, name="import-restart"),
    path("registry/imports/<int:pk>/rejected.xlsx", imports.import_rejections, name="import-rejections"),
]
