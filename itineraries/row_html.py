"""The trip page's engagement rows, written in Python.

A trip of 1,000 engagements renders 1,000 rows: as a template each cost about a
hundred variable lookups and sixty translations. Here the labels are translated
and the URL patterns reversed once per page (``RowKit``), and a row is an f-string
whose values are escaped by :func:`planner.html_rows.esc`. The rarely used actions
are not in the row at all: its "more" link fetches them (itineraries/menu_views.py).
"""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from itineraries.models import Engagement, EngagementPerson
from planner.html_rows import badge, esc, lines_br
from planner.language import is_english, localized
from planner.models import Role
from planner.row_url import RowUrl
from planner.time_display import clock_time, fuzzy_date, local_and_seoul


class RowKit:
    """What every row of one page shares: translated labels, URL patterns, permissions."""

    def __init__(self, trip_pk: int, can_edit: bool) -> None:
        self.can_edit = can_edit
        self.edit = RowUrl("itineraries:engagement_edit", trip_pk)
        self.menu = RowUrl("itineraries:engagement_menu", trip_pk)
        self.person = RowUrl("planner:person_detail")
        self.organisation = RowUrl("planner:organisation_detail")
        self.kinds = {value: str(label) for value, label in Engagement.Kind.choices}
        self.badges = {
            value: badge(value, str(label)) for value, label in Engagement.Status.choices
        }
        self.sides = {value: str(label) for value, label in EngagementPerson.Side.choices}
        self.roles = {value: str(label) for value, label in Role.choices}
        self.english = is_english()
        # A page names the same people, places and hosts on many rows: their HTML is
        # written once per page (the values it depends on are the memo's key).
        self.memo: dict[tuple, str] = {}
        self.words = {
            key: esc(_(text))
            for key, text in {
                "venue": "venue",
                "room": "room",
                "host": "host",
                "forum": "forum",
                "objectives": "objectives",
                "notes": "briefing notes",
                "as_printed": "as printed",
                "edit": "Edit",
                "more": "More options…",
            }.items()
        }

    def url(self, pattern: RowUrl, pk: int) -> str:
        return pattern(pk)

    def loc(self, obj: Any, field: str) -> str:
        return localized(obj, field, english=self.english)

    # One row -------------------------------------------------------------------------------

    def row(self, engagement: Engagement) -> SafeString:
        classes = f"engagement is-{esc(engagement.status)}"
        if not engagement.starts_at:
            classes += " is-untimed"
        venue, pk = engagement.venue, engagement.pk
        zone = ""
        if venue and venue.timezone and venue.timezone != _stop_zone(engagement):
            zone = f' <span class="zone">{esc(venue.timezone)}</span>'
        note = f'<p class="note">{esc(engagement.date_note)}</p>' if engagement.date_note else ""
        facts = self.facts(engagement)
        if facts:
            facts = f'<dl class="facts">{facts}</dl>'
        kind = self.kinds.get(engagement.kind, engagement.kind)
        return mark_safe(
            f'<li class="{classes}" id="engagement-{pk}">'
            f'<div class="engagement-time">{engagement_when(engagement)}{zone}</div>'
            "<div>"  # the row's body: title, facts, people, actions
            f'<h4 class="engagement-title"><span class="engagement-kind">{esc(kind)}</span> '
            f"{esc(self.loc(engagement, 'title'))} {self.badges.get(engagement.status, '')}</h4>"
            f"{note}{facts}{self.people(engagement)}{self.actions(engagement)}</div>"
            f'<div class="editor-slot" id="engagement-{pk}-editor" hx-preserve></div></li>\n'
        )

    def facts(self, engagement: Engagement) -> str:
        words, parts, memo = self.words, [], self.memo
        venue = engagement.venue
        if venue:
            stop_zone = _stop_zone(engagement)
            key = ("venue", venue.pk, engagement.room, stop_zone)
            if key not in memo:
                memo[key] = self.venue_fact(venue, engagement.room, stop_zone)
            parts.append(memo[key])
        elif engagement.room:
            parts.append(f"<dt>{words['room']}</dt><dd>{esc(engagement.room)}</dd>")
        if engagement.host:
            key = ("host", engagement.host_id)
            if key not in memo:
                url = self.url(self.organisation, engagement.host_id)
                name = esc(self.loc(engagement.host, "name"))
                memo[key] = f'<dt>{words["host"]}</dt><dd><a href="{url}">{name}</a></dd>'
            parts.append(memo[key])
        if engagement.forum:
            key = ("forum", engagement.forum_id)
            if key not in memo:
                url = esc(engagement.forum.get_absolute_url())
                title = esc(self.loc(engagement.forum, "title"))
                memo[key] = f'<dt>{words["forum"]}</dt><dd><a href="{url}">{title}</a></dd>'
            parts.append(memo[key])
        for key, text in (("objectives", engagement.objectives), ("notes", engagement.notes)):
            if text:
                parts.append(f"<dt>{words[key]}</dt><dd>{lines_br(text)}</dd>")
        return "".join(parts)

    def venue_fact(self, venue: Any, room: str, stop_zone: str) -> str:
        room = f", {room}" if room else ""
        place = self.loc(venue, "city")
        if venue.timezone and venue.timezone != stop_zone:
            place = f"{place}, {venue.timezone}"  # the day heading shows the stop's zone
        return (
            f"<dt>{self.words['venue']}</dt><dd>{esc(self.loc(venue, 'name'))}{esc(room)}"
            f' <span class="muted">({esc(place)})</span></dd>'
        )

    def people(self, engagement: Engagement) -> str:
        lines = engagement.people_lines
        if not lines:
            return ""
        memo, items = self.memo, []
        for line in lines:
            key = ("line", *_line_key(line))
            if key not in memo:
                memo[key] = f"<li>{self.person_line(line)}</li>"
            items.append(memo[key])
        return f'<ul class="people-lines">{"".join(items)}</ul>'

    def person_line(self, line: EngagementPerson) -> str:
        side = self.sides.get(line.side, line.side)
        if line.role != line.side:
            side = f"{side} · {self.roles.get(line.role, line.role)}"
        label = f'<span class="krds-badge">{esc(side)}</span> '
        person, organisation = line.person, line.organisation
        if person:
            position = self.loc(person, "position")
            html = (
                f'{label}<a href="{self.url(self.person, person.pk)}">{esc(person)}</a>'
                f"{esc(f', {position}') if position else ''}"
            )
            if person.organisation:
                html += f' <span class="muted">({esc(person.organisation)})</span>'
            if line.printed_as:
                html += (
                    f' <span class="printed-as">{self.words["as_printed"]}:'
                    f" “{esc(line.printed_as)}”</span>"
                )
            return html
        if line.printed_as:
            muted = f' <span class="muted">({esc(organisation)})</span>' if organisation else ""
            return f"{label}{esc(line.printed_as)}{muted}"
        if organisation:
            url = self.url(self.organisation, organisation.pk)
            return f'{label}<a href="{url}">{esc(organisation)}</a>'
        return label

    def counterpart(self, line: EngagementPerson) -> str:
        key = ("counterpart", *_line_key(line))
        if key not in self.memo:
            self.memo[key] = self.counterpart_cell(line)
        return self.memo[key]

    def counterpart_cell(self, line: EngagementPerson) -> str:
        person, organisation = line.person, line.organisation
        if person:
            link = f'<a href="{self.url(self.person, person.pk)}">{esc(person)}</a>'
            position = self.loc(person, "position")
            if not position:
                return link
            if person.organisation:
                position = f"{position}, {self.loc(person.organisation, 'name')}"
            return f'{link}<span class="cell-sub">{esc(position)}</span>'
        if line.printed_as:
            name = self.loc(organisation, "name")
            sub = f'<span class="cell-sub">{esc(name)}</span>' if name else ""
            return f"{esc(line.printed_as)}{sub}"
        if organisation:
            url = self.url(self.organisation, organisation.pk)
            return f'<a href="{url}">{esc(self.loc(organisation, "name"))}</a>'
        return ""

    def actions(self, engagement: Engagement) -> str:
        """One control per row: "Edit" for editors (the editing panel loads the row's other
        actions), the menu of the rest for viewers. Not printed: print.css hides it."""
        # A boosted link: the href is the request; the programme's lists aim it at the next
        # editor slot (hx-target on the <ol>), which is this row's.
        if self.can_edit:
            url, label, kind = self.url(self.edit, engagement.pk), self.words["edit"], "secondary"
        else:
            url, label, kind = self.url(self.menu, engagement.pk), self.words["more"], "tertiary"
        return (
            f'<div class="item-actions" hx-boost="true">'
            f'<a class="krds-btn xsmall {kind}" href="{url}">{label}</a></div>'
        )


