"""The trip page's programme, day by day, written in Python (see row_html.py for why).

The output is the markup the programme's template used to produce: a section per day
with its places and an "add on this day" link, the day's engagements, flights and zone
changes in order, then the engagements whose date is not fixed, by stop.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from itineraries.models import Stop, TravelSegment
from itineraries.programme import Programme, ProgrammeDay
from itineraries.row_html import RowKit
from planner.html_rows import esc, lines_br
from planner.language import localized, other_language
from planner.row_url import RowUrl
from planner.time_display import korean_date, local_and_seoul, local_date


def stop_name(stop: Stop, english: bool) -> str:
    """The city in the page's language, the other spelling and the country beside it;
    what the document left out is said, not filled in."""
    city = localized(stop, "city", english=english)
    country = f' <span class="muted">· {esc(stop.country.name)}</span>' if stop.country else ""
    if city:
        other = other_language(stop, "city")
        other = f' <span class="muted">({esc(other)})</span>' if other else ""
        return f"{esc(city)}{other}{country}"
    if stop.locality:
        return f"{esc(stop.locality)}{country}"
    if stop.country:
        no_city = esc(_("city not stated"))
        return f'{esc(stop.country.name)} <span class="muted">({no_city})</span>'
    no_place = esc(_("place not stated"))
    return f'<span class="tbd">{no_place}</span>'


class ProgrammeWriter:
    def __init__(self, kit: RowKit, trip_pk: int) -> None:
        self.kit, self.trip_pk = kit, trip_pk
        self.add_url = reverse("itineraries:engagement_add", args=[trip_pk])
        self.segment_edit = RowUrl("itineraries:segment_edit", trip_pk)
        self.segment_menu = RowUrl("itineraries:segment_menu", trip_pk)
        self.modes = {value: esc(label) for value, label in TravelSegment.Mode.choices}
        words = {
            "dep": _("dep."),
            "arr": _("arr."),
            "add_day": _("Add on this day"),
            "nothing": _("Nothing planned yet."),
            "undated": _("Date not yet fixed"),
            "no_place": _("place not stated"),
        }
        self.words = {key: esc(text) for key, text in words.items()}

    def stop_name(self, stop: Stop) -> str:
        return stop_name(stop, self.kit.english)

    def days(self, programme: Programme) -> SafeString:
        html = "".join(self.day(day) for day in programme.days)
        if programme.undated:
            html += self.undated(programme)
        return mark_safe(html)

    def day(self, day: ProgrammeDay) -> str:
        anchor, words = day.anchor, self.words
        places = " → ".join(
            f'{self.stop_name(stop)} <span class="zone">{esc(stop.timezone)}</span>'
            for stop in day.stops
        )
        add = ""
        if self.kit.can_edit:
            query = f"?date={day.day.isoformat()}"
            if day.default_stop:
                query += f"&amp;stop={day.default_stop.pk}"
            url = f"{self.add_url}{query}"
            add = (
                f'<a class="krds-btn xsmall tertiary screen-only prog-day-add" href="{url}"'
                f' hx-get="{url}&amp;slot={anchor}-editor" hx-target="#{anchor}-editor">'
                f'<span aria-hidden="true">+</span> {words["add_day"]}</a>'
            )
        if day.is_empty:
            body = f'<p class="empty prog-day-empty">{words["nothing"]}</p>'
        else:
            body = (
                '<ol class="engagements" hx-target="next .editor-slot" hx-push-url="false">'
                f"{''.join(self.entry(entry) for entry in day.entries)}</ol>"
            )
        empty = " is-empty" if day.is_empty else ""
        return (
            f'<section class="prog-day{empty}" id="{anchor}" aria-labelledby="{anchor}-title">'
            f'<div class="prog-day-head"><h3 class="day-title" id="{anchor}-title">'
            f'{esc(korean_date(day.day))}</h3><p class="prog-day-place">{places}</p>{add}</div>'
            f'{body}<div class="editor-slot" id="{anchor}-editor" hx-preserve="true"></div>'
            "</section>\n"
        )

    def entry(self, entry) -> str:
        if entry.kind == "zone":
            change = entry.change
            text = _("Time zone change: %(before)s → %(after)s (%(offset)s)") % {
                "before": change.before,
                "after": change.after,
                "offset": change.offset,
            }
            return f'<li class="zone-change"><span aria-hidden="true">⇄</span> {esc(text)}</li>\n'
        if entry.kind == "segment":
            return self.segment(entry.segment)
        return self.kit.row(entry.engagement)

    def segment(self, segment: TravelSegment) -> str:
        words, pk = self.words, segment.pk
        departs_on = local_date(segment.departs_at, segment.departure_timezone)
        arrives_on = local_date(segment.arrives_at, segment.arrival_timezone)
        arrival_day = ""
        if arrives_on != departs_on:
            arrival_day = f'<span class="segment-day">{esc(korean_date(arrives_on))}</span> '
        number = ""
        if segment.carrier or segment.number:
            number = (
                f'<span class="segment-number">{esc(segment.carrier)} {esc(segment.number)}</span>'
            )
        notes = f'<p class="note">{lines_br(segment.notes)}</p>' if segment.notes else ""
        if self.kit.can_edit:  # one control, as on engagement rows (row_html.py)
            url, label, kind = self.segment_edit(pk), self.kit.words["edit"], "secondary"
        else:
            url, label, kind = self.segment_menu(pk), self.kit.words["more"], "tertiary"
        action = (
            f'<a class="krds-btn xsmall {kind}" href="{url}" hx-get="{url}"'
            f' hx-target="#segment-{pk}-editor">{label}</a>'
        )
        departs = local_and_seoul(segment.departs_at, None, segment.departure_timezone)
        arrives = local_and_seoul(segment.arrives_at, None, segment.arrival_timezone)
        return (
            f'<li class="engagement segment-item" id="segment-{pk}">'
            '<div class="engagement-time">'
            f'<span class="segment-end"><span class="segment-label">{words["dep"]}</span>'
            f" {departs}</span> "
            f'<span class="segment-end"><span class="segment-label">{words["arr"]}</span>'
            f" {arrival_day}{arrives}</span></div>"
            '<div><h4 class="engagement-title">'
            f'<span class="engagement-kind">{self.modes.get(segment.mode, esc(segment.mode))}'
            f"</span> {esc(segment.origin)} → {esc(segment.destination)} {number}</h4>"
            f'<p class="note">{esc(segment.departure_timezone)} → '
            f"{esc(segment.arrival_timezone)}</p>{notes}"
            f'<div class="item-actions">{action}</div></div>'
            f'<div class="editor-slot" id="segment-{pk}-editor" hx-preserve="true"></div></li>\n'
        )

    def undated(self, programme: Programme) -> str:
        groups = []
        for group in programme.undated:
            if group.stop:
                place = (
                    f'{self.stop_name(group.stop)} <span class="zone">'
                    f"{esc(group.stop.timezone)}</span>"
                )
            else:
                place = self.words["no_place"]
            rows = "".join(self.kit.row(engagement) for engagement in group.engagements)
            groups.append(
                f'<h4 class="undated-stop">{place}</h4><ol class="engagements"'
                f' hx-target="next .editor-slot" hx-push-url="false">{rows}</ol>'
            )
        return (
            '<section class="prog-day prog-undated" id="undated" aria-labelledby="undated-title">'
            '<div class="prog-day-head"><h3 class="day-title" id="undated-title">'
            f"{self.words['undated']}</h3></div>{''.join(groups)}</section>"
        )
