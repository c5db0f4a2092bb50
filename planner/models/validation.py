"""``full_clean()`` that checks every rule without re-reading what the instance holds.

Django's own validation costs a query per foreign key (does the related row
exist?) even when the instance holds that row, freshly read from a form's choice
or a ``select_related``, and a query wrapped in a savepoint per check
constraint. On an inline edit that is a third of the request's statements. This
base keeps every rule, on every path that validates (services, forms, the admin):

- a foreign key whose related object is loaded, saved, and has the key's value
  is not looked up again (the database's foreign key still refuses a row deleted
  since it was read);
- the check constraints of a model are evaluated together, in one query.
"""

from __future__ import annotations

import logging
from contextlib import nullcontext

from django.core.exceptions import FieldError, ValidationError
from django.db import DatabaseError, connections, models, router, transaction
from django.db.models import BooleanField, CheckConstraint, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
from django.db.models.sql.constants import SINGLE

logger = logging.getLogger(__name__)


def holds_related_row(instance: models.Model, field: models.Field) -> bool:
    """The instance holds the saved row its foreign key points at: nothing to look up."""
    if not field.many_to_one or field.remote_field.parent_link or field.validators:
        return False
    if field.get_limit_choices_to() or not field.is_cached(instance):
        return False
    related = field.get_cached_value(instance)
    if related is None or related._state.adding:
        return False
    value = getattr(instance, field.attname)
    return value is not None and value == getattr(related, field.target_field.attname)


def failing_checks(
    instance: models.Model,
    model: type[models.Model],
    constraints: list[CheckConstraint],
    *,
    exclude: set[str] | None,
    using: str,
) -> list[CheckConstraint]:
    """The check constraints the instance's values break, asked in one SELECT.

    As Django's ``CheckConstraint.validate``: a constraint that reads an excluded
    field (one that failed its own validation) is skipped, NULL passes (as in SQL),
    and a database error is logged and passes (the database decides on save).
    """
    query = Query(None)
    for name, value in instance._get_field_expression_map(
        meta=model._meta, exclude=exclude
    ).items():
        if not hasattr(value, "resolve_expression"):
            value = Value(value)
        query.add_annotation(value, name, select=False)
    asked = []
    for constraint in constraints:
        verdict = Coalesce(Q(constraint.condition), True, output_field=BooleanField())
        try:
            query.add_annotation(verdict, f"check_{len(asked)}")
        except FieldError:
            continue
        asked.append(constraint)
    if not asked:
        return []
    connection = connections[using]
    # A failed statement would abort the surrounding transaction on PostgreSQL.
    guard = transaction.atomic(using=using) if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            row = query.get_compiler(using=using).execute_sql(SINGLE)
    except DatabaseError as error:
        logger.warning("Database error checking the constraints of %r: %s", instance, error)
        return []
    return [constraint for constraint, passed in zip(asked, row, strict=True) if not passed]


class ValidatedModel(models.Model):
    """Every rule checked by ``full_clean()``, with the fewest queries."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        held = {
            field.name for field in self._meta.concrete_fields if holds_related_row(self, field)
        }
        super().clean_fields(exclude={*(exclude or ()), *held})

    def validate_constraints(self, exclude=None):
        using = router.db_for_write(type(self), instance=self)
        errors: dict = {}
        for model, constraints in self.get_constraints():
            # Plain check constraints are asked together below; others as Django does.
            checks = [c for c in constraints if type(c) is CheckConstraint]
            for constraint in (c for c in constraints if type(c) is not CheckConstraint):
                try:
                    constraint.validate(model, self, exclude=exclude, using=using)
                except ValidationError as error:
                    if getattr(error, "code", None) == "unique" and len(constraint.fields) == 1:
                        errors.setdefault(constraint.fields[0], []).append(error)
                    else:
                        errors = error.update_error_dict(errors)
            for constraint in failing_checks(self, model, checks, exclude=exclude, using=using):
                error = ValidationError(
                    constraint.get_violation_error_message(), code=constraint.violation_error_code
                )
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
