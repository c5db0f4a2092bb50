"""A trip's engagements and the people in them, edited inline on the trip page.

Every view works as htmx (a partial of the trip page with the changed regions)
and as a plain form page with POST and redirect. Editors only.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from itineraries import services
from itineraries.crud import TripItemViews
from itineraries.editing import add_validation_error, done, render_confirm, render_form
from itineraries.forms import EngagementForm, EngagementPersonForm
from itineraries.models import Engagement, EngagementPerson, Trip
from planner.listing import HtmxHttpRequest
from planner.params import query_day
from planner.permissions import editor_required

ENGAGEMENT_HINT = gettext_lazy(
    "Enter the date and times in the local time of the venue (or of the stop when there is "
    "no venue). Leave the start empty while the time is not confirmed: it shows as “Time TBD”."
)


class EngagementViews(TripItemViews):
    model = Engagement
    form_class = EngagementForm
    name, path, id_prefix = "engagement", "engagements", "e"
    regions = ("conflicts", "programme", "counterparts", "forums")
    related = ("stop", "venue", "host", "forum")
    label_key = "title"
    what = "“%(title)s”"
    # Date and times together, then where; the form's own order puts the times last.
    field_order = (
        "stop",
        "kind",
        "status",
        "title_ko",
        "title_en",
        "date",
        "start_time",
        "end_time",
        "start_fold",
        "end_fold",
        "date_note",
        "venue",
        "room",
        "join_url",
        "objectives",
        "notes",
    )
    add_title = gettext_lazy("New engagement")
    delete_title = gettext_lazy("Delete an engagement")
    delete_question = gettext_lazy(
        "Delete “%(title)s” and its participant lines? Its history is kept. "
        "To keep it on the programme as called off, cancel it instead."
    )
    delete_again = gettext_lazy("Delete “%(title)s” all the same? Its history is kept.")

    def save(self, item: Engagement, expected_revision: int | None) -> Engagement:
        return services.engagement_save(engagement=item, expected_revision=expected_revision)

    def delete(self, item: Engagement, expected_revision: int | None) -> None:
        services.engagement_delete(engagement=item, expected_revision=expected_revision)

    def cancel(self, item: Engagement, expected_revision: int | None) -> None:
        services.engagement_cancel(engagement=item, expected_revision=expected_revision)

    def label(self, item: Engagement) -> str:
        return item.title_ko

    def anchor(self, item: Engagement | None) -> str:
        return f"engagement-{item.pk}" if item and item.pk else "programme"

    def hint_for(self, item: Engagement) -> str:
        if not item.pk:
            return str(ENGAGEMENT_HINT)
        label = _("time zone")
        return f"{ENGAGEMENT_HINT} ({label}: {item.timezone_name})"

    def new_item(self, request: HtmxHttpRequest, trip: Trip) -> tuple:
        """A day's "add" link passes its date and stop; the form slot is that day's."""
        initial = {}
        day = query_day(request.GET.get("date"), name="date") if request.method == "GET" else None
        if day:
            initial["date"] = day
        stop_id = request.GET.get("stop", "")
        if stop_id.isdigit() and trip.stops.filter(pk=stop_id).exists():
            initial["stop"] = int(stop_id)
        anchor = f"day-{day.isoformat()}" if day else "programme"
        # The editor slot the form opened in (its ids are derived from it): a plain element id.
        raw = request.GET.get("slot", "") or request.POST.get("slot", "")
        slot = re.sub(r"[^\w-]", "", raw)[:60]
        return Engagement(trip=trip), initial, anchor, {"slot": slot}

    def mark_cancelled(self, request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
        """Cancelled items stay on the programme (struck through) and in calendar feeds.

        GET asks first (a real form, no script); only the POST cancels.
        """
        trip, engagement = self.get_trip_and_item(trip_pk, pk)
        return self.confirm_response(
            request,
            trip,
            engagement,
            act=self.cancel,
            title=_("Cancel an engagement"),
            question=gettext_lazy(
                "Mark “%(title)s” as cancelled? It stays on the programme, struck through, "
                "and calendars show it as cancelled."
            ),
            again=gettext_lazy("Mark “%(title)s” as cancelled all the same?"),
            button=_("Mark as cancelled"),
            finished=gettext_lazy("“%(title)s” is marked as cancelled."),
            finished_anchor=f"engagement-{pk}",
        )

    @classmethod
    def urls(cls) -> list:
        views = cls()
        cancel = require_http_methods(["GET", "POST"])(editor_required(views.mark_cancelled))
        item = f"<int:trip_pk>/{cls.path}/<int:pk>"
        return [
            *super().urls(),
            path(f"{item}/cancel/", cancel, name="engagement_cancel"),
        ]


def _trip_and_engagement(trip_pk: int, pk: int) -> tuple[Trip, Engagement]:
    return EngagementViews().get_trip_and_item(trip_pk, pk)


@require_POST
@editor_required
def engagement_move(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    """Up/down among the day's items without a time (timed items keep clock order)."""
    trip, engagement = _trip_and_engagement(trip_pk, pk)
    direction = -1 if request.POST.get("direction") == "up" else 1
    services.engagement_move_untimed(engagement=engagement, direction=direction)
    message = _("Moved “%(title)s”.") % {"title": engagement.title_ko}
    return done(request, trip, message, f"engagement-{pk}", regions=("programme",))


# People in an engagement ------------------------------------------------------


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_person_add(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip, engagement = _trip_and_engagement(trip_pk, pk)
    line = EngagementPerson(engagement=engagement)
    form = EngagementPersonForm(request.POST or None, instance=line, auto_id=f"e{pk}-p-%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.engagement_person_add(line=form.instance)
        except ValidationError as error:
            # A double booking is about the person chosen here.
            add_validation_error(form, error, aliases={"starts_at": "person"})
        else:
            message = _("Added %(who)s to “%(title)s”.") % {
                "who": form.instance.display_name or form.instance.get_role_display(),
                "title": engagement.title_ko,
            }
            return done(request, trip, message, f"engagement-{pk}", regions=PEOPLE_REGIONS)
    return render_form(
        request,
        trip,
        form=form,
        title=_("Add a participant to “%(title)s”") % {"title": engagement.title_ko},
        action=request.path,
        anchor=f"engagement-{pk}",
        submit_label=_("Add"),
        hint=_(
            "A role without a name is fine: choose the organisation and write the title "
            "as printed, e.g. “NIA 부원장”."
        ),
    )


# Who is in a meeting shows in its row, the counterparts met and the double bookings.
PEOPLE_REGIONS = ("conflicts", "programme", "counterparts")


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_person_remove(
    request: HtmxHttpRequest, trip_pk: int, pk: int, line_pk: int
) -> HttpResponse:
    trip, engagement = _trip_and_engagement(trip_pk, pk)
    line = get_object_or_404(
        EngagementPerson.objects.filter(engagement=engagement).select_related(
            "person", "organisation"
        ),
        pk=line_pk,
    )
    names = {"who": line.display_name or line.get_role_display(), "title": engagement.title_ko}
    if request.method == "POST":
        services.engagement_person_remove(line=line)
        message = _("Removed %(who)s from “%(title)s”.") % names
        return done(request, trip, message, f"engagement-{pk}", regions=PEOPLE_REGIONS)
    return render_confirm(
        request,
        trip,
        title=_("Remove a participant"),
        question=_("Remove %(who)s from “%(title)s”?") % names,
        action=request.path,
        anchor=f"engagement-{pk}",
        button=_("Remove"),
    )
