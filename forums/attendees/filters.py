"""Filters of a forum's attendee list: search, status, category, organisation."""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from forums.models import Attendee, Forum
from planner.listing import SearchFilterSet


class AttendeeFilter(SearchFilterSet):
    search_fields = ("name", "organisation_name", "position")
    status = django_filters.ChoiceFilter(
        choices=Attendee.Status.choices, label=_("status"), empty_label=_("All")
    )
    category = django_filters.ChoiceFilter(
        choices=Attendee.Category.choices, label=_("category"), empty_label=_("All")
    )
    organisation = django_filters.ChoiceFilter(
        field_name="organisation_name", choices=(), label=_("organisation"), empty_label=_("All")
    )

    class Meta:
        model = Attendee
        fields = ("q", "status", "category", "organisation")

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = (
            Attendee.objects.filter(forum=forum)
            .exclude(organisation_name="")
            .order_by("organisation_name")
            .values_list("organisation_name", flat=True)
            .distinct()
        )
        # The field puts its empty_label ("All") first itself.
        self.form.fields["organisation"].choices = [(n, n) for n in names]
