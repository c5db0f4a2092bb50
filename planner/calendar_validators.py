"""Validators (ETags) of calendar exports, computed before anything is built.

Calendar apps poll feeds every few minutes; most polls find nothing new. The
validator is a digest of what the calendar is made from: the parents it covers,
per source how many rows and when the latest one changed, the same for every
relation its text reads (people, organisations, venues, stops, contacts), the
live tombstones, and the settings that shape the text (UID domain, language, the
tzdata release, the output format, the host the links point to). A poll whose
``If-None-Match`` matches is answered 304 without loading or serializing a row.

The state is read from the rows themselves, not from a counter kept beside
them: a ``bulk_create``, a data migration or a restore changes it as any edit
does. It is one SQL statement, a cross join of one-row aggregates: one per
chain of joins that fans out (a meeting's people), so that no two lists
multiply each other, and relations of the parent (a trip's contacts) counted
once per parent rather than once per row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Max, QuerySet, Sum
from django.http import HttpRequest
from django.utils import timezone

from planner.calendar_tombstones import tombstones_for
from planner.ical import PRODID, uid_domain
from planner.models.tombstones import KEPT_FOR
from planner.tzdata import tzdata_version

# Raise when the text of the exports changes for unchanged rows (a new property, a fix).
OUTPUT_FORMAT = "2026-12-journeys-in-two-zones"

MAX, COUNT, DISTINCT, SUM = "MAX({})", "COUNT({})", "COUNT(DISTINCT {})", "SUM({})"
# A counted line's (row, line) pair as one number: the sum of the pairs changes when a
# line moves to another row or is swapped for another (m2m lines carry no stamp).
PAIR = 1_000_003


def pairs(path: str):
    return F("pk") * PAIR + F(path)


def fan_out(model, path: str) -> str:
    """The path's prefix up to its last many-valued hop ("" when no hop multiplies rows)."""
    names = path.split("__")
    prefix, current = "", model
    for n, name in enumerate(names):
        if name == "pk":
            break
        hop = current._meta.get_field(name)
        if not hop.is_relation:
            break
        if hop.many_to_many or hop.one_to_many:
            prefix = "__".join(names[: n + 1])
        current = hop.related_model
    return prefix


