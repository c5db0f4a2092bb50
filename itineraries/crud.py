"""Add, edit and delete for one kind of trip item, declared by a few attributes.

Not Neapolitan's ``CRUDView``: its views are a model's own list, detail and form
pages saved with ``ModelForm.save()``. Ours open inside the trip page, need the
trip in every form, save through a service that refuses stale revisions, put
rule errors back on the form's fields and answer htmx with the regions that
changed; most of ``CRUDView`` would be overridden. This class is that flow once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ProtectedError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from itineraries import services
from itineraries.editing import (
    add_validation_error,
    done,
    get_trip,
    posted_revision,
    refused,
    render_confirm,
    render_form,
)
from itineraries.models import Trip
from itineraries.models.trip_queries import SUMMARY_RELATED
from itineraries.stale import rebound_on_current, stale_report
from planner.listing import HtmxHttpRequest
from planner.models import StaleEditError
from planner.permissions import editor_required

Message = str | Promise  # a (lazy) message with one ``%(<label_key>)s`` placeholder, or none


def _view(method: Callable) -> Callable:
    return require_http_methods(["GET", "POST"])(editor_required(method))


class TripItemViews:
    """The add, edit and delete views of one kind of trip item (stops, travel, …)."""

    model: ClassVar[type[models.Model]]
    form_class: ClassVar[type[forms.BaseModelForm]]
    name: ClassVar[str]  # URL names ``<name>_add``, ``<name>_edit``, ``<name>_delete``
    path: ClassVar[str]  # the URL segment under the trip
    id_prefix: ClassVar[str]  # form ids: ``<id_prefix><pk>-<field>``
    regions: ClassVar[tuple[str, ...]]  # the trip page's regions a change touches
    related: ClassVar[tuple[str, ...]] = ()
    field_order: ClassVar[tuple[str, ...] | None] = None
    aliases: ClassVar[dict[str, str] | None] = None  # service error key → form field
    label_key: ClassVar[str] = "item"
    # How the shared messages below name an item (``%(what)s``): its label, with the kind's
    # noun where the sentence needs one ("이동 구간 %(segment)s"). A kind words its own
    # message where the shared one does not fit.
    what: ClassVar[Message] = ""
    hint: ClassVar[Message] = ""  # shown above the form; else the form class's own ``hint``

    add_title: ClassVar[Message]
    edit_title: ClassVar[Message] = gettext_lazy("Edit %(what)s")
    added: ClassVar[Message] = gettext_lazy("Added %(what)s.")
    saved: ClassVar[Message] = gettext_lazy("Saved %(what)s.")
    delete_title: ClassVar[Message]
    delete_question: ClassVar[Message] = gettext_lazy("Delete %(what)s? Its history is kept.")
    delete_again: ClassVar[Message | None] = None  # asked after a stale delete
    deleted: ClassVar[Message] = gettext_lazy("Deleted %(what)s.")
    delete_button: ClassVar[Message] = ""

    # What differs between kinds ------------------------------------------------------------

    def save(self, item: Any, expected_revision: int | None) -> Any:
        raise NotImplementedError

    def delete(self, item: Any, expected_revision: int | None) -> None:
        services.item_delete(item=item, expected_revision=expected_revision)

    def label(self, item: Any) -> str:
        return str(item)

    def anchor(self, item: Any | None) -> str:
        return self.path

    def deleted_anchor(self, item: Any) -> str:
        return self.anchor(None)

    def hint_for(self, item: Any) -> str:
        return str(self.hint or getattr(self.form_class, "hint", ""))

    def refusal(self, item: Any) -> str:
        """Why this item cannot be deleted (empty: it can)."""
        return ""

    def form_kwargs(self, trip: Trip) -> dict[str, Any]:
        return {"trip": trip}

    def new_item(self, request: HtmxHttpRequest, trip: Trip) -> tuple[Any, dict, str, dict]:
        """A new item, its initial values, the form's anchor and extra template context."""
        return self.model(trip=trip), {}, self.anchor(None), {}

    def get_trip_and_item(self, trip_pk: int, pk: int) -> tuple[Trip, Any]:
        """The item and its trip (as ``get_trip`` reads it) in one query."""
        trip_related = (f"trip__{name}" for name in SUMMARY_RELATED)
        queryset = self.model.objects.filter(trip_id=trip_pk)
        item = get_object_or_404(queryset.select_related(*trip_related, *self.related), pk=pk)
        return item.trip, item

    # Views ---------------------------------------------------------------------------------

    def add(self, request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
        trip = get_trip(trip_pk)
        item, initial, anchor, extra = self.new_item(request, trip)
        slot = extra.get("slot") or self.name
        return self.form_response(
            request,
            trip,
            item,
            title=str(self.add_title),
            message=self.added,
            anchor=anchor,
            auto_id=f"new-{slot}-%s",
            initial=initial,
            extra=extra,
        )

    def edit(self, request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
        trip, item = self.get_trip_and_item(trip_pk, pk)
        return self.edit_response(request, trip, item)

    def edit_response(
        self, request: HtmxHttpRequest, trip: Trip, item: Any, *, auto_id: str = ""
    ) -> HttpResponse:
        return self.form_response(
            request,
            trip,
            item,
            title=self.said(self.edit_title, item),
            message=self.saved,
            anchor=self.anchor(item),
            auto_id=auto_id or f"{self.id_prefix}{item.pk}-%s",
            initial=self.initial(item),
        )

    def initial(self, item: Any) -> dict:
        """Initial values of the edit form beyond the item's own."""
        return {}

    def remove(self, request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
        trip, item = self.get_trip_and_item(trip_pk, pk)
        if request.method == "GET" and (refusal := self.refusal(item)):
            return refused(request, trip, refusal, self.anchor(item))
        return self.confirm_response(
            request,
            trip,
            item,
            act=self.delete,
            title=str(self.delete_title),
            question=self.delete_question,
            again=self.delete_again or self.delete_question,
            button=str(self.delete_button),
            finished=self.deleted,
            finished_anchor=self.deleted_anchor(item),
        )

    # The two flows -------------------------------------------------------------------------

    def said(self, message: Message, item: Any) -> str:
        names = {self.label_key: self.label(item)}
        what = str(self.what) % names if self.what else names[self.label_key]
        return str(message) % {**names, "what": what}

    def form_response(
        self,
        request: HtmxHttpRequest,
        trip: Trip,
        item: Any,
        *,
        title: str,
        message: Message,
        anchor: str,
        auto_id: str,
        initial: dict | None = None,
        extra: dict | None = None,
    ) -> HttpResponse:
        """GET: the form. POST: save through the service; rule errors go on the fields.

        A save based on an old revision is refused by the service: the form comes back
        with what the other person saved beside the user's entries, nothing overwritten.
        """
        kwargs = {**self.form_kwargs(trip), "auto_id": auto_id}
        form = self.form_class(request.POST or None, instance=item, initial=initial, **kwargs)
        stale = None
        if request.method == "POST" and form.is_valid():
            expected = form.expected_revision() if item.pk else None
            try:
                saved = self.save(form.instance, expected)
            except StaleEditError as error:
                stale = stale_report(
                    error.current,
                    form_class=self.form_class,
                    form_kwargs=kwargs,
                    expected_revision=expected,
                    reload_url=request.path,
                    mine=form.cleaned_data,
                )
                form = rebound_on_current(
                    form, error.current, form_class=self.form_class, form_kwargs=kwargs
                )
            except ValidationError as error:
                add_validation_error(form, error, aliases=self.aliases)
            else:
                said = self.said(message, saved)
                return done(request, trip, said, self.anchor(saved), regions=self.regions)
        if self.field_order:
            form.order_fields(self.field_order)
        return render_form(
            request,
            trip,
            form=form,
            title=title,
            action=request.path,
            anchor=anchor,
            hint=self.hint_for(item),
            stale=stale,
            submit_label=_("Save my version anyway") if stale else "",
            extra=extra,
        )

    def confirm_response(
        self,
        request: HtmxHttpRequest,
        trip: Trip,
        item: Any,
        *,
        act: Callable[[Any, int | None], object],
        title: str,
        question: Message,
        again: Message,
        button: str,
        finished: Message,
        finished_anchor: str,
    ) -> HttpResponse:
        """GET asks; POST acts unless the row changed since it was opened (then it shows how)."""
        stale = None
        if request.method == "POST":
            expected = posted_revision(request)
            try:
                act(item, expected)
            except StaleEditError as error:
                item, question = error.current, again
                stale = stale_report(
                    item,
                    form_class=self.form_class,
                    form_kwargs=self.form_kwargs(trip),
                    expected_revision=expected,
                    reload_url=reverse(f"itineraries:{self.name}_edit", args=[trip.pk, item.pk]),
                )
            except ProtectedError:
                return refused(request, trip, self.refusal(item), self.anchor(item))
            else:
                said = self.said(finished, item)
                return done(request, trip, said, finished_anchor, regions=self.regions)
        return render_confirm(
            request,
            trip,
            title=title,
            question=self.said(question, item),
            action=request.path,
            anchor=self.anchor(item),
            revision=item.revision,
            button=button,
            stale=stale,
        )

    # URLs ----------------------------------------------------------------------------------

    @classmethod
    def urls(cls) -> list[URLPattern]:
        views = cls()
        item = f"<int:trip_pk>/{cls.path}/<int:pk>"
        return [
            path(f"<int:trip_pk>/{cls.path}/add/", _view(views.add), name=f"{cls.name}_add"),
            path(f"{item}/edit/", _view(views.edit), name=f"{cls.name}_edit"),
            path(f"{item}/delete/", _view(views.remove), name=f"{cls.name}_delete"),
        ]
