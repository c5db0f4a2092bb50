"""Everything under ``forums/``: the list, and each forum's pages, mounted once."""

from django.urls import include, path

from forums import views

app_name = "forums"

forum_patterns = [
    path("", views.forum_detail, name="forum_detail"),
    path("", include("forums.agenda.urls")),
    path("", include("forums.ical_urls")),
    path("attendees/", include("forums.attendees.urls")),
]

urlpatterns = [
    path("", views.forum_list, name="forum_list"),
    path("<int:forum_pk>/", include(forum_patterns)),
]
