"""The forum list table."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from planner.listing import BaseTable


class ForumTable(BaseTable):
    title = tables.TemplateColumn(
        template_code=(
            '{% load planner_display %}<a href="{{ record.get_absolute_url }}">'
            '{{ record|localized:"title" }}</a>'
        ),
        verbose_name=_("forum"),
        order_by=("title_ko",),
    )
    series = tables.TemplateColumn(
        template_code=(
            "{% load i18n planner_display %}"
            '{% if record.series %}{{ record.series|localized:"name" }}'
            "{% if record.edition %} · {% blocktranslate trimmed with n=record.edition %}"
            "edition {{ n }}{% endblocktranslate %}{% endif %}{% else %}—{% endif %}"
        ),
        verbose_name=_("series"),
        order_by=("series__name_ko", "edition"),
    )
    date = tables.TemplateColumn(
        template_code="{% load planner_time %}{{ record.date|korean_date }}",
        verbose_name=_("date"),
    )
    venue = tables.TemplateColumn(
        template_code=(
            '{% load planner_display %}{% if record.venue %}{{ record.venue|localized:"name" }}'
            "{% else %}—{% endif %}"
        ),
        verbose_name=_("venue"),
        order_by=("venue__name_ko",),
    )
    organisers = tables.TemplateColumn(
        template_code=(
            "{% for o in record.organisers.all %}{{ o.organisation }}"
            "{% if not forloop.last %}, {% endif %}{% empty %}—{% endfor %}"
        ),
        verbose_name=_("organisers"),
        orderable=False,
    )
    session_count = tables.Column(verbose_name=_("agenda rows"))
    status = tables.TemplateColumn(
        template_code="{% load planner_display %}{% status_badge record %}",
        verbose_name=_("status"),
    )

    class Meta(BaseTable.Meta):
        sequence = ("title", "series", "date", "venue", "organisers", "session_count", "status")
        order_by = ("-date",)
