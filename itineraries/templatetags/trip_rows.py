"""The trip page's engagement rows, rendered in Python.

A trip of 1,000 engagements renders 1,000 rows: as a template each cost about a
hundred variable lookups and sixty translations. Here the labels are translated
and the URL patterns reversed once per page (``RowKit``), and a row is a few
``format_html`` calls. The rarely used actions are not in the row at all: its
"more" link fetches them (itineraries/menu_views.py).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from itineraries.models import Engagement, EngagementPerson
from itineraries.row_urls import PLACEHOLDER_PK as _PK
from itineraries.row_urls import url_pattern, with_pk
from planner.models import Organisation, Person, Role
from planner.templatetags.planner_display import badge, localized
from planner.templatetags.planner_time import (
    clock_time,
    fuzzy_date,
    korean_date,
    local_and_seoul,
)

register = template.Library()

_KIT = "itineraries.row_kit"


@register.filter(name="with_pk")
def with_pk_filter(pattern: tuple[str, str], pk: int) -> str:
    """``{{ row_urls.segment_edit|with_pk:segment.pk }}`` → that row's URL."""
    return with_pk(pattern, pk)


class RowKit:
    """What every row of one page shares: translated labels, URL patterns, permissions."""

    def __init__(self, trip_pk: int, can_edit: bool) -> None:
        self.can_edit = can_edit
        self.edit = url_pattern(reverse("itineraries:engagement_edit", args=[trip_pk, _PK]))
        self.menu = url_pattern(reverse("itineraries:engagement_menu", args=[trip_pk, _PK]))
        self.person = url_pattern(Person(pk=_PK).get_absolute_url())
        self.organisation = url_pattern(Organisation(pk=_PK).get_absolute_url())
        self.kinds = {value: str(label) for value, label in Engagement.Kind.choices}
        self.badges = {
            value: badge(value, str(label)) for value, label in Engagement.Status.choices
        }
        self.sides = {value: str(label) for value, label in EngagementPerson.Side.choices}
        self.roles = {value: str(label) for value, label in Role.choices}
        self.words = {
            key: _(text)
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

    def url(self, pattern: tuple[str, str], pk: int) -> str:
        return with_pk(pattern, pk)

    # One row -------------------------------------------------------------------------------

    def row(self, engagement: Engagement) -> SafeString:
        words = self.words
        classes = f"engagement is-{engagement.status}"
        if not engagement.starts_at:
            classes += " is-untimed"
        venue = engagement.venue
        zone = ""
        if venue and venue.timezone and venue.timezone != engagement.stop.timezone:
            zone = format_html(' <span class="zone">{}</span>', venue.timezone)
        note = ""
        if engagement.date_note:
            note = format_html('<p class="note">{}</p>', engagement.date_note)
        facts = self.facts(engagement)
        return format_html(
            '<li class="{}" id="engagement-{}">'
            '<div class="engagement-time">{}{}</div>'
            '<div class="engagement-body">'
            '<h4 class="engagement-title"><span class="engagement-kind">{}</span> {} {}</h4>'
            "{}{}{}{}</div>"
            '<div class="editor-slot" id="engagement-{}-editor" hx-preserve></div></li>\n',
            classes,
            engagement.pk,
            engagement_when(engagement),
            zone,
            self.kinds.get(engagement.kind, engagement.kind),
            localized(engagement, "title"),
            self.badges.get(engagement.status, ""),
            note,
            format_html('<dl class="facts compact">{}</dl>', facts) if facts else "",
            self.people(engagement),
            self.actions(engagement, words),
            engagement.pk,
        )

    def facts(self, engagement: Engagement) -> SafeString:
        words, parts = self.words, []
        venue = engagement.venue
        if venue:
            room = f", {engagement.room}" if engagement.room else ""
            place = localized(venue, "city")
            if venue.timezone and venue.timezone != engagement.stop.timezone:
                place = f"{place}, {venue.timezone}"  # the day heading shows the stop's zone
            parts.append(
                format_html(
                    '<dt>{}</dt><dd>{}{} <span class="muted">({})</span></dd>',
                    words["venue"],
                    localized(venue, "name"),
                    room,
                    place,
                )
            )
        elif engagement.room:
            parts.append(format_html("<dt>{}</dt><dd>{}</dd>", words["room"], engagement.room))
        if engagement.host:
            parts.append(
                format_html(
                    '<dt>{}</dt><dd><a href="{}">{}</a></dd>',
                    words["host"],
                    self.url(self.organisation, engagement.host_id),
                    localized(engagement.host, "name"),
                )
            )
        if engagement.forum:
            parts.append(
                format_html(
                    '<dt>{}</dt><dd><a href="{}">{}</a></dd>',
                    words["forum"],
                    engagement.forum.get_absolute_url(),
                    localized(engagement.forum, "title"),
                )
            )
        for key, text in (("objectives", engagement.objectives), ("notes", engagement.notes)):
            if text:
                parts.append(
                    format_html(
                        '<dt>{}</dt><dd class="prose">{}</dd>', words[key], linebreaksbr(text)
                    )
                )
        return mark_safe("".join(parts))  # each part was escaped by format_html

    def people(self, engagement: Engagement) -> SafeString:
        lines = engagement.people.all()
        if not lines:
            return mark_safe("")
        items = format_html_join("", "<li>{}</li>", ((self.person_line(line),) for line in lines))
        return format_html('<ul class="people-lines">{}</ul>', items)

    def person_line(self, line: EngagementPerson) -> SafeString:
        side = self.sides.get(line.side, line.side)
        if line.role != line.side:
            side = f"{side} · {self.roles.get(line.role, line.role)}"
        label = format_html('<span class="krds-badge outline-gray">{}</span> ', side)
        person, organisation = line.person, line.organisation
        if person:
            position = localized(person, "position")
            html = format_html(
                '{}<a href="{}">{}</a>{}{}',
                label,
                self.url(self.person, person.pk),
                person,
                f", {position}" if position else "",
                format_html(' <span class="muted">({})</span>', person.organisation)
                if person.organisation
                else "",
            )
            if line.printed_as:
                html += format_html(
                    ' <span class="printed-as">{}: “{}”</span>',
                    self.words["as_printed"],
                    line.printed_as,
                )
            return html
        if line.printed_as:
            muted = (
                format_html(' <span class="muted">({})</span>', organisation)
                if organisation
                else ""
            )
            return format_html("{}{}{}", label, line.printed_as, muted)
        if organisation:
            return format_html(
                '{}<a href="{}">{}</a>',
                label,
                self.url(self.organisation, organisation.pk),
                organisation,
            )
        return label

    def counterpart(self, line: EngagementPerson) -> SafeString:
        sub = '<span class="cell-sub">{}</span>'
        person, organisation = line.person, line.organisation
        if person:
            url = self.url(self.person, person.pk)
            link = format_html('<a href="{}">{}</a>', url, person)
            position = localized(person, "position")
            if not position:
                return link
            if person.organisation:
                position = f"{position}, {localized(person.organisation, 'name')}"
            return link + format_html(sub, position)
        if line.printed_as:
            name = localized(organisation, "name")
            return format_html("{}{}", line.printed_as, format_html(sub, name) if name else "")
        if organisation:
            url = self.url(self.organisation, organisation.pk)
            return format_html('<a href="{}">{}</a>', url, localized(organisation, "name"))
        return mark_safe("")

    def actions(self, engagement: Engagement, words: dict[str, Any]) -> SafeString:
        """Edit, and a menu with the rest, each aimed at the row's editor slot."""
        # Boosted links: the href is the request; the programme's lists aim them at the
        # next editor slot (hx-target on the <ol>), which is this row's.
        edit = ""
        if self.can_edit:
            edit = format_html(
                '<a class="krds-btn xsmall secondary" href="{}">{}</a>',
                self.url(self.edit, engagement.pk),
                words["edit"],
            )
        menu = format_html(
            '<a class="krds-btn xsmall tertiary" href="{}">{}</a>',
            self.url(self.menu, engagement.pk),
            words["more"],
        )
        return format_html(
            '<div class="item-actions screen-only" hx-boost="true">{}{}</div>', edit, menu
        )


@register.simple_tag(takes_context=True)
def counterpart_cells(context: template.Context, met) -> SafeString:
    """One row of "counterparts met" (a ``CounterpartMet``): who, and at which engagement.

    The table has a row per counterpart line of the whole trip, so it grows with it.
    """
    kit = _kit(context)
    line, engagement = met.line, met.engagement
    day = engagement.local_date
    return format_html(
        '<td>{}</td><td><a href="#engagement-{}">{}</a><span class="cell-sub">{} · {}</span></td>',
        kit.counterpart(line),
        engagement.pk,
        localized(engagement, "title"),
        korean_date(day) if day else _("Date TBD"),
        localized(engagement.stop, "city"),
    )


@register.simple_tag
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


@register.simple_tag(takes_context=True)
def engagement_row(context: template.Context, engagement: Engagement) -> SafeString:
    """One programme row; the kit is built once per rendering of the page."""
    return _kit(context).row(engagement)


def _kit(context: template.Context) -> RowKit:
    kit = context.render_context.get(_KIT)
    if kit is None:
        kit = context.render_context[_KIT] = RowKit(context["trip"].pk, context["can_edit"])
    return kit
