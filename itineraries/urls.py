from django.urls import path

from itineraries import views

app_name = "itineraries"

urlpatterns = [
    path("", views.trip_list, name="trip_list"),
    path("<int:pk>/", views.trip_detail, name="trip_detail"),
]
