"""Mounted at ``forums/<int:forum_pk>/``: calendar files for a forum and its sessions."""

from django.urls import path

from forums import ical_views as views

app_name = "ical"

urlpatterns = [
    path("calendar.ics", views.forum_ics, name="forum"),
    path("sessions/<int:pk>.ics", views.session_ics, name="session"),
]
