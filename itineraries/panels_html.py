"""The trip page's conflicts list and counterparts table, written in Python: both grow
with the trip (a row per conflict, a row per counterpart line), so they are written like
the programme's rows (row_html.py)."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from itineraries.conflicts import Conflict
from itineraries.programme import CounterpartMet
from itineraries.row_html import RowKit
from planner.html_rows import esc
from planner.particles import with_particles
from planner.time_display import korean_date


def conflict_items(conflicts: list[Conflict]) -> SafeString:
    kinds = {
        "late_arrival": esc(_("late arrival")),
        "double_booking": esc(_("double booking")),
    }
    outside = esc(_("outside the stop's dates"))
    flight, engagement = esc(_("the flight")), esc(_("the engagement"))
    items = []
    for conflict in conflicts:
        links = " · ".join(
            f'<a href="#{esc(anchor)}">{flight if anchor.startswith("segment") else engagement}</a>'
            for anchor in conflict.anchors
        )
        items.append(
            f'<li class="conflict conflict-{esc(conflict.kind)}">'
            f'<span class="krds-badge bg-light-danger">{kinds.get(conflict.kind, outside)}</span> '
            f'<span class="conflict-message">{esc(with_particles(str(conflict.message)))}</span> '
            f'<span class="conflict-links">{links}</span></li>\n'
        )
    return mark_safe("".join(items))


def counterpart_rows(kit: RowKit, counterparts: list[CounterpartMet]) -> SafeString:
    """A row per counterpart line of the trip: who, and at which engagement."""
    if not counterparts:
        none = esc(_("None recorded."))
        return mark_safe(f'<tr><td colspan="2" class="empty">{none}</td></tr>')
    undated = esc(_("Date TBD"))
    rows, engagements = [], {}
    for met in counterparts:
        engagement = met.engagement
        if engagement.pk not in engagements:  # an engagement with several counterparts
            day = engagement.local_date
            when = esc(korean_date(day)) if day else undated
            engagements[engagement.pk] = (
                f'<a href="#engagement-{engagement.pk}">{esc(kit.loc(engagement, "title"))}</a>'
                f'<span class="cell-sub">{when} · {esc(kit.loc(engagement.stop, "city"))}</span>'
            )
        rows.append(
            f"<tr><td>{kit.counterpart(met.line)}</td><td>{engagements[engagement.pk]}</td></tr>\n"
        )
    return mark_safe("".join(rows))
