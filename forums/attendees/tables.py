"""The attendee list of a forum: sortable, paged, contact columns for staff only."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from planner.listing import BaseTable

CONTACT_COLUMNS = ("contact",)


class AttendeeTable(BaseTable):
    name = tables.Column(verbose_name=_("name"), attrs={"td": {"class": "att-name"}})
    organisation_name = tables.Column(verbose_name=_("organisation"), default="—")
    position = tables.Column(verbose_name=_("position"), default="—")
    category = tables.Column(verbose_name=_("category"))
    status = tables.TemplateColumn(
        template_code="{% load planner_display %}{% status_badge record %}",
        verbose_name=_("status"),
    )
    checked_in_at = tables.TemplateColumn(
        template_code=(
            "{% load planner_time %}{% if record.checked_in_at %}"
            "{{ record.checked_in_at|local_time:forum.tz }}{% else %}—{% endif %}"
        ),
        verbose_name=_("checked in"),
    )
    source = tables.Column(verbose_name=_("registered through"))
    # E-mail and phone in one column, so that the table fits its panel at 1366 px.
    contact = tables.TemplateColumn(
        template_code=(
            "{% load planner_display %}"
            '{% if record.email %}<span class="att-email">{{ record.email }}</span>{% endif %}'
            '{% if record.phone %}<span class="nowrap">{{ record.phone|phone }}</span>{% endif %}'
            "{% if not record.email and not record.phone %}—{% endif %}"
        ),
        verbose_name=_("contact"),
        order_by=("email",),
        attrs={"td": {"class": "att-contact"}},
    )
    actions = tables.TemplateColumn(
        template_name="forums/attendees/_row_actions.html",
        verbose_name=_("actions"),
        orderable=False,
    )

    class Meta(BaseTable.Meta):
        sequence = (
            "name",
            "organisation_name",
            "position",
            "category",
            "status",
            "checked_in_at",
            "contact",
            "source",
            "actions",
        )
        order_by = ("name",)
        empty_text = _("No attendees match.")

    def __init__(
        self, data: Any, *, show_contacts: bool = False, can_edit: bool = False, **kwargs: Any
    ) -> None:
        exclude = list(kwargs.pop("exclude", ()))
        if not show_contacts:
            exclude += CONTACT_COLUMNS
        if not can_edit:
            exclude.append("actions")
        super().__init__(data, exclude=exclude, **kwargs)
