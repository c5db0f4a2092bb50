"""The run-of-show editor's rows, rendered in Python.

A forum of 1,000 rows renders 1,000 rows: as a template each cost a dozen ``{% url %}``
reversals, three CSRF tags and a hundred variable lookups. Here the words are
translated and escaped, and the URL patterns reversed, once per page (``EditorRows``);
a row is one f-string in which only the row's own text is escaped. What a row offers
less often (pin to a time, delete, the calendar file) is not in the row at all: its
"more" link fetches a menu (``forums.agenda.menu_views``).

The table's controls belong to one form outside the rows (``form="agenda-rows"``,
see ``forums.agenda.views.rows_save``), so the CSRF field is sent once per page, not
twice per row. That form and the links are boosted by htmx (the table carries
``hx-boost``): each appears once as a plain ``action``/``href`` that also works without
JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from forums.agenda.rows import AgendaRow
from planner.row_url import RowUrl
from planner.time_display import clock_time, fuzzy_date, minutes_label


def row_breaks(previous: Any | None, session: Any, cols: int) -> str:
    """The day and part headings a row opens (HTML): where its day or part differs from
    the row before. Shared with the forum page's run-of-show."""
    html = ""
    day = (session.day, session.day_written)
    if any(day) and (previous is None or day != (previous.day, previous.day_written)):
        label = fuzzy_date(session, "day") if session.day else session.day_written
        html += (
            f'<tr class="ros-day"><th scope="rowgroup" colspan="{cols}">{escape(label)}</th></tr>'
        )
    part = session.part if session.part_id else None
    if part and (previous is None or previous.part_id != session.part_id):
        span = room = ""
        if part.start_time:
            end = f"~{clock_time(part.end_time)}" if part.end_time else ""
            span = f' <span class="ros-part-time">{clock_time(part.start_time)}{end}</span>'
        if part.room:
            room = f" · {escape(part.room)}"
        html += (
            f'<tr class="ros-part"><th scope="rowgroup" colspan="{cols}">'
            f"{escape(part.title)}{span}{room}</th></tr>"
        )
    return html


