"""Mounted at ``trips/<int:trip_pk>/``: calendar files for a trip, and invitation import."""

from django.urls import path

from itineraries import ical_views as views
from itineraries import invitation_views

app_name = "itineraries_ical"

urlpatterns = [
    path("calendar.ics", views.trip_ics, name="trip"),
    path("engagements/<int:pk>.ics", views.engagement_ics, name="engagement"),
    path("import-invitation/", invitation_views.engagement_import, name="import"),
]
