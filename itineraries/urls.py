from django.urls import path

from itineraries import (
    edit_views,
    history_views,
    member_views,
    place_views,
    segment_views,
    stay_views,
    stop_views,
    trip_views,
    views,
    zone_check_views,
)

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
    path("<int:pk>/history/", history_views.trip_history, name="trip_history"),
    path("<int:pk>/settings/", member_views.trip_settings, name="trip_settings"),
    path("<int:pk>/close-editor/", views.editor_close, name="editor_close"),
    # Engagements and the people in them
    path("<int:trip_pk>/engagements/add/", edit_views.engagement_add, name="engagement_add"),
    path(
        "<int:trip_pk>/engagements/<int:pk>/edit/",
        edit_views.engagement_edit,
        name="engagement_edit",
    ),
    path(
        "<int:trip_pk>/engagements/<int:pk>/cancel/",
        edit_views.engagement_cancel,
        name="engagement_cancel",
    ),
    path(
        "<int:trip_pk>/engagements/<int:pk>/delete/",
        edit_views.engagement_delete,
        name="engagement_delete",
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
    path("<int:trip_pk>/stops/add/", stop_views.stop_add, name="stop_add"),
    path("<int:trip_pk>/stops/<int:pk>/edit/", stop_views.stop_edit, name="stop_edit"),
    path("<int:trip_pk>/stops/<int:pk>/move/", stop_views.stop_move, name="stop_move"),
    path("<int:trip_pk>/stops/<int:pk>/delete/", stop_views.stop_delete, name="stop_delete"),
    _history("stop", "stops"),
    # Travel segments
    path("<int:trip_pk>/travel/add/", segment_views.segment_add, name="segment_add"),
    path("<int:trip_pk>/travel/<int:pk>/edit/", segment_views.segment_edit, name="segment_edit"),
    path(
        "<int:trip_pk>/travel/<int:pk>/delete/",
        segment_views.segment_delete,
        name="segment_delete",
    ),
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
    path("<int:trip_pk>/delegation/add/", member_views.member_add, name="member_add"),
    path("<int:trip_pk>/delegation/<int:pk>/edit/", member_views.member_edit, name="member_edit"),
    path(
        "<int:trip_pk>/delegation/<int:pk>/delete/",
        member_views.member_delete,
        name="member_delete",
    ),
    _history("member", "delegation"),
]
