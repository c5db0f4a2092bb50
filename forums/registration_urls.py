"""The public registration form, under /register/forums/<forum_pk>/ (no login)."""

from django.urls import path

from forums import registration_cancel_views, registration_views

app_name = "registration"

urlpatterns = [
    path("", registration_views.register, name="register"),
    path("done/", registration_views.done, name="done"),
    path("cancel/<str:token>/", registration_cancel_views.cancel, name="cancel"),
]
