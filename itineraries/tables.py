"""Tables of the trip pages: the trip list, and the delegation of one trip."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from planner.listing import BaseTable

PANEL_TABLE = "itineraries/_panel_table.html"


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


class PanelTable(tables.Table):
    """A small table inside a trip page panel: no sorting, no paging, no extra query."""

    class Meta:
        template_name = PANEL_TABLE
        attrs = {"class": "tbl col data panel-table"}
        orderable = False
        empty_text = _("None recorded.")


class EditableCellColumn(tables.TemplateColumn):
    """A cell whose template may offer editing links when the table says the user may edit."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = getattr(kwargs["table"], "can_edit", False)
        return context


class DelegationTable(PanelTable):
    """Delegation members by agency and role (rows are prefetched DelegationMember objects)."""

    role = tables.TemplateColumn(
        template_code='<span class="role-label">{{ record.get_role_display }}</span>',
        verbose_name=_("role"),
    )
    agency = tables.TemplateColumn(
        template_name="itineraries/cells/member_agency.html", verbose_name=_("agency")
    )
    person = EditableCellColumn(
        template_name="itineraries/cells/member_person.html", verbose_name=_("person")
    )

    class Meta(PanelTable.Meta):
        pass

    def __init__(self, *args, can_edit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_edit = can_edit


def delegation_rows(members: list) -> list:
    """By agency, then role, then the order staff gave them."""
    role_rank = {"head": 0, "member": 1, "agency": 2, "staff": 3}

    def agency_name(member) -> str:
        organisation = member.organisation or (
            member.person.organisation if member.person else None
        )
        return organisation.name_ko if organisation else ""

    return sorted(
        members,
        key=lambda m: (
            role_rank.get(m.role, 9) != 0,
            agency_name(m),
            role_rank.get(m.role, 9),
            m.order,
            m.pk,
        ),
    )
