from django.urls import path

from planner import calendar_views as views

app_name = "calendar"

urlpatterns = [
    path("", views.month, name="month"),
    path("week/", views.week, name="week"),
    path("feeds/", views.feed_list, name="feeds"),
    path("feeds/<int:pk>/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feeds/<int:pk>/regenerate/", views.feed_regenerate, name="feed_regenerate"),
    # Public: the secret token is the credential (calendar apps cannot log in).
    path("feed/<slug:token>.ics", views.feed, name="feed"),
    path("follow/<slug:kind>/<int:pk>/", views.follow, name="follow"),
]
