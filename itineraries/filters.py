"""Search and filters of the trip list."""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries, sort_key

from itineraries.models import Stop, Trip
from planner.listing import ALL, SearchFilterSet


def destination_countries() -> list[tuple[str, str]]:
    """Countries some trip stops in, by name (the list only offers what can match)."""
    codes = set(Stop.objects.values_list("country", flat=True).distinct())
    return sorted(((code, countries.name(code)) for code in codes if code), key=sort_key)


def trip_years() -> list[tuple[str, str]]:
    years = (
        Trip.objects.annotate(year=ExtractYear("start_date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(str(year), str(year)) for year in years]


class TripFilter(SearchFilterSet):
    search_fields = (
        "title_ko",
        "title_en",
        "purpose",
        "head__name_ko",
        "head__name_latin",
        "organisation__name_ko",
        "organisation__name_en",
        "stops__city_ko",
        "stops__city_en",
        "engagements__title_ko",
        "engagements__title_en",
        "engagements__people__person__name_ko",
        "engagements__people__person__name_latin",
        "engagements__people__printed_as",
    )
    status = django_filters.ChoiceFilter(
        empty_label=ALL, choices=Trip.Status.choices, label=_("status")
    )
    year = django_filters.ChoiceFilter(
        field_name="start_date",
        lookup_expr="year",
        empty_label=ALL,
        choices=trip_years,
        label=_("year"),
    )
    country = django_filters.ChoiceFilter(
        field_name="stops__country",
        empty_label=ALL,
        choices=destination_countries,
        label=_("country"),
        distinct=True,
    )

    class Meta:
        model = Trip
        fields = ("q", "status", "year", "country")