def _stop_zone(engagement: Engagement) -> str:
    """The zone the day heading shows (none for an engagement no place was named for)."""
    return engagement.stop.timezone if engagement.stop else ""


def _line_key(line: EngagementPerson) -> tuple:
    """What a people line's HTML depends on (its person and organisation are one
    instance per page, so their ids stand for their names)."""
    return (line.side, line.role, line.printed_as, line.person_id, line.organisation_id)


def engagement_when(engagement: Engagement) -> SafeString:
    """When an engagement happens, as precisely as known: never a made-up time."""
    if engagement.starts_at:
        return local_and_seoul(engagement.starts_at, engagement.ends_at, engagement.tz)
    if engagement.start_time:
        end = engagement.end_time
        floating = engagement.is_floating
        unknown = _("time zone not stated") if floating else _("time zone not known")
        html = format_html(
            '<span class="time-local">{}{} <span class="tz tz-unknown">({})</span></span>',
            clock_time(engagement.start_time),
            f"~{clock_time(end)}" if end else "",
            unknown,
        )
        if engagement.date_precision != "day":
            html += format_html(' <span class="tbd">{}</span>', fuzzy_date(engagement))
        return html
    if engagement.date and engagement.date_precision == "day":
        return format_html('<span class="tbd">{}</span>', _("Time TBD"))
    if engagement.date or engagement.date_written:
        return format_html('<span class="tbd">{}</span>', fuzzy_date(engagement))
    return format_html('<span class="tbd">{}</span>', _("Date TBD"))
