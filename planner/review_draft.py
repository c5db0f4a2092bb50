"""The review screen's view of a planner-draft/1 draft: which facts are editable, and how
a corrected or removed fact goes back into the draft.

A fact is addressed by its path in the draft (``("events", 0, "sessions", 2, "title")``);
its form field is named by that path joined with ``-``. An untouched field leaves the
draft exactly as the extractor wrote it (span and confidence included).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

LOW_CONFIDENCE = 0.6
REMOVE = "remove"

DRAFT_KINDS = [
    ("event", _("event")),
    ("trip", _("trip")),
    ("agreement", _("agreement")),
    ("mixed", _("several")),
]
EVENT_KINDS = [
    ("forum", _("forum")),
    ("seminar", _("seminar")),
    ("conference", _("conference")),
    ("ceremony", _("ceremony")),
    ("festival", _("festival")),
    ("meeting", _("meeting")),
    ("negotiation", _("negotiation round")),
    ("other", _("other")),
]


@dataclass(frozen=True)
class Spec:
    """One editable fact: where it lives in the draft and how it is typed."""

    path: tuple
    label: Any
    kind: str = "text"  # text, date, time, int, choice, lines
    choices: tuple = ()

    @property
    def name(self) -> str:
        return field_name(self.path)


@dataclass
class Row:
    """One object of the draft (an event, a session, a person…) with its editable facts."""

    path: tuple
    label: str
    specs: list[Spec]
    obj: dict
    removable: bool = True
    span: list | None = None
    low: bool = False
    matches: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # bound fields, filled by the form
    remove_field: Any = None

    @property
    def remove_name(self) -> str:
        return field_name((*self.path, REMOVE))


@dataclass
class Section:
    key: str
    title: Any
    rows: list[Row]
    table: bool = False
    children: list[Section] = field(default_factory=list)

    @property
    def headers(self) -> list:
        return [spec.label for spec in self.rows[0].specs] if self.rows else []


def field_name(path: tuple) -> str:
    return "-".join(str(part) for part in path)


def get_path(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


def _low(obj: Any) -> bool:
    confidence = obj.get("confidence") if isinstance(obj, dict) else None
    return isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE


def _row(path: tuple, label: str, obj: dict, specs: list[Spec], **more: Any) -> Row:
    parts = [obj] + [get_path(obj, spec.path[len(path) :]) for spec in specs]
    return Row(
        path=path,
        label=label,
        specs=specs,
        obj=obj,
        span=obj.get("span"),
        low=any(_low(part) for part in parts),
        **more,
    )


def _place_specs(base: tuple) -> list[Spec]:
    place = (*base, "place")
    return [
        Spec((*place, "venue"), _("venue")),
        Spec((*place, "city"), _("city")),
        Spec((*place, "country"), _("country (ISO code)")),
        Spec((*place, "timezone"), _("time zone")),
    ]


SESSION_COLUMNS = [
    ("start", _("start"), "time"),
    ("end", _("end"), "time"),
    ("minutes", _("minutes"), "int"),
    ("title", _("item"), "text"),
    ("notes", _("notes"), "text"),
]
STOP_COLUMNS = [
    (("place", "city"), _("city"), "text"),
    (("place", "country"), _("country (ISO code)"), "text"),
    ("arrive", _("arrives"), "date"),
    ("depart", _("departs"), "date"),
]
ENGAGEMENT_COLUMNS = [
    ("date", _("date"), "date"),
    ("start", _("start"), "time"),
    ("end", _("end"), "time"),
    ("title", _("title"), "text"),
]


def _table(base: tuple, title: Any, items: list, columns: list[tuple]) -> Section:
    """One row per item of the list at ``base``; ``columns`` are (key or keys, label, kind)."""
    rows = []
    for number, item in enumerate(items):
        path = (*base, number)
        specs = [
            Spec((*path, *(key if isinstance(key, tuple) else (key,))), label, kind)
            for key, label, kind in columns
        ]
        rows.append(_row(path, str(number + 1), item, specs))
    return Section(field_name(base), title, rows, table=True)


def _event_section(index: int, event: dict) -> Section:
    base = ("events", index)
    specs = [
        Spec((*base, "kind"), _("kind"), "choice", tuple(EVENT_KINDS)),
        Spec((*base, "title_ko"), _("title (Korean)")),
        Spec((*base, "title_en"), _("title (English)")),
        Spec((*base, "start"), _("start date"), "date"),
        Spec((*base, "end"), _("end date"), "date"),
        Spec((*base, "start_time"), _("start time"), "time"),
        Spec((*base, "end_time"), _("end time"), "time"),
        *_place_specs(base),
    ]
    title = event.get("title_ko") or event.get("title_en") or f"#{index + 1}"
    sessions = event.get("sessions") or []
    children = [_table((*base, "sessions"), _("Run of show"), sessions, SESSION_COLUMNS)]
    return Section(
        f"events-{index}", _("Event"), [_row(base, title, event, specs)], children=children
    )


def _trip_section(index: int, trip: dict) -> Section:
    base = ("trips", index)
    specs = [
        Spec((*base, "title_ko"), _("title (Korean)")),
        Spec((*base, "title_en"), _("title (English)")),
        Spec((*base, "start"), _("start date"), "date"),
        Spec((*base, "end"), _("end date"), "date"),
    ]
    title = trip.get("title_ko") or trip.get("title_en") or f"#{index + 1}"
    children = [
        _table((*base, "stops"), _("Stops"), trip.get("stops") or [], STOP_COLUMNS),
        _table(
            (*base, "engagements"),
            _("Engagements"),
            trip.get("engagements") or [],
            ENGAGEMENT_COLUMNS,
        ),
    ]
    return Section(f"trips-{index}", _("Trip"), [_row(base, title, trip, specs)], children=children)


def layout(draft: dict) -> list[Section]:
    """The sections of the review form, in the order the page shows them."""
    sections = [
        Section(
            "draft",
            _("Document"),
            [
                _row(
                    (),
                    "",
                    draft,
                    [
                        Spec(("kind",), _("what the document is about"), "choice", DRAFT_KINDS),
                        Spec(("source", "title"), _("title")),
                    ],
                    removable=False,
                )
            ],
        )
    ]
    sections += [_event_section(i, event) for i, event in enumerate(draft.get("events") or [])]
    sections += [_trip_section(i, trip) for i, trip in enumerate(draft.get("trips") or [])]
    agreements = draft.get("agreements") or []
    if agreements:
        columns = [("title", _("title"), "text"), ("signed_on", _("signed on"), "date")]
        sections.append(_table(("agreements",), _("Agreements"), agreements, columns))
    people = [
        ("name_ko", _("name (Korean)"), "text"),
        ("name_latin", _("name (Latin script)"), "text"),
        ("position_ko", _("position"), "text"),
    ]
    organisations = [
        ("name_ko", _("name (Korean)"), "text"),
        ("name_en", _("name (English)"), "text"),
        ("acronym", _("acronym"), "text"),
    ]
    contacts = [
        ("department", _("department"), "text"),
        ("position", _("rank"), "text"),
        ("name", _("name"), "text"),
        ("phone", _("phone"), "text"),
    ]
    for key, title, columns in (
        ("people", _("People"), people),
        ("organisations", _("Organisations"), organisations),
        ("contacts", _("Contacts"), contacts),
    ):
        sections.append(_table((key,), title, draft.get(key) or [], columns))
    return sections


def all_rows(sections: list[Section]):
    for section in sections:
        yield from section.rows
        yield from all_rows(section.children)


# --- from the form back into the draft -------------------------------------------


def initial_value(spec: Spec, value: Any) -> Any:
    if isinstance(value, dict) and spec.kind == "date":
        value = value.get("value")
    if isinstance(value, list):
        return "\n".join(str(part) for part in value)
    return "" if value is None else value


def _converted(spec: Spec, old: Any, raw: Any) -> Any:
    if raw in ("", None):
        return None
    if spec.kind == "date":
        precision = {10: "day", 7: "month", 4: "year"}.get(len(raw), "day")
        return {**old, "value": raw, "precision": precision} if isinstance(old, dict) else raw
    if isinstance(old, list):
        return [line.strip() for line in str(raw).splitlines() if line.strip()]
    return raw


def _set_path(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        if data.get(part) is None if isinstance(part, str) else data[part] is None:
            data[part] = {}
        data = data[part]
    data[path[-1]] = value


def corrected(draft: dict, values: dict, sections: list[Section], removed: list[tuple]) -> dict:
    """A copy of ``draft`` with the edited ``values`` (by field name) and ``removed`` rows."""
    new = copy.deepcopy(draft)
    for row in all_rows(sections):
        for spec in row.specs:
            if spec.name not in values:  # not on the form that was sent: left as read
                continue
            old = get_path(draft, spec.path)
            raw = values[spec.name]
            if raw == initial_value(spec, old) or (raw in ("", None) and old is None):
                continue
            _set_path(new, spec.path, _converted(spec, old, raw))
    _remove(new, removed)
    return new


def _remove(draft: dict, removed: list[tuple]) -> None:
    refs: set[str] = set()
    indexes: dict[str, set[int]] = {"events": set(), "trips": set(), "agreements": set()}
    for path in sorted(removed, key=lambda p: [(isinstance(x, int), x) for x in p], reverse=True):
        container = get_path(draft, path[:-1]) if len(path) > 1 else draft.get(path[0])
        if len(path) == 2 and path[0] in indexes:
            indexes[path[0]].add(path[1])
        if isinstance(container, list) and path[-1] < len(container):
            item = container.pop(path[-1])
            if path[0] in ("people", "organisations") and isinstance(item, dict):
                refs.add(item.get("ref"))
    for key, gone in indexes.items():
        if gone:
            _renumber(draft, key, gone)
    if refs - {None}:
        _scrub(draft, refs - {None})


def _renumber(draft: dict, key: str, gone: set[int]) -> None:
    """Indexes into ``key`` that other objects hold, after the ``gone`` ones were removed."""

    def new_index(value: Any) -> Any:
        if not isinstance(value, int) or value in gone:
            return None
        return value - sum(1 for index in gone if index < value)

    for event in draft.get("events") or []:
        if key == "events" and "parent" in event:
            event["parent"] = new_index(event["parent"])
        if key == "agreements" and event.get("agreements"):
            event["agreements"] = [
                new_index(i) for i in event["agreements"] if new_index(i) is not None
            ]
    for trip in draft.get("trips") or []:
        if key == "agreements" and trip.get("agreements"):
            trip["agreements"] = [
                new_index(i) for i in trip["agreements"] if new_index(i) is not None
            ]
        for item in trip.get("engagements") or []:
            if key == "events" and "event" in item:
                item["event"] = new_index(item["event"])
    for agreement in draft.get("agreements") or []:
        signed_at = agreement.get("signed_at")
        if key == "trips" and isinstance(signed_at, dict):
            trip = new_index(signed_at.get("trip"))
            agreement["signed_at"] = None if trip is None else {**signed_at, "trip": trip}


REF_KEYS = ("person", "organisation", "parent")
NAMING_KEYS = ("person", "organisation", "as_written", "group", "country")


def _scrub(obj: Any, refs: set[str]) -> Any:
    """Forget the removed people and organisations wherever the draft points to them.

    Returns None for an object that named only them (an organiser, a speaker line).
    """
    if isinstance(obj, list):
        kept = []
        for item in obj:
            if isinstance(item, str) and item in refs:
                continue
            item = _scrub(item, refs)
            if item is not None:
                kept.append(item)
        return kept
    if not isinstance(obj, dict):
        return obj
    pointed = False
    for key in REF_KEYS:
        if obj.get(key) in refs:
            pointed = True
            if "ref" in obj or key == "parent":
                obj[key] = None
            else:
                del obj[key]
    for key, value in list(obj.items()):
        if isinstance(value, dict | list):
            obj[key] = _scrub(value, refs)
    if pointed and "ref" not in obj and not any(obj.get(key) for key in NAMING_KEYS):
        return None
    return obj
