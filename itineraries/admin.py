from django.contrib import admin

from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stay,
    Stop,
    TravelSegment,
    Trip,
)
from planner.admin_revision import RevisionedAdmin, RevisionedTabularInline


class StopInline(RevisionedTabularInline):
    model = Stop
    extra = 0


class DelegationMemberInline(RevisionedTabularInline):
    model = DelegationMember
    extra = 0
    autocomplete_fields = ("person", "organisation")


@admin.register(Trip)
class TripAdmin(RevisionedAdmin):
    list_display = ("title_ko", "head", "start_date", "end_date", "status")
    list_filter = ("status", "start_date", "stops__country")
    search_fields = ("title_ko", "title_en", "purpose", "head__name_ko", "stops__city_ko")
    list_select_related = ("head",)
    autocomplete_fields = ("head", "organisation", "document")
    filter_horizontal = ("contacts", "agreements")
    inlines = [StopInline, DelegationMemberInline]


class EngagementPersonInline(admin.TabularInline):
    model = EngagementPerson
    extra = 0
    autocomplete_fields = ("person", "organisation")


@admin.register(Engagement)
class EngagementAdmin(RevisionedAdmin):
    list_display = ("title_ko", "trip", "stop", "date", "starts_at", "status", "kind")
    list_filter = ("status", "kind", "stop__country", "trip")
    search_fields = ("title_ko", "title_en", "objectives", "people__person__name_ko")
    list_select_related = ("trip", "stop")
    autocomplete_fields = ("venue", "host", "forum")
    inlines = [EngagementPersonInline]


@admin.register(Stop)
class StopAdmin(RevisionedAdmin):
    list_display = ("city_ko", "country", "timezone", "trip", "arrival_date", "departure_date")
    list_filter = ("country", "timezone")
    search_fields = ("city_ko", "city_en", "trip__title_ko")
    list_select_related = ("trip",)


@admin.register(TravelSegment)
class TravelSegmentAdmin(RevisionedAdmin):
    list_display = (
        "trip",
        "mode",
        "carrier",
        "number",
        "origin",
        "destination",
        "departs_at",
        "arrives_at",
    )
    list_filter = ("mode",)
    search_fields = ("carrier", "number", "origin", "destination")
    list_select_related = ("trip",)


@admin.register(DelegationGroup)
class DelegationGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "trip", "agency_count")
    search_fields = ("name", "trip__title_ko")
    list_select_related = ("trip",)


@admin.register(DelegationMember)
class DelegationMemberAdmin(RevisionedAdmin):
    list_display = ("__str__", "trip", "role", "group", "printed_as")
    list_filter = ("role",)
    search_fields = ("person__name_ko", "organisation__name_ko", "printed_as")
    list_select_related = ("trip", "person", "organisation", "group")


@admin.register(Stay)
class StayAdmin(admin.ModelAdmin):
    """Read-only: stays are written through ``stay_save`` (the place, who stays, revisions)."""

    list_display = ("venue", "trip", "check_in_date", "check_out_date")
    search_fields = ("venue__name_ko", "venue__name_en", "trip__title_ko")
    list_select_related = ("venue", "trip")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
