"""The shape every list page shares: a search form, filters and a sortable table.

A list page template extends ``planner/list_layout.html``; an htmx request for
sorting or paging gets only the ``table-region`` partial of that layout.
"""

from __future__ import annotations

from typing import Any

import django_filters
import django_tables2 as tables
from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_htmx.middleware import HtmxDetails
from django_tables2 import RequestConfig

PER_PAGE = 50
ALL = _("All")
LAYOUT = "planner/list_layout.html"
TABLE_TEMPLATE = "planner/_table.html"


class HtmxHttpRequest(HttpRequest):
    """The request type of views behind ``HtmxMiddleware`` (for type hints)."""

    htmx: HtmxDetails


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a free-text ``q`` over ``search_fields`` (KRDS classes: the renderer)."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, form_field in self.form.fields.items():
            form_field.widget.attrs.setdefault("id", f"filter-{name}")

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for term in value.split():
            term_condition = Q()
            for field_name in self.search_fields:
                term_condition |= Q(**{f"{field_name}__icontains": term})
            condition &= term_condition
        return queryset.filter(condition).distinct() if value.strip() else queryset


class BaseTable(tables.Table):
    class Meta:
        template_name = TABLE_TEMPLATE
        attrs = {"class": "tbl col data"}
        empty_text = _("Nothing matches.")


def render_list(
    request: HtmxHttpRequest,
    *,
    template: str,
    filterset: SearchFilterSet,
    table_class: type[tables.Table],
    title: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    table = table_class(filterset.qs)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    context = {"filter": filterset, "table": table, "page_title": title, **(extra or {})}
    if request.htmx:
        template = f"{LAYOUT}#table-region"
    return render(request, template, context)
