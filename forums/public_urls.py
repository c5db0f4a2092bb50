from django.urls import path

from forums import public_views

app_name = "public"

urlpatterns = [
    path("forums/<int:pk>/", public_views.forum_public, name="forum"),
]