def split_paths(source, paths) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(the row's own paths, paths on its parent)``: "trip__contacts__updated" of a
    meeting is read on the trip, once per trip, not once per meeting."""
    through = source.parent_field.removesuffix("_id")
    if through == "pk":  # a forum is its own parent
        return tuple(paths), ()
    prefix = f"{through}__"
    own = tuple(path for path in paths if not path.startswith(prefix))
    return own, tuple(path.removeprefix(prefix) for path in paths if path.startswith(prefix))


def parent_model(source):
    return source.model._meta.get_field(source.parent_field.removesuffix("_id")).related_model


@dataclass
class _Table:
    """One aggregate over one queryset: a derived table of exactly one row."""

    queryset: QuerySet
    # (aggregate, a path or an expression of paths)
    columns: list[tuple[str, Any]] = field(default_factory=list)

    def add(self, aggregate: str, path) -> None:
        if (aggregate, path) not in self.columns:
            self.columns.append((aggregate, path))

    def sql(self, table: int) -> tuple[str, tuple]:
        names = {
            f"v{n}": F(path) if isinstance(path, str) else path
            for n, (_aggregate, path) in enumerate(self.columns)
        }
        inner = self.queryset.order_by().annotate(**names).values_list(*names)
        try:
            sql, params = inner.query.sql_with_params()
        except EmptyResultSet:  # no parent: what the aggregates of no rows are
            empty = ", ".join(
                f"{0 if aggregate in (COUNT, DISTINCT) else 'NULL'} AS t{table}_{n}"
                for n, (aggregate, _path) in enumerate(self.columns)
            )
            return f"SELECT {empty}", ()
        outer = ", ".join(  # named: PostgreSQL would call them all "max"
            f"{aggregate.format(f'q.v{n}')} AS t{table}_{n}"
            for n, (aggregate, _path) in enumerate(self.columns)
        )
        return f"SELECT {outer} FROM ({sql}) q", params


@dataclass
class ScopeState:
    """The state of a calendar's rows; ``rows[kind]`` is how many rows a source has,
    ``rows["trip"]`` how many of the trips asked for exist."""

    values: tuple
    rows: dict[str, int]


# Statements by the sources and parent ids they cover: the SQL is the same for the same
# ids whatever the rows hold, and building it (~30 querysets) costs more than running it.
_STATEMENTS: dict[tuple, tuple[str, list, int | None, dict[str, int]]] = {}
_STATEMENTS_KEPT = 512
# Where the tombstones' 30-day cutoff goes: replaced by the real one on every poll.
_CUTOFF_MARK = datetime(1901, 1, 1, tzinfo=UTC)


def scope_state(parts) -> ScopeState:
    """``parts``: ``[(source, parent ids as a list)]``. One query, whatever the size."""
    key = (connection.vendor, tuple((source.kind, tuple(ids)) for source, ids in parts))
    statement = _STATEMENTS.get(key)
    if statement is None:
        if len(_STATEMENTS) >= _STATEMENTS_KEPT:
            _STATEMENTS.clear()
        statement = _STATEMENTS[key] = _statement(parts)
    sql, params, cutoff_at, rows_at = statement
    params = list(params)
    if cutoff_at is not None:
        params[cutoff_at] = connection.ops.adapt_datetimefield_value(timezone.now() - KEPT_FOR)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        values = tuple(map(str, cursor.fetchone()))
    rows = {kind: int(values[offset]) for kind, offset in rows_at.items()}
    return ScopeState((key[1], values), rows)


def _statement(parts) -> tuple[str, list, int | None, dict[str, int]]:
    tables: dict[tuple, _Table] = {}
    parent_keys: dict[str, str] = {}  # model label -> the parent's key ("trip")

    def table(key: tuple, queryset: QuerySet) -> _Table:
        return tables.setdefault(key, _Table(queryset))

    for source, ids in parts:
        ids = tuple(ids)
        own_rows = source.model._default_manager.filter(
            **{f"{source.parent_field.removesuffix('_id')}__in": ids}
        )
        base = table((source.kind, ""), own_rows)
        for aggregate, path in ((COUNT, "pk"), (MAX, "updated"), (MAX, "sequence")):
            base.add(aggregate, path)
        if source.parent_field != "pk":  # how many of the parents exist (a 404 needs no query)
            model = parent_model(source)
            parents = table((model._meta.label, ids, ""), model._default_manager.filter(pk__in=ids))
            parents.add(COUNT, "pk")
            parent_keys[model._meta.label] = source.parent
        for paths, aggregate in ((source.relations, MAX), (source.counts, DISTINCT)):
            own, on_parent = split_paths(source, paths)
            for path in own:
                through = fan_out(source.model, path)
                hop = source.model._meta.get_field(path.split("__")[0])
                if not through and hop.many_to_one:
                    # A stop or venue: read once per distinct row, not joined once per meeting.
                    rest = path.split("__", 1)[1]
                    related = hop.related_model._default_manager.filter(
                        pk__in=own_rows.values(hop.attname)
                    )
                    table((source.kind, hop.name), related).add(aggregate, rest)
                else:
                    table((source.kind, through), own_rows).add(aggregate, path)
                    if aggregate == DISTINCT:
                        table((source.kind, through), own_rows).add(SUM, pairs(path))
            model = on_parent and parent_model(source)
            for path in on_parent:
                key = (model._meta.label, ids, fan_out(model, path))
                table(key, model._default_manager.filter(pk__in=ids)).add(aggregate, path)
                if aggregate == DISTINCT:
                    table(key, model._default_manager.filter(pk__in=ids)).add(SUM, pairs(path))
    stones = table(("tombstones",), tombstones_for(parts, now=_CUTOFF_MARK + KEPT_FOR))
    stones.add(COUNT, "pk")
    stones.add(MAX, "deleted_at")
    statements = [table.sql(n) for n, table in enumerate(tables.values())]
    sql = "SELECT * FROM " + " CROSS JOIN ".join(
        f"({part}) t{n}" for n, (part, _params) in enumerate(statements)
    )
    params = [param for _part, params in statements for param in params]
    mark = connection.ops.adapt_datetimefield_value(_CUTOFF_MARK)
    cutoff_at = params.index(mark) if mark in params else None
    rows_at, offset = {}, 0
    for key, found in tables.items():
        if len(key) == 2 and key[1] == "":
            rows_at[key[0]] = offset
        elif len(key) == 3 and key[2] == "" and key[0] in parent_keys:
            rows_at[parent_keys[key[0]]] = offset
        offset += len(found.columns)
    return sql, params, cutoff_at, rows_at


def shaping(request: HttpRequest) -> tuple:
    """The settings that shape the text of unchanged rows (stored fragments are keyed by it)."""
    return (
        OUTPUT_FORMAT,
        PRODID,
        uid_domain(),
        settings.LANGUAGE_CODE,
        tzdata_version(),
        timezone.localdate().year,  # the VTIMEZONE span of a calendar without timed items
        request.scheme,
        request.get_host(),
    )


def validator(request: HttpRequest, *states) -> str:
    """A strong ETag from the states of the rows and the settings that shape the text."""
    digest = hashlib.sha256(repr((shaping(request), states)).encode()).hexdigest()[:32]
    return f'"{digest}"'


_COMPILED: dict[tuple, tuple[str, tuple] | None] = {}


def compiled_rows(key: tuple, queryset) -> list[tuple]:
    """The rows of ``queryset()``, compiled once per ``key`` (which must name everything
    its SQL depends on: the ORM's compilation costs more than a small query's run)."""
    if key not in _COMPILED:
        if len(_COMPILED) >= _STATEMENTS_KEPT:
            _COMPILED.clear()
        try:
            _COMPILED[key] = queryset().query.sql_with_params()
        except EmptyResultSet:
            _COMPILED[key] = None
    if _COMPILED[key] is None:
        return []
    sql, params = _COMPILED[key]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _raw(queryset: QuerySet) -> list[tuple]:
    """Read raw: the stamps are only compared, so no value is converted."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # filtered by an empty list of parents
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _stamps(queryset: QuerySet, relations, counts, *leading: str) -> list[tuple]:
    annotations = {f"v_{n}": Max(path) for n, path in enumerate(relations)}
    annotations |= {f"c_{n}": Count(path, distinct=True) for n, path in enumerate(counts)}
    # Which lines, not only how many: a line swapped for another changes the sum.
    annotations |= {f"s_{n}": Sum(path, distinct=True) for n, path in enumerate(counts)}
    return _raw(queryset.order_by().annotate(**annotations).values_list(*leading, *annotations))


def row_versions(source, rows: QuerySet) -> dict[int, tuple]:
    """Per row, what its calendar text is made of: its own stamps (``updated``,
    SEQUENCE, its relations') and its parent's (the trip's title and contacts)."""
    own_relations, parent_relations = split_paths(source, source.relations)
    own_counts, parent_counts = split_paths(source, source.counts)
    found = _stamps(
        rows, own_relations, own_counts, "pk", source.parent_field, "updated", "sequence"
    )
    parents: dict = {}
    if found and (parent_relations or parent_counts):
        of_rows = parent_model(source)._default_manager.filter(
            pk__in=rows.order_by().values(source.parent_field)
        )
        parents = {
            pk: stamps for pk, *stamps in _stamps(of_rows, parent_relations, parent_counts, "pk")
        }
    return {pk: (*stamps, *parents.get(parent, ())) for pk, parent, *stamps in found}
