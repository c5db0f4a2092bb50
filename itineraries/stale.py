"""A stale edit, shown: what the other person saved, field by field, against this user's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext as _

from planner.time_display import korean_date


@dataclass(frozen=True)
class FieldDifference:
    label: str
    theirs: str
    mine: str
    changed_by_them: bool | None  # None: the version the user opened is not in the history


@dataclass(frozen=True)
class StaleReport:
    """What the other person saved, field by field, against this user's version."""

    who: str
    when: Any
    differences: list[FieldDifference]
    reload_url: str
    mine_label: str


def _pks(values: Any) -> list[str]:
    return sorted(str(v.pk if isinstance(v, models.Model) else v) for v in values)


def _comparable(value: Any) -> str:
    if isinstance(value, list | tuple | models.QuerySet):
        return ",".join(_pks(value))  # a multiple choice: the same rows in any order
    if isinstance(value, models.Model):
        value = value.pk
    if isinstance(value, time):
        value = value.replace(second=0, microsecond=0)
    value = getattr(value, "code", value)  # django-countries' Country
    return "" if value is None else str(value)


def _shown(field: forms.Field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        chosen = field.queryset.filter(pk__in=_pks(value))
        return ", ".join(field.label_from_instance(row) for row in chosen) or "—"
    if isinstance(field, forms.ModelChoiceField):
        if not isinstance(value, models.Model):
            value = field.queryset.filter(pk=value).first()
        return field.label_from_instance(value) if value is not None else "—"
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in field.choices}
        return str(labels.get(_comparable(value), value))
    if isinstance(value, date):
        return korean_date(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def _field_values(form: forms.BaseForm) -> dict[str, Any]:
    return {name: form[name].initial for name in form.fields}


def stale_report(
    current: models.Model,
    *,
    form_class: type[forms.BaseForm],
    form_kwargs: dict[str, Any],
    expected_revision: int | None,
    reload_url: str,
    mine: dict[str, Any] | None = None,
) -> StaleReport:
    """The stored version against the user's: their entries (``mine``) or what they opened.

    Rows the other person changed since the user's revision are marked when that
    revision is in the history (rows loaded from documents may have none).
    """
    theirs_form = form_class(instance=current, **form_kwargs)
    theirs = _field_values(theirs_form)
    opened = None
    latest = None
    history = getattr(type(current), "history", None)
    if history is not None:
        records = list(
            history.filter(id=current.pk)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        latest = records[0] if records else None
        at_revision = next((r for r in records if r.revision == expected_revision), None)
        if at_revision is not None:
            opened = _field_values(form_class(instance=at_revision.instance, **form_kwargs))
    mine_label = _("Your entry") if mine is not None else _("When you opened it")
    if mine is None:
        mine = opened or theirs
    differences = []
    for name, field in theirs_form.fields.items():
        if isinstance(field.widget, forms.HiddenInput):
            continue
        my_value, their_value = mine.get(name), theirs.get(name)
        changed = None if opened is None else _comparable(opened[name]) != _comparable(their_value)
        if _comparable(my_value) != _comparable(their_value) or changed:
            differences.append(
                FieldDifference(
                    label=str(field.label or name),
                    theirs=_shown(field, their_value),
                    mine=_shown(field, my_value),
                    changed_by_them=changed,
                )
            )
    who, when = "", None
    if latest is not None:
        user = latest.history_user
        who = (user.get_full_name() or user.get_username()) if user else ""
        when = latest.history_date
    return StaleReport(
        who=who, when=when, differences=differences, reload_url=reload_url, mine_label=mine_label
    )


def rebound_on_current(
    form: forms.BaseForm,
    current: models.Model,
    *,
    form_class: type[forms.BaseForm],
    form_kwargs: dict[str, Any],
) -> forms.BaseForm:
    """The user's entries again, now against the stored version (saving them is a choice)."""
    data = form.data.copy()
    data["revision"] = str(current.revision)
    return form_class(data, instance=current, **form_kwargs)
