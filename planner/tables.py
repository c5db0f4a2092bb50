"""Tables of the core list pages."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from planner.listing import BaseTable

LINK = '<a href="{{ record.get_absolute_url }}">{{ value }}</a>'


class AgreementTable(BaseTable):
    title = tables.TemplateColumn(
        template_code=(
            '{% load planner_display %}<a href="{{ record.get_absolute_url }}">'
            '{{ record|localized:"title" }}</a>'
        ),
        verbose_name=_("agreement"),
        order_by=("title_ko",),
    )
    kind = tables.Column(verbose_name=_("kind"))
    parties = tables.TemplateColumn(
        template_code=(
            "{% for p in record.parties.all %}{{ p }}{% if not forloop.last %}, {% endif %}"
            "{% empty %}—{% endfor %}"
        ),
        verbose_name=_("parties"),
        orderable=False,
    )
    signed_on = tables.TemplateColumn(
        template_code=(
            "{% load planner_time %}"
            "{{ record.signed_on|date_with_precision:record.signed_on_precision|default:'—' }}"
        ),
        verbose_name=_("signed on"),
    )
    valid_until = tables.TemplateColumn(
        template_code="{% load planner_time %}{{ record.valid_until|plain_date|default:'—' }}",
        verbose_name=_("valid until"),
        orderable=False,
    )
    follow_up_count = tables.Column(verbose_name=_("follow-up actions"))

    class Meta(BaseTable.Meta):
        sequence = ("title", "kind", "parties", "signed_on", "valid_until", "follow_up_count")


class PersonTable(BaseTable):
    name_ko = tables.TemplateColumn(
        template_code=LINK.replace("{{ value }}", "{{ record.name_ko|default:record.name_latin }}"),
        verbose_name=_("name (Korean)"),
    )
    name_latin = tables.Column(verbose_name=_("name (Latin script)"), default="—")
    position = tables.TemplateColumn(
        template_code=('{% load planner_display %}{{ record|localized:"position"|default:"—" }}'),
        verbose_name=_("position"),
        order_by=("position_ko",),
    )
    organisation = tables.TemplateColumn(
        template_code=(
            "{% if record.organisation %}"
            '<a href="{{ record.organisation.get_absolute_url }}">{{ record.organisation }}</a>'
            "{% else %}—{% endif %}"
        ),
        verbose_name=_("organisation"),
        order_by=("organisation__name_ko",),
    )

    class Meta(BaseTable.Meta):
        sequence = ("name_ko", "name_latin", "position", "organisation")


class OrganisationTable(BaseTable):
    name = tables.TemplateColumn(
        template_code=(
            '{% load planner_display %}<a href="{{ record.get_absolute_url }}">'
            '{{ record|localized:"name" }}</a>'
            '{% if record.acronym %} <span class="muted">({{ record.acronym }})</span>{% endif %}'
        ),
        verbose_name=_("organisation"),
        order_by=("name_ko",),
    )
    kind = tables.Column(verbose_name=_("kind"))
    country = tables.TemplateColumn(
        template_code="{{ record.country.name|default:'—' }}", verbose_name=_("country")
    )
    parent = tables.TemplateColumn(
        template_code=(
            "{% if record.parent %}"
            '<a href="{{ record.parent.get_absolute_url }}">{{ record.parent }}</a>'
            "{% else %}—{% endif %}"
        ),
        verbose_name=_("part of"),
        order_by=("parent__name_ko",),
    )
    people_count = tables.Column(verbose_name=_("people"))
    unit_count = tables.Column(verbose_name=_("units"))

    class Meta(BaseTable.Meta):
        sequence = ("name", "kind", "country", "parent", "people_count", "unit_count")


class DocumentTable(BaseTable):
    title = tables.TemplateColumn(template_code=LINK, verbose_name=_("title"))
    kind = tables.Column(verbose_name=_("kind"))
    publisher = tables.Column(verbose_name=_("publisher"), default="—")
    published_on = tables.TemplateColumn(
        template_code="{% load planner_time %}{{ record.published_on|plain_date|default:'—' }}",
        verbose_name=_("published on"),
    )
    note_count = tables.Column(verbose_name=_("notes"))

    class Meta(BaseTable.Meta):
        sequence = ("title", "kind", "publisher", "published_on", "note_count")