class EditorRows:
    """What every row of one editor page shares: words and URL patterns.

    ``typed`` holds what staff typed in rows whose change was refused (by row): those
    fields show it again, marked invalid, instead of the stored minutes."""

    def __init__(self, forum: Any, *, can_edit: bool, typed: dict[int, str] | None = None) -> None:
        self.tz = forum.clock_tz
        self.can_edit = can_edit
        self.cols = 5 if can_edit else 3
        self.typed = typed or {}
        self.edit_url = RowUrl("forums:agenda:session_edit", forum.pk)
        self.menu_url = RowUrl("forums:agenda:session_menu", forum.pk)
        # Translated and escaped once; the formats take a row's title (escaped after).
        words = {
            "tbd": _("Time TBD"),
            "edit": _("Edit"),
            "more": _("More options…"),
            "internal": _("internal"),
            "does_not_fit": _("Does not fit"),
        }
        self.words = {key: escape(text) for key, text in words.items()}
        self.formats = {
            "up": _("Move “%(title)s” up"),
            "down": _("Move “%(title)s” down"),
            "minutes": _("Minutes of “%(title)s”"),
            "pinned": _("Pinned at %(at)s"),
            "gap": _("%(minutes)s min free before this pinned row"),
            "conflict": _(
                "The rows before run %(minutes)s min past this row's pinned time (%(at)s). "
                "It was not moved: shorten a row before it, or unpin it."
            ),
        }

    def say(self, key: str, **values: Any) -> str:
        """A translated sentence with the row's values, escaped."""
        return escape(self.formats[key] % values)

    def render(self, rows: Sequence[AgendaRow], *, focus: int | None = None) -> SafeString:
        html, previous, last = [], None, len(rows) - 1
        for index, row in enumerate(rows):
            html.append(row_breaks(previous, row.session, self.cols))
            html.append(self.row(row, index=index, last=last, focus=focus))
            previous = row.session
        return mark_safe("".join(html))  # the rows' own text was escaped where inserted

    # One row ---------------------------------------------------------------------------

    def row(self, row: AgendaRow, *, index: int, last: int, focus: int | None) -> str:
        session, slot = row.session, row.slot
        classes = "agenda-row"
        if slot and slot.is_conflict:
            classes += " is-conflict"
        if slot and slot.is_pinned:
            classes += " is-pinned"
        if focus == session.pk:
            classes += " is-focus"
        cells = self.content(row) + self.notes(session)
        if not self.can_edit:
            minutes = f'<span class="ros-minutes">{minutes_label(session.minutes)}</span>'
            time = f'<td class="ros-time">{self.time_range(row)}{minutes}{self.pin_badge(row)}</td>'
            return f'<tr id="session-{session.pk}" class="{classes}">{time}{cells}</tr>\n'
        time = (
            f'<td class="ros-time">{self.time_range(row)}{self.minutes(row)}'
            f"{self.pin_badge(row)}</td>"
        )
        return (
            f'<tr id="session-{session.pk}" class="{classes}">'
            f"{self.order(row, index=index, last=last)}{time}{cells}{self.actions(session)}</tr>\n"
        )

    def order(self, row: AgendaRow, *, index: int, last: int) -> str:
        """The position and ↑ ↓. With JavaScript the position is also the drag handle
        (agenda.js gives it its hint and drags to the form's action)."""
        pk, title = row.session.pk, row.title
        up = " disabled" if index == 0 else ""
        down = " disabled" if index == last else ""
        return (
            f'<td class="agenda-order"><span class="agenda-grip">{index + 1}</span>'
            f'<button type="submit" form="agenda-rows" name="up" value="{pk}" id="move-up-{pk}"'
            f'{up} aria-label="{self.say("up", title=title)}">↑</button>'
            f'<button type="submit" form="agenda-rows" name="down" value="{pk}"'
            f' id="move-down-{pk}"{down} aria-label="{self.say("down", title=title)}">↓</button>'
            "</td>"
        )

    def time_range(self, row: AgendaRow) -> str:
        slot = row.slot
        if slot is None:
            return f'<span class="ros-range tbd">{self.words["tbd"]}</span>'
        start = slot.starts_at.astimezone(self.tz).strftime("%H:%M")
        end = f"~{slot.ends_at.astimezone(self.tz):%H:%M}" if slot.minutes else ""
        return f'<span class="ros-range">{start}{end}</span>'

    def minutes(self, row: AgendaRow) -> str:
        """The minutes field, named with the minutes it shows (``RowChangesForm``): saved
        on change (agenda.js), or with Enter, which submits the table's form."""
        pk, minutes = row.session.pk, row.session.minutes
        shown = "" if minutes is None else str(minutes)
        value, invalid = shown, ""
        if pk in self.typed:
            value, invalid = escape(self.typed[pk]), ' aria-invalid="true"'
        return (
            f'<span class="ros-min"><input form="agenda-rows" id="minutes-{pk}"'
            f' name="minutes-{pk}-{shown}" type="number" min="1" max="1440" value="{value}"'
            f' class="krds-input" inputmode="numeric"{invalid}'
            f' aria-label="{self.say("minutes", title=row.title)}"></span>'
        )

    def pin_badge(self, row: AgendaRow) -> str:
        if not (row.slot and row.slot.is_pinned):
            return ""
        at = row.slot.starts_at.astimezone(self.tz).strftime("%H:%M")
        return f'<span class="agenda-pin-badge">{self.say("pinned", at=at)}</span>'

    def content(self, row: AgendaRow) -> str:
        slot, flag = row.slot, ""
        if slot and slot.is_conflict:
            at = slot.starts_at.astimezone(self.tz).strftime("%H:%M")
            text = self.say("conflict", minutes=slot.conflict_minutes, at=at)
            flag = (
                f'<p class="agenda-flag" id="conflict-{row.session.pk}">'
                f"<strong>{self.words['does_not_fit']}</strong> {text}</p>"
            )
        elif slot and slot.gap_minutes:
            flag = f'<p class="agenda-gap">{self.say("gap", minutes=slot.gap_minutes)}</p>'
        lines = "".join(f'<p class="ros-line">{escape(line)}</p>' for line in row.lines)
        return (
            f'<td class="ros-content">{flag}<p class="ros-title">▶ {escape(row.title)}</p>'
            f"{lines}</td>"
        )

    def notes(self, session: Any) -> str:
        internal = ""
        if session.internal_notes:
            internal = (
                f'<p class="agenda-internal"><span class="krds-badge bg-light-gray">'
                f"{self.words['internal']}</span> {escape(session.internal_notes)}</p>"
            )
        return f'<td class="ros-notes">{escape(session.notes)}{internal}</td>'

    def actions(self, session: Any) -> str:
        """Edit (the row editor replaces the row) and the menu (opened under the row)."""
        pk = session.pk
        return (
            f'<td class="agenda-actions" hx-target="closest tr">'
            f'<a class="krds-btn xsmall secondary" href="{self.edit_url(pk)}">'
            f"{self.words['edit']}</a>"
            f'<a id="more-{pk}" class="krds-btn xsmall tertiary agenda-more"'
            f' href="{self.menu_url(pk)}" hx-swap="afterend">{self.words["more"]}</a></td>'
        )
