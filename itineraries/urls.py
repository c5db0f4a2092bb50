from django.urls import path

from itineraries import (
    document_views,
    edit_views,
    history_views,
    menu_views,
    place_views,
    stay_views,
    stop_views,
    trip_views,
    views,
    zone_check_views,
)
from itineraries.edit_views import EngagementViews
from itineraries.member_views import MemberViews
from itineraries.segment_views import SegmentViews
from itineraries.stop_views import StopViews

app_name = "itineraries"


def _history(kind: str, prefix: str):
    return path(
        f"<int:trip_pk>/{prefix}/<int:pk>/history/",
        history_views.item_history_view,
        {"kind": kind},
        name=f"{kind}_history",
    )


urlpatterns = [
    path("", views.trip_list, name="trip_list"),
    path("add/", trip_views.trip_add, name="trip_add"),
    path("zones/", zone_check_views.zone_check, name="zone_check"),
    path("places/lookup/", place_views.place_lookup, name="place_lookup"),
    path("<int:pk>/", views.trip_detail, name="trip_detail"),
    path("<int:pk>/edit/", trip_views.trip_edit, name="trip_edit"),
    path("<int:pk>/print/", views.trip_print, name="trip_print"),
    path("<int:pk>/add-document/", document_views.trip_add_document, name="trip_add_document"),
    path("<int:pk>/history/", history_views.trip_history, name="trip_history"),
    path("<int:pk>/settings/", trip_views.trip_settings, name="trip_settings"),
    path("<int:pk>/close-editor/", views.editor_close, name="editor_close"),
    # Engagements and the people in them
    *EngagementViews.urls(),
    path(
        "<int:trip_pk>/engagements/<int:pk>/menu/",
        menu_views.engagement_menu,
        name="engagement_menu",
    ),
    path(
        "<int:trip_pk>/engagements/<int:pk>/move/",
        edit_views.engagement_move,
        name="engagement_move",
    ),
    path(
        "<int:trip_pk>/engagements/<int:pk>/people/add/",
        edit_views.engagement_person_add,
        name="engagement_person_add",
    ),
    path(
        "<int:trip_pk>/engagements/<int:pk>/people/<int:line_pk>/remove/",
        edit_views.engagement_person_remove,
        name="engagement_person_remove",
    ),
    _history("engagement", "engagements"),
    # Stops
    *StopViews.urls(),
    path("<int:trip_pk>/stops/<int:pk>/move/", stop_views.stop_move, name="stop_move"),
    _history("stop", "stops"),
    # Travel segments
    *SegmentViews.urls(),
    path("<int:trip_pk>/travel/<int:pk>/menu/", menu_views.segment_menu, name="segment_menu"),
    _history("segment", "travel"),
    # Accommodation
    path("<int:trip_pk>/stays/add/", stay_views.StayCreateView.as_view(), name="stay_add"),
    path(
        "<int:trip_pk>/stays/<int:pk>/edit/",
        stay_views.StayUpdateView.as_view(),
        name="stay_edit",
    ),
    path(
        "<int:trip_pk>/stays/<int:pk>/delete/",
        stay_views.StayDeleteView.as_view(),
        name="stay_delete",
    ),
    # Delegation members
    *MemberViews.urls(),
    _history("member", "delegation"),
]
