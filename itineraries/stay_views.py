"""Adding, editing and deleting a trip's accommodation: plain pages, posted and redirected."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from itineraries.editing import (
    add_validation_error,
    get_trip,
    posted_revision,
    trip_anchor_url,
)
from itineraries.models import Stay
from itineraries.stale import rebound_on_current, stale_report
from itineraries.stay_forms import StayForm
from itineraries.stay_services import stay_delete, stay_save
from planner.models import StaleEditError
from planner.permissions import editor_required

ANCHOR = "stays"


@method_decorator(editor_required, name="dispatch")
class StayFormView(FormView):
    """GET: the form. POST: save through ``stay_save``; a stale edit shows both versions."""

    template_name = "itineraries/stay_form.html"
    form_class = StayForm
    stale = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.trip = get_trip(kwargs["trip_pk"])
        self.stay = self.get_stay()

    def get_stay(self) -> Stay:
        return Stay(trip=self.trip)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.stay, "trip": self.trip}

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        return super().get_context_data(
            trip=self.trip,
            stay=self.stay,
            stale=self.stale,
            back_url=trip_anchor_url(self.trip, ANCHOR),
            form_title=self.title(),
            submit_label=_("Save my version anyway") if self.stale else _("Save"),
            **kwargs,
        )

    def title(self) -> str:
        return _("New accommodation")

    def form_valid(self, form: StayForm) -> HttpResponse:
        expected = form.expected_revision() if self.stay.pk else None
        try:
            saved = stay_save(
                stay=form.instance,
                venue_values=form.venue_values(),
                member_ids=form.member_ids(),
                expected_revision=expected,
            )
        except StaleEditError:
            current = Stay.objects.select_related("venue").get(pk=self.stay.pk)
            kwargs = {"trip": self.trip}
            self.stale = stale_report(
                current,
                form_class=StayForm,
                form_kwargs=kwargs,
                expected_revision=expected,
                reload_url=self.request.path,
                mine=form.cleaned_data,
            )
            form = rebound_on_current(form, current, form_class=StayForm, form_kwargs=kwargs)
            return self.render_to_response(self.get_context_data(form=form))
        except ValidationError as error:
            add_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(request=self.request, message=self.saved_message(saved))
        return HttpResponseRedirect(trip_anchor_url(self.trip, ANCHOR))

    def saved_message(self, stay: Stay) -> str:
        return _("Added the accommodation %(name)s.") % {"name": stay}


class StayCreateView(StayFormView):
    pass


class StayUpdateView(StayFormView):
    def get_stay(self) -> Stay:
        stays = Stay.objects.filter(trip=self.trip).select_related("venue")
        return get_object_or_404(stays, pk=self.kwargs["pk"])

    def title(self) -> str:
        return _("Edit the accommodation %(name)s") % {"name": self.stay}

    def saved_message(self, stay: Stay) -> str:
        return _("Saved the accommodation %(name)s.") % {"name": stay}


@method_decorator(editor_required, name="dispatch")
class StayDeleteView(TemplateView):
    """GET asks; POST deletes unless someone saved the stay since the question was shown."""

    template_name = "itineraries/stay_confirm_delete.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.trip = get_trip(kwargs["trip_pk"])
        stays = Stay.objects.filter(trip=self.trip).select_related("venue")
        self.stay = get_object_or_404(stays, pk=kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = {
            "trip": self.trip,
            "stay": self.stay,
            "revision": self.stay.revision,
            "back_url": trip_anchor_url(self.trip, ANCHOR),
        }
        return super().get_context_data(**{**context, **kwargs})

    def post(self, request, *args, **kwargs) -> HttpResponse:
        expected = posted_revision(request)
        try:
            stay_delete(stay=self.stay, expected_revision=expected)
        except StaleEditError as error:
            stale = stale_report(
                error.current,
                form_class=StayForm,
                form_kwargs={"trip": self.trip},
                expected_revision=expected,
                reload_url=request.path,
            )
            context = self.get_context_data(stale=stale, revision=error.current.revision)
            return self.render_to_response(context)
        messages.success(request, _("Deleted the accommodation %(name)s.") % {"name": self.stay})
        return HttpResponseRedirect(trip_anchor_url(self.trip, ANCHOR))
