"""The events of a planner-draft/1 (forums, ceremonies, festivals, meetings…) in and out."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from forums.agenda.drafts import agenda_in, agenda_out
from forums.agenda.services import agenda_issue_version
from forums.models import Forum, ForumOrganiser, ForumPerson, ForumSeries
from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import join
from planner.drafts.extra import extra_in, extra_out
from planner.drafts.values import (
    apply_meta,
    as_text,
    collect_meta,
    date_out,
    is_hangul,
    keyed_row,
    parse_time,
    place_is_empty,
    place_out,
    set_date,
    time_out,
    venue_from_place,
)
from planner.models import Role

COVERED = frozenset(
    {
        "kind", "title_ko", "title_en", "subtitle", "alt_titles", "series", "edition",
        "edition_written", "edition_year", "anniversary", "anniversary_written", "theme_ko",
        "date", "date_precision", "date_written", "date_weekday", "end_date",
        "end_date_precision", "end_date_written", "end_date_weekday", "start_time", "end_time",
        "starts_at", "ends_at", "venue", "timezone", "rooms", "attendance_expected",
        "attendance_approximate", "attendance_written", "attendance_breakdown",
        "livestream_url", "parent",
    }
)  # fmt: skip
# Forum-wide people: which draft key holds which role.
PEOPLE_KEYS = (("mc", Role.MC), ("chair", Role.CHAIR))
PEOPLE_LISTS = (("participants", Role.PARTICIPANT), ("counterparts", Role.COUNTERPART))


def events_in(ctx: ImportContext) -> None:
    entries = ctx.draft.get("events") or []
    for index, entry in enumerate(entries):
        ctx.events[index] = _event_in(ctx, entry, f"$.events[{index}]")
    for index, entry in enumerate(entries):
        if entry.get("parent") is not None:
            forum = ctx.events[index]
            forum.parent = ctx.event(entry["parent"], f"$.events[{index}].parent")
            forum.save(update_fields=["parent"])
    if ctx.publish:
        for forum in ctx.events.values():
            _publish_as_written(forum)


def _publish_as_written(forum: Forum) -> None:
    """The programme a published document printed is public: issue it as v1 (once)."""
    if forum.sessions.exists() and not forum.versions.exists():
        agenda_issue_version(forum=forum, note=_("As published in the source document"))


def _event_in(ctx: ImportContext, entry: dict, path: str) -> Forum:
    forum = keyed_row(Forum, entry)
    forum.kind = as_text(entry.get("kind"))
    forum.title_ko = as_text(entry.get("title_ko"))
    forum.title_en = as_text(entry.get("title_en"))
    forum.subtitle = as_text(entry.get("subtitle"))
    forum.alt_titles = list(entry.get("alt_titles") or [])
    series = as_text(entry.get("series"))
    forum.series = (
        ForumSeries.objects.filter(name_ko=series).first()
        or save_row(ForumSeries(name_ko=series), join(path, "series"))
        if series
        else None
    )
    edition = entry.get("edition") or {}
    forum.edition = edition.get("number")
    forum.edition_written = as_text(edition.get("as_written"))
    forum.edition_year = edition.get("year")
    anniversary = entry.get("anniversary") or {}
    forum.anniversary = anniversary.get("number")
    forum.anniversary_written = as_text(anniversary.get("as_written"))
    theme = as_text(entry.get("theme"))
    forum.theme_ko, forum.theme_en = (theme, "") if is_hangul(theme) or not theme else ("", theme)
    set_date(forum, "date", entry.get("start"), join(path, "start"))
    set_date(forum, "end_date", entry.get("end"), join(path, "end"))
    forum.start_time = parse_time(entry.get("start_time"), join(path, "start_time"))
    forum.end_time = parse_time(entry.get("end_time"), join(path, "end_time"))
    place = entry.get("place")
    forum.venue = None
    forum.timezone = ""
    if not place_is_empty(place):
        forum.venue = save_row(venue_from_place(place, join(path, "place")), join(path, "place"))
        forum.timezone = forum.venue.timezone
    forum.rooms = "\n".join(entry.get("rooms") or [])
    attendance = entry.get("attendance") or {}
    forum.attendance_expected = attendance.get("expected")
    forum.attendance_approximate = attendance.get("approximate")
    forum.attendance_written = as_text(attendance.get("as_written"))
    forum.attendance_breakdown = list(attendance.get("breakdown") or [])
    forum.livestream_url = as_text(entry.get("livestream"))
    forum.document = ctx.document
    forum.provenance = collect_meta(entry)
    extra_in(forum, entry.get("extra"), COVERED, join(path, "extra"), ctx)
    save_row(forum, path)
    indexes = entry.get("agreements") or []
    forum.agreements.set(
        [ctx.agreement(i, join(join(path, "agreements"), n)) for n, i in enumerate(indexes)]
    )
    forum.contacts.set(ctx.contacts)
    _organisers_in(ctx, forum, entry.get("organisers") or [], join(path, "organisers"))
    _people_in(ctx, forum, entry, path)
    agenda_in(ctx, forum, entry, path)
    ctx.count("events")
    return forum


def _organisers_in(ctx: ImportContext, forum: Forum, items: list, path: str) -> None:
    forum.organisers.all().delete()
    for order, item in enumerate(items):
        where = join(path, order)
        row = ForumOrganiser(
            forum=forum,
            organisation=ctx.organisation(item.get("organisation"), join(where, "organisation")),
            role=as_text(item.get("role")),
            order=order,
            provenance=collect_meta(item),
        )
        if not ForumOrganiser.objects.filter(
            forum=forum, organisation=row.organisation, role=row.role
        ).exists():
            save_row(row, where)


def _people_in(ctx: ImportContext, forum: Forum, entry: dict, path: str) -> None:
    forum.people.all().delete()
    order = 0
    lists = [(key, role, [entry.get(key)] if entry.get(key) else []) for key, role in PEOPLE_KEYS]
    lists += [(key, role, entry.get(key) or []) for key, role in PEOPLE_LISTS]
    for key, role, refs in lists:
        for number, ref in enumerate(refs):
            where = join(path, key) if key in dict(PEOPLE_KEYS) else join(join(path, key), number)
            line = ForumPerson(forum=forum, role=ref.get("role") or role, order=order)
            line = ctx.fill_role_line(line, ref, where)
            line.side = as_text(ref.get("side"))
            save_row(line, where)
            order += 1


def events_out(ctx: ExportContext) -> list[dict]:
    forums = list(
        Forum.objects.filter(document=ctx.document)
        .select_related("series", "venue")
        .prefetch_related("organisers__organisation", "people__person", "agreements")
        .order_by("pk")
    )
    for index, forum in enumerate(forums):
        ctx.event_index[forum.pk] = index
    return [_event_out(ctx, forum) for forum in forums]


def _event_out(ctx: ExportContext, forum: Forum) -> dict:
    place = place_out(forum.venue)
    if place is None and forum.timezone:
        place = {"timezone": forum.timezone}
    entry: dict[str, Any] = {
        "kind": forum.kind or None,
        "title_ko": forum.title_ko or None,
        "title_en": forum.title_en or None,
        "subtitle": forum.subtitle or None,
        "alt_titles": list(forum.alt_titles),
        "series": forum.series.name_ko if forum.series else None,
        "edition": _edition_out(forum),
        "theme": forum.theme_ko or forum.theme_en or None,
        "start": date_out(forum, "date"),
        "end": date_out(forum, "end_date"),
        "start_time": time_out(forum.start_time),
        "end_time": time_out(forum.end_time),
        "place": place,
        "rooms": forum.room_list,
        "organisers": [
            apply_meta(
                {"organisation": ctx.organisation_ref(o.organisation), "role": o.role or None},
                o.provenance,
            )
            for o in forum.organisers.all()
        ],
        "attendance": _attendance_out(forum),
        "livestream": forum.livestream_url or None,
        "mc": None,
    }
    if forum.anniversary is not None or forum.anniversary_written:
        entry["anniversary"] = {
            "number": forum.anniversary,
            "as_written": forum.anniversary_written or None,
        }
    for line in forum.people.all():
        key = {Role.MC: "mc", Role.CHAIR: "chair"}.get(line.role)
        if key and entry.get(key) is None:
            entry[key] = ctx.personref(line, side=line.side)
            continue
        list_key = "counterparts" if line.role == Role.COUNTERPART else "participants"
        default = Role.COUNTERPART if line.role == Role.COUNTERPART else Role.PARTICIPANT
        role = line.role if line.role != default else None
        entry.setdefault(list_key, []).append(ctx.personref(line, side=line.side, role=role))
    if forum.parent_id in ctx.event_index:
        entry["parent"] = ctx.event_index[forum.parent_id]
    agreements = [
        ctx.agreement_index[a.pk] for a in forum.agreements.all() if a.pk in ctx.agreement_index
    ]
    if agreements:
        entry["agreements"] = agreements
    entry.update(agenda_out(ctx, forum))
    if forum.ref:
        entry["key"] = forum.ref
    extra = extra_out(forum, COVERED, ctx, said={"theme_en": entry["theme"]})
    if extra:
        entry["extra"] = extra
    return apply_meta(entry, forum.provenance)


def _edition_out(forum: Forum) -> dict | None:
    if forum.edition is None and not forum.edition_written and forum.edition_year is None:
        return None
    edition: dict[str, Any] = {"number": forum.edition, "as_written": forum.edition_written or None}
    if forum.edition_year is not None:
        edition["year"] = forum.edition_year
    return edition


def _attendance_out(forum: Forum) -> dict | None:
    if forum.attendance_expected is None and not (
        forum.attendance_written or forum.attendance_breakdown
    ):
        return None
    return {
        "expected": forum.attendance_expected,
        "approximate": forum.attendance_approximate,
        "as_written": forum.attendance_written or None,
        "breakdown": list(forum.attendance_breakdown),
    }
