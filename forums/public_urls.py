from django.urls import path

from forums import public_agenda_views, public_views

app_name = "public"

urlpatterns = [
    path("forums/<int:pk>/", public_views.forum_public, name="forum"),
    path("forums/<int:pk>/programme.ics", public_agenda_views.agenda_ics, name="agenda_ics"),
    path("forums/<int:pk>/programme.pdf", public_agenda_views.agenda_pdf, name="agenda_pdf"),
]
