"""What the public sees of a run-of-show: the latest issued version, never the working copy.

Staff edit a working copy; issuing a version (``services.agenda_issue_version``) is
what publishes it. The public page, its calendar file and its PDF read the frozen
rows of the latest version only; a forum never issued shows no programme publicly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from forums.agenda.versions import printed_rows, versions_diff
from forums.calendar import FORUM_STATUS, forum_entry
from forums.models import AgendaVersion, Forum
from planner.calendar_registry import Absolute
from planner.ical import TENTATIVE, CalendarEntry, item_uid
from planner.language import localized


def unpublished_changes(latest: AgendaVersion | None, snapshot: Sequence[dict]) -> int:
    """Rows added, removed or changed since the last issued version (every row if none)."""
    if latest is None:
        return len(snapshot)
    return versions_diff(latest.rows, snapshot).size


def published_rows(version: AgendaVersion | None, *, english: bool) -> list[dict]:
    return printed_rows(version.rows, english=english) if version is not None else []


def published_speakers(
    rows: Sequence[dict], *, english: bool, also: Sequence[dict] = ()
) -> list[dict]:
    """Everyone named on the issued rows (then ``also``: the MC), once each, with their roles.

    Names and titles only, never contact data.
    """
    found: dict[tuple[str, str], dict] = {}
    named = [s for row in rows for s in row.get("speakers_en" if english else "speakers_ko", [])]
    for speaker in [*named, *also]:
        key = (speaker["name"], speaker["title"])
        entry = found.setdefault(key, {"name": key[0], "title": key[1], "roles": []})
        entry["roles"] += [role for role in speaker["roles"] if role not in entry["roles"]]
    return list(found.values())


def _row_day(forum: Forum, row: dict) -> date | None:
    """The issued row's date, only when the forum's day is known (never guessed)."""
    if not row.get("date") or not row.get("start"):
        return None
    if not row.get("day") and forum.date_precision != "day":
        return None
    return date.fromisoformat(row["date"])


def _row_entry(forum: Forum, version: AgendaVersion, row: dict, url: str) -> CalendarEntry:
    day = _row_day(forum, row)
    start = end = None
    if day is not None:
        start = datetime.combine(day, time.fromisoformat(row["start"]), tzinfo=forum.clock_tz)
        if row.get("minutes"):
            end = start + timedelta(minutes=row["minutes"])
    title = row["title"]
    lines = [
        *row["lines"],
        _("Remarks: %(notes)s") % {"notes": row["notes"]} if row["notes"] else "",
    ]
    return CalendarEntry(
        uid=item_uid("session", row["id"]),
        summary=f"{title} · {localized(forum, 'title')}",
        timezone=forum.timezone,
        status=FORUM_STATUS.get(forum.status, TENTATIVE),
        # Every issued version may move a row: the number only grows.
        sequence=version.number + forum.sequence,
        start=start,
        end=end,
        description="\n".join(line for line in [*lines, url] if line),
        url=url,
        stamp=version.created,
        created=version.created,
        related_to=item_uid("forum", forum),
    )


def published_entries(
    forum: Forum, version: AgendaVersion | None, absolute: Absolute, *, english: bool
) -> list[CalendarEntry]:
    """The forum, and one event per row of the latest issued version (none before v1)."""
    staff_path, public_path = forum.get_absolute_url(), forum_public_path(forum)

    def public(path: str) -> str:  # a visitor cannot open the staff page
        return absolute(public_path if path == staff_path else path)

    # Named people's e-mail addresses stay off a public file.
    url = public(public_path)
    entries = [replace(forum_entry(forum, public), attendees=())]
    if version is None:
        return entries
    return entries + [
        _row_entry(forum, version, row, url) for row in published_rows(version, english=english)
    ]


def forum_public_path(forum: Any) -> str:
    return reverse("public:forum", args=[forum.pk])
