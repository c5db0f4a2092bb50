from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="forum_list"),
    path("<int:pk>/", views.forum_detail, name="forum_detail"),
]
