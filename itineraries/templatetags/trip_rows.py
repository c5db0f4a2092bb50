"""Template tags of the trip page: thin wrappers around the Python row writers
(itineraries/row_html.py, programme_html.py, stops_html.py, delegation_table.py)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from itineraries import panels_html
from itineraries.delegation_table import delegation_table
from itineraries.models import Engagement, Stop, TravelSegment
from itineraries.programme_html import ProgrammeWriter
from itineraries.programme_html import stop_name as _stop_name
from itineraries.row_html import RowKit
from itineraries.row_html import engagement_when as _engagement_when
from itineraries.stops_html import stop_items as _stop_items
from planner.language import is_english

register = template.Library()

_KIT = "itineraries.row_kit"


@register.simple_tag
def engagement_when(engagement: Engagement) -> SafeString:
    return _engagement_when(engagement)


@register.simple_tag(takes_context=True)
def counterpart_rows(context: template.Context) -> SafeString:
    """The "counterparts met" table's rows (itineraries/panels_html.py)."""
    return panels_html.counterpart_rows(_kit(context), context["counterparts"])


register.simple_tag(panels_html.conflict_items, name="conflict_items")


@register.simple_tag(takes_context=True)
def delegation_members(context: template.Context) -> SafeString:
    """The delegation table of the trip page (itineraries/delegation_table.py)."""
    return delegation_table(context["trip"].pk, context["delegation_members"], context["can_edit"])


@register.simple_tag(takes_context=True)
def stop_items(context: template.Context) -> SafeString:
    """The stops panel's list (itineraries/stops_html.py)."""
    return _stop_items(
        context["trip"].pk,
        context["stops"],
        can_edit=context["can_edit"],
        csrf_token=str(context.get("csrf_token") or ""),
    )


@register.simple_tag(takes_context=True)
def programme_days(context: template.Context) -> SafeString:
    """The programme's days and its undated engagements (itineraries/programme_html.py)."""
    kit = _kit(context)
    return ProgrammeWriter(kit, context["trip"].pk).days(context["programme"])


@register.simple_tag
def stop_name(stop: Stop) -> SafeString:
    return mark_safe(_stop_name(stop, is_english()))


@register.simple_tag(takes_context=True)
def engagement_row(context: template.Context, engagement: Engagement) -> SafeString:
    """One programme row; the kit is built once per rendering of the page."""
    return _kit(context).row(engagement)


def _kit(context: template.Context) -> RowKit:
    kit = context.render_context.get(_KIT)
    if kit is None:
        kit = context.render_context[_KIT] = RowKit(context["trip"].pk, context["can_edit"])
    return kit


@register.simple_tag
def item_menu_url(item) -> str:
    """The menu of a saved engagement's or flight's other actions; "" for anything else."""
    if isinstance(item, Engagement) and item.pk:
        return reverse("itineraries:engagement_menu", args=[item.trip_id, item.pk])
    if isinstance(item, TravelSegment) and item.pk:
        return reverse("itineraries:segment_menu", args=[item.trip_id, item.pk])
    return ""
