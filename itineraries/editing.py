"""What every trip edit view shares: one form partial, one "done" answer, stale-edit reports.

With htmx a form opens in an editor slot of the trip page and answers with a
partial of ``itineraries/trip_detail.html``; a finished change empties the slot,
shows a status line and announces ``tripChanged`` so the programme, the
conflicts panel and the other regions reload. Without JavaScript the same views
show a plain form page and redirect back to the trip page with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_htmx.http import trigger_client_event

from itineraries.models import Trip
from planner.listing import HtmxHttpRequest
from planner.models import StaleEditError, delete_if_current
from planner.templatetags.planner_time import korean_date

DETAIL = "itineraries/trip_detail.html"
FORM_PAGE = "itineraries/trip_form.html"
TRIP_CHANGED = "tripChanged"

# Service errors name model fields; the forms enter some of them as local date and time.
FIELD_ALIASES = {
    "starts_at": "start_time",
    "ends_at": "end_time",
    "departs_at": "departure_time",
    "arrives_at": "arrival_time",
}

PLAIN_INPUTS = {"checkbox", "radio", "hidden", "file"}


def get_trip(pk: int) -> Trip:
    return get_object_or_404(Trip.objects.select_related("organisation"), pk=pk)


def trip_anchor_url(trip: Trip, anchor: str = "") -> str:
    url = trip.get_absolute_url()
    return f"{url}#{anchor}" if anchor else url


def krds(form: forms.BaseForm) -> forms.BaseForm:
    """KRDS classes on the widgets (the shared forms leave styling to templates)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "krds-form-select")
        elif getattr(widget, "input_type", "") not in PLAIN_INPUTS:
            widget.attrs.setdefault("class", "krds-input")
    return form


def add_validation_error(
    form: forms.BaseForm, error: ValidationError, *, aliases: dict[str, str] | None = None
) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    names = {**FIELD_ALIASES, **(aliases or {})}
    for key, errors in error.error_dict.items():
        name = names.get(key, key)
        target = name if name in form.fields and key != NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)


def render_form(
    request: HtmxHttpRequest,
    trip: Trip,
    *,
    form: forms.BaseForm,
    title: str,
    action: str,
    anchor: str,
    submit_label: str = "",
    hint: str = "",
    stale: StaleReport | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The item form: a partial for htmx (errors included, status 200 so htmx swaps it)."""
    context = {
        "trip": trip,
        "form": krds(form),
        "form_title": title,
        "action": action,
        "anchor": anchor,
        "back_url": trip_anchor_url(trip, anchor),
        "submit_label": submit_label or _("Save"),
        "hint": hint,
        "stale": stale,
        "inline": bool(request.htmx),
        "partial": f"{DETAIL}#item-form",
        **(extra or {}),
    }
    return render(request, context["partial"] if request.htmx else FORM_PAGE, context)


def render_confirm(
    request: HtmxHttpRequest,
    trip: Trip,
    *,
    title: str,
    question: str,
    action: str,
    anchor: str,
    revision: int | None = None,
    button: str = "",
    stale: StaleReport | None = None,
) -> HttpResponse:
    """The confirmation step before a delete: a real form, no script."""
    context = {
        "trip": trip,
        "form_title": title,
        "question": question,
        "action": action,
        "anchor": anchor,
        "back_url": trip_anchor_url(trip, anchor),
        "revision": revision,
        "button": button or _("Delete"),
        "stale": stale,
        "inline": bool(request.htmx),
        "partial": f"{DETAIL}#confirm",
    }
    return render(request, context["partial"] if request.htmx else FORM_PAGE, context)


def done(request: HtmxHttpRequest, trip: Trip, message: str, anchor: str = "") -> HttpResponse:
    """A change went through: empty the slot and tell the page, or redirect back to it."""
    if request.htmx:
        response = render(request, f"{DETAIL}#saved", {"message": message, "trip": trip})
        return trigger_client_event(response, TRIP_CHANGED)
    messages.success(request, message)
    return redirect(trip_anchor_url(trip, anchor))


def refused(request: HtmxHttpRequest, trip: Trip, message: str, anchor: str = "") -> HttpResponse:
    """A change that cannot be made (e.g. a protected row): say why, change nothing."""
    if request.htmx:
        context = {"message": message, "error": True, "trip": trip}
        return render(request, f"{DETAIL}#saved", context)
    messages.error(request, message)
    return redirect(trip_anchor_url(trip, anchor))


def confirm_delete(
    request: HtmxHttpRequest,
    trip: Trip,
    item: models.Model,
    *,
    form_class: type[forms.BaseForm],
    edit_url: str,
    title: str,
    question: str,
    anchor: str,
    deleted: str,
    deleted_anchor: str,
    button: str = "",
) -> HttpResponse:
    """GET asks; POST deletes unless the row changed since it was opened (then it shows how)."""
    stale = None
    revision = item.revision
    if request.method == "POST":
        expected = posted_revision(request)
        try:
            delete_if_current(item, expected_revision=expected)
        except StaleEditError as error:
            revision = error.current.revision
            stale = stale_report(
                error.current,
                form_class=form_class,
                form_kwargs={"trip": trip},
                expected_revision=expected,
                reload_url=edit_url,
            )
        else:
            return done(request, trip, deleted, deleted_anchor)
    return render_confirm(
        request,
        trip,
        title=title,
        question=question,
        action=request.path,
        anchor=anchor,
        revision=revision,
        button=button,
        stale=stale,
    )


def posted_revision(request: HtmxHttpRequest) -> int:
    """The revision the page was opened at; a POST without one (or with garbage) gets 0,
    which no stored row has, so the change is refused as stale instead of unchecked."""
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return 0


# Stale edits ------------------------------------------------------------------


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


def save_item(
    request: HtmxHttpRequest,
    trip: Trip,
    *,
    form_class: type[forms.BaseModelForm],
    form_kwargs: dict[str, Any],
    instance: models.Model,
    save: Callable[[models.Model, int | None], models.Model],
    title: str,
    message: Callable[[models.Model], str],
    anchor: Callable[[models.Model | None], str],
    initial: dict[str, Any] | None = None,
    hint: str = "",
    aliases: dict[str, str] | None = None,
    field_order: tuple[str, ...] | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET: the form. POST: save through the service; rule errors go on the form's fields.

    A save based on an old revision is refused by the service: the form comes back
    with what the other person saved beside the user's entries, nothing overwritten.
    """
    form = form_class(request.POST or None, instance=instance, initial=initial, **form_kwargs)
    if field_order:
        form.order_fields(field_order)
    stale = None
    if request.method == "POST" and form.is_valid():
        expected = form.expected_revision() if instance.pk else None
        try:
            saved = save(form.instance, expected)
        except StaleEditError:
            current = type(instance).objects.get(pk=instance.pk)
            stale = stale_report(
                current,
                form_class=form_class,
                form_kwargs=form_kwargs,
                expected_revision=expected,
                reload_url=request.path,
                mine=form.cleaned_data,
            )
            form = rebound_on_current(form, current, form_class=form_class, form_kwargs=form_kwargs)
        except ValidationError as error:
            add_validation_error(form, error, aliases=aliases)
        else:
            return done(request, trip, message(saved), anchor(saved))
    return render_form(
        request,
        trip,
        form=form,
        title=title,
        action=request.path,
        anchor=anchor(instance if instance.pk else None),
        hint=hint,
        stale=stale,
        submit_label=_("Save my version anyway") if stale else "",
        extra=extra,
    )
