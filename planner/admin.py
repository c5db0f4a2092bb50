from django.contrib import admin

from planner.models import (
    Agreement,
    Contact,
    CooperationArea,
    DocumentNote,
    FollowUp,
    Organisation,
    Person,
    SourceDocument,
    Venue,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_ko", "name_en", "acronym", "kind", "country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("name_ko", "name_en", "acronym")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name_ko", "name_latin", "position_ko", "organisation", "phone")
    list_filter = ("organisation__kind",)
    search_fields = ("name_ko", "name_latin", "position_ko", "position_en", "organisation__name_ko")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ("name_ko", "city_ko", "country", "timezone")
    list_filter = ("country", "timezone")
    search_fields = ("name_ko", "name_en", "city_ko", "city_en", "address")


class DocumentNoteInline(admin.TabularInline):
    model = DocumentNote
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    autocomplete_fields = ("department", "person")


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "publisher", "published_on", "filename")
    list_filter = ("kind",)
    search_fields = ("title", "text")
    list_select_related = ("publisher",)
    inlines = [DocumentNoteInline, ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("department", "responsibility", "rank", "person", "phone", "document")
    list_filter = ("responsibility",)
    search_fields = ("person__name_ko", "department__name_ko", "phone")
    list_select_related = ("department", "person", "document")
    autocomplete_fields = ("department", "person", "document")


class CooperationAreaInline(admin.TabularInline):
    model = CooperationArea
    extra = 0


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    autocomplete_fields = ("partner",)


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = (
        "title_ko",
        "kind",
        "signed_on",
        "signed_place",
        "in_force_from",
        "validity_years",
    )
    list_filter = ("kind", "signed_on")
    search_fields = ("title_ko", "title_en", "summary", "parties__name_ko")
    filter_horizontal = ("parties",)
    inlines = [CooperationAreaInline, FollowUpInline]


@admin.register(DocumentNote)
class DocumentNoteAdmin(admin.ModelAdmin):
    list_display = ("subject", "kind", "document")
    list_filter = ("kind", "document")
    search_fields = ("subject", "text")
    list_select_related = ("document",)
