from django.contrib import admin
from django.urls import include, path
from health_check.views import HealthCheckView

from planner import about_views, people_views, review_views, views

core_patterns = [
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/search/", people_views.person_search, name="person_search"),
    path("people/new/", people_views.person_new, name="person_new"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("documents/", views.document_list, name="document_list"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/import/", review_views.review_start, name="review_start"),
    path("documents/import/<int:pk>/", review_views.review_detail, name="review_detail"),
    path("about/", about_views.about, name="about"),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # For the reverse proxy and the monitoring: 200 when the database and cache answer.
    path(
        "health/",
        HealthCheckView.as_view(
            checks=["health_check.checks.Database", "health_check.checks.Cache"]
        ),
        name="health",
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", views.home, name="home"),
    path("trips/", include("itineraries.urls")),
    path("forums/", include("forums.urls")),
    path("register/forums/<int:forum_pk>/", include("forums.registration_urls")),
    path("public/", include("forums.public_urls")),
    path("trips/<int:trip_pk>/", include("itineraries.ical_urls")),
    path("calendar/", include("planner.calendar_urls")),
    path("", include((core_patterns, "planner"))),
]

handler400 = "planner.error_views.bad_request"
