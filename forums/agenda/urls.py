"""Mounted at ``forums/<int:forum_pk>/``: the run-of-show editor and its outputs."""

from django.urls import path

from forums.agenda import live_views as live
from forums.agenda import menu_views as menu
from forums.agenda import output_views as output
from forums.agenda import views

app_name = "agenda"

session = "agenda/sessions/<int:pk>/"

urlpatterns = [
    path("agenda/", views.editor, name="editor"),
    path("agenda/rows/", views.rows_save, name="rows_save"),
    path("agenda/sessions/add/", views.session_add, name="session_add"),
    path(session, views.session_edit, name="session_edit"),
    path(f"{session}menu/", menu.session_menu, name="session_menu"),
    path(f"{session}pin/", views.session_pin, name="session_pin"),
    path(f"{session}delete/", views.session_delete, name="session_delete"),
    path(f"{session}people/add/", views.person_add, name="person_add"),
    path(f"{session}people/<int:line_pk>/delete/", views.person_remove, name="person_remove"),
    path(f"{session}items/add/", views.item_add, name="item_add"),
    path(f"{session}items/<int:item_pk>/delete/", views.item_remove, name="item_remove"),
    path("agenda/print/", output.agenda_print, name="print"),
    path("agenda.pdf", output.agenda_pdf, name="pdf"),
    path("agenda/versions/", output.versions, name="versions"),
    path("agenda/versions/issue/", output.version_issue, name="version_issue"),
    path("live/", live.live, name="live"),
    path("live/rehearsal/", live.rehearsal, name="rehearsal"),
    path("live/rehearsal/control/", live.rehearsal_control, name="rehearsal_control"),
    path("live/clock/", live.live_clock, name="live_clock"),
    path("live/mark/", live.mark, name="live_mark"),
    path("live/sessions/<int:pk>/extend/", live.extend, name="live_extend"),
]
