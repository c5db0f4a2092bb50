"""The trip list's table (the delegation table is itineraries/delegation_table.py)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from planner.listing import BaseTable


class TripTable(BaseTable):
    title = tables.TemplateColumn(
        template_code=(
            '{% load planner_display %}<a href="{{ record.get_absolute_url }}">'
            '{{ record|localized:"title" }}</a>'
        ),
        verbose_name=_("trip"),
        order_by=("title_ko",),
    )
    dates = tables.TemplateColumn(
        template_code="{% load planner_time %}{{ record.start_date|date_range:record.end_date }}",
        verbose_name=_("dates"),
        order_by=("start_date", "end_date"),
    )
    head = tables.TemplateColumn(
        template_code="{{ record.head|default:'—' }}",
        verbose_name=_("head of delegation"),
        order_by=("head__name_ko",),
    )
    stops = tables.TemplateColumn(
        template_code=(
            "{% load planner_display %}{% for stop in record.stops.all %}"
            '{{ stop|localized:"city" }} <span class="muted">({{ stop.country.name }})</span>'
            "{% if not forloop.last %} → {% endif %}"
            "{% empty %}—{% endfor %}"
        ),
        verbose_name=_("destinations"),
        orderable=False,
    )
    engagement_count = tables.Column(verbose_name=_("engagements"))
    status = tables.TemplateColumn(
        template_code="{% load planner_display %}{% status_badge record %}",
        verbose_name=_("status"),
    )

    class Meta(BaseTable.Meta):
        sequence = ("title", "dates", "head", "stops", "engagement_count", "status")
        order_by = ("-dates",)
