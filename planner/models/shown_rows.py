"""Model instances for pages that show many rows and change none of them.

A trip of a thousand engagements names four thousand people and organisations, of
which about a hundred are distinct. ``select_related`` and ``prefetch_related``
build a model instance per row and per relation (``Model.__init__`` runs every
field's descriptor and the init signals) and a related manager and queryset per
parent: that was most of the trip page's time. Here one ``values_list()`` query
reads the columns a page shows, each row becomes an instance without
``Model.__init__``, and a related row that many rows name is one shared instance.

A page's queries have a fixed shape, and building and compiling one (~1 ms) costs
more than running it on a small trip: :class:`ShownQuery` compiles its SQL once per
process and database connection and runs it with the page's key.

The instances are read models: they are never saved (``save()`` would see no loaded
values to compare with). A column left out is deferred as usual: reading it costs a
query, which the pages' query-count tests catch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from django.db import connections, models
from django.db.models.base import ModelState
from django.db.models.sql.compiler import SQLCompiler

from planner.models.base import unread

Pools = dict[str, dict[Any, models.Model]]
Rows = Iterator[tuple[models.Model | None, ...]]


class Columns:
    """The shown columns of ``model``, reached through ``relation`` (``""`` for the
    queried model itself), and the instances built from a row's values.

    ``shared``: the name of a pool of instances, one per primary key, kept for one
    read (two relations to the same model may name the same pool). ``keep``: the only
    columns shown (see :func:`planner.models.base.unread`); ``drop``: more to leave out.
    """

    def __init__(
        self,
        model: type[models.Model],
        relation: str = "",
        *,
        keep: Iterable[str] | None = None,
        drop: Iterable[str] = (),
        shared: str = "",
    ) -> None:
        left_out = set(unread(model, keep=keep)) | set(drop)
        self.model = model
        self.attnames = [
            field.attname for field in model._meta.concrete_fields if field.name not in left_out
        ]
        self.paths = [f"{relation}__{name}" if relation else name for name in self.attnames]
        self.pk_index = self.attnames.index(model._meta.pk.attname)
        self.shared = shared

    def instance(self, values: Sequence[Any], db: str, pools: Pools) -> models.Model | None:
        pk = values[self.pk_index]
        if pk is None:  # a nullable relation that is not set
            return None
        pool = pools.setdefault(self.shared, {}) if self.shared else None
        if pool is not None and pk in pool:
            return pool[pk]
        instance = self.model.__new__(self.model)
        instance.__dict__.update(zip(self.attnames, values, strict=True))
        state = instance._state = ModelState()
        state.adding, state.db = False, db
        if pool is not None:
            pool[pk] = instance
        return instance


def _spans(columns: Sequence[Columns]) -> list[tuple[Columns, int, int]]:
    spans, start = [], 0
    for column in columns:
        spans.append((column, start, start + len(column.paths)))
        start += len(column.paths)
    return spans


# Stands for the key while a ShownQuery compiles: it must reach the SQL as one parameter.
_KEY_PLACEHOLDER = 7_340_031_977


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str
    params: tuple
    converters: dict
    key_index: int | None  # None: the key did not show as one parameter, compile each time


class ShownQuery:
    """The rows of ``build(key)`` as tuples of instances, one per ``Columns``, in their
    order; the SQL is compiled once per database connection.

    ``build`` must give a queryset whose SQL differs between keys only in the key's
    parameter (a filter on a primary key does); if the placeholder key does not show
    as exactly one parameter, each read compiles its own query.
    """

    def __init__(self, build: Callable[[Any], models.QuerySet], *columns: Columns) -> None:
        self.build, self.columns, self.spans = build, columns, _spans(columns)
        self.paths = [path for column in columns for path in column.paths]
        self._db: str | None = None
        self._compiled: WeakKeyDictionary[Any, _Compiled] = WeakKeyDictionary()

    def rows(self, key: Any, pools: Pools | None = None) -> Rows:
        if self._db is None:
            self._db = self.build(_KEY_PLACEHOLDER).db
        db = self._db
        connection = connections[db]
        compiled = self._compiled.get(connection)
        if compiled is None:
            compiled = self._compiled[connection] = self._compile(_KEY_PLACEHOLDER, db)
        if compiled.key_index is None:
            compiled = self._compile(key, db)
            params = list(compiled.params)
        else:
            params = list(compiled.params)
            params[compiled.key_index] = key
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        if compiled.converters:
            fetched = compiled.compiler.apply_converters(fetched, compiled.converters)
        pools = {} if pools is None else pools
        for row in fetched:
            yield tuple(
                column.instance(row[begin:end], db, pools) for column, begin, end in self.spans
            )

    def _compile(self, key: Any, db: str) -> _Compiled:
        compiler = self.build(key).values_list(*self.paths).query.get_compiler(db)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        found = [index for index, value in enumerate(params) if value == _KEY_PLACEHOLDER]
        key_index = found[0] if key == _KEY_PLACEHOLDER and len(found) == 1 else None
        return _Compiled(compiler, sql, tuple(params), converters, key_index)


def cache_related(instance: models.Model, **related: models.Model | None) -> None:
    """Set forward relations as if ``select_related`` had read them (no query on access)."""
    instance._state.fields_cache.update(related)
