"""The admin shows the run-of-show's cascade (orders, start times, instants, SEQUENCE)
read-only and recalculates through ``forums.agenda.services`` after every save: the services
are the one home of those values, whichever screen a change comes from. Rows carry their
revision like every revisioned form: a stale admin save is refused, and an admin save makes
an editor form opened before it stale."""

from django.contrib import admin

from forums.agenda.services import agenda_recalculate
from forums.models import (
    Attendee,
    Forum,
    ForumOrganiser,
    ForumPerson,
    ForumSeries,
    Session,
    SessionItem,
    SessionPerson,
)
from planner.admin_revision import RevisionedAdmin, RevisionedTabularInline

CASCADE_FIELDS = ("start_time", "end_time", "starts_at", "sequence")


class RecalculatesAgenda:
    """After the admin saved a forum or a row and its inlines, the cascade follows."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        instance = form.instance
        agenda_recalculate(forum=getattr(instance, "forum", instance))


@admin.register(ForumSeries)
class ForumSeriesAdmin(admin.ModelAdmin):
    list_display = ("name_ko", "name_en")
    search_fields = ("name_ko", "name_en")


class ForumOrganiserInline(admin.TabularInline):
    model = ForumOrganiser
    extra = 0
    autocomplete_fields = ("organisation",)


class ForumPersonInline(admin.TabularInline):
    model = ForumPerson
    extra = 0
    autocomplete_fields = ("person", "organisation")


class SessionInline(RevisionedTabularInline):
    model = Session
    extra = 0
    fields = ("order", "kind", "title_ko", "minutes", "starts_at", "is_pinned", "notes")
    readonly_fields = ("starts_at",)


@admin.register(Forum)
class ForumAdmin(RecalculatesAgenda, admin.ModelAdmin):
    list_display = ("title_ko", "date", "starts_at", "venue", "capacity", "status")
    list_filter = ("status", "series", "date")
    search_fields = ("title_ko", "title_en", "theme_ko", "venue__name_ko")
    list_select_related = ("venue",)
    autocomplete_fields = ("venue", "series", "document")
    filter_horizontal = ("contacts", "agreements")
    inlines = [ForumOrganiserInline, ForumPersonInline, SessionInline]


class SessionItemInline(admin.TabularInline):
    model = SessionItem
    extra = 0
    autocomplete_fields = ("person",)


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    extra = 0
    autocomplete_fields = ("person", "organisation")


@admin.register(Session)
class SessionAdmin(RecalculatesAgenda, RevisionedAdmin):
    list_display = ("title_ko", "forum", "order", "starts_at", "minutes", "notes")
    list_filter = ("kind", "forum")
    search_fields = ("title_ko", "title_en", "notes")
    list_select_related = ("forum",)
    readonly_fields = CASCADE_FIELDS
    inlines = [SessionItemInline, SessionPersonInline]


@admin.register(Attendee)
class AttendeeAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "organisation_name",
        "position",
        "forum",
        "category",
        "status",
        "checked_in_at",
    )
    list_filter = ("status", "category", "forum")
    search_fields = ("name", "organisation_name", "email")
    list_select_related = ("forum",)
