"""Search and filters of the core list pages."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries, sort_key

from planner.listing import ALL, SearchFilterSet
from planner.models import Agreement, Organisation, Person, SourceDocument


class AgreementFilter(SearchFilterSet):
    search_fields = ("title_ko", "title_en", "summary", "parties__name_ko", "parties__name_en")
    kind = django_filters.ChoiceFilter(
        empty_label=ALL, choices=Agreement.Kind.choices, label=_("kind")
    )

    class Meta:
        model = Agreement
        fields = ("q", "kind")


class PersonFilter(SearchFilterSet):
    search_fields = (
        "name_ko",
        "name_latin",
        "position_ko",
        "position_en",
        "organisation__name_ko",
        "organisation__name_en",
    )
    organisation = django_filters.ModelChoiceFilter(
        empty_label=ALL,
        queryset=Organisation.objects.filter(people__isnull=False).distinct(),
        label=_("organisation"),
    )

    class Meta:
        model = Person
        fields = ("q", "organisation")


def countries_in_use() -> list[tuple[str, str]]:
    codes = set(Organisation.objects.exclude(country="").values_list("country", flat=True))
    return sorted(((code, countries.name(code)) for code in codes), key=sort_key)


class OrganisationFilter(SearchFilterSet):
    search_fields = ("name_ko", "name_en", "acronym")
    kind = django_filters.ChoiceFilter(
        empty_label=ALL, choices=Organisation.Kind.choices, label=_("kind")
    )
    country = django_filters.ChoiceFilter(
        empty_label=ALL, choices=countries_in_use, label=_("country")
    )

    class Meta:
        model = Organisation
        fields = ("q", "kind", "country")


class DocumentFilter(SearchFilterSet):
    search_fields = ("title", "text", "filename")
    kind = django_filters.ChoiceFilter(
        empty_label=ALL, choices=SourceDocument.Kind.choices, label=_("kind")
    )

    class Meta:
        model = SourceDocument
        fields = ("q", "kind")
