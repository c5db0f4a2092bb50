"""Search and filters of the forum list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, ForumSeries
from planner.listing import ALL, SearchFilterSet


class ForumFilter(SearchFilterSet):
    search_fields = (
        "title_ko",
        "title_en",
        "theme_ko",
        "theme_en",
        "series__name_ko",
        "venue__name_ko",
        "venue__city_ko",
    )
    status = django_filters.ChoiceFilter(
        empty_label=ALL, choices=Forum.Status.choices, label=_("status")
    )
    series = django_filters.ModelChoiceFilter(
        empty_label=ALL, queryset=ForumSeries.objects.all(), label=_("series")
    )
    year = django_filters.NumberFilter(field_name="date", lookup_expr="year", label=_("year"))

    class Meta:
        model = Forum
        fields = ("q", "status", "series", "year")
