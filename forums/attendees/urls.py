"""Staff pages of a forum's attendees, under /forums/<forum_pk>/attendees/."""

from django.urls import path

from forums.attendees import checkin_views
from forums.attendees import import_views as attendee_import_views
from forums.attendees import views as attendee_views

app_name = "attendees"

urlpatterns = [
    path("", attendee_views.attendee_list, name="list"),
    path("export.csv", attendee_views.attendee_export_csv, name="export_csv"),
    path("export.xlsx", attendee_views.attendee_export_xlsx, name="export_xlsx"),
    path("add/", attendee_views.attendee_create, name="create"),
    path("<int:pk>/edit/", attendee_views.attendee_update, name="update"),
    path("<int:pk>/delete/", attendee_views.attendee_erase_view, name="erase"),
    path("print/sign-in/", attendee_views.sign_in_sheet, name="sign_in_sheet"),
    path("print/names/", attendee_views.name_list, name="name_list"),
    path("registration/", attendee_views.registration_settings, name="registration_settings"),
    path("import/", attendee_import_views.import_upload, name="import_upload"),
    path("import/preview/", attendee_import_views.import_preview, name="import_preview"),
    path("import/confirm/", attendee_import_views.import_confirm, name="import_confirm"),
    path("import/cancel/", attendee_import_views.import_cancel, name="import_cancel"),
    path("import/template.csv", attendee_import_views.import_template, name="import_template"),
    path("check-in/", checkin_views.check_in, name="check_in"),
    path("check-in/count/", checkin_views.check_in_count, name="check_in_count"),
    path("check-in/walk-in/", checkin_views.walk_in, name="walk_in"),
    path("<int:pk>/check-in/", checkin_views.check_in_mark, name="check_in_mark"),
    path("<int:pk>/check-in/undo/", checkin_views.check_in_undo, name="check_in_undo"),
]
