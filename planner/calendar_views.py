"""Calendar pages: personal feeds (manage and serve), the month/week view, following.

The feed itself (``/calendar/feed/<token>.ics``) is the one public URL here: the
secret token is the credential, so it needs no login and answers 404 once revoked.
"""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)
from django_htmx.http import trigger_client_event

from planner import calendar_registry as registry
from planner import calendar_selectors as selectors
from planner.calendar_forms import CalendarFeedForm
from planner.calendar_services import (
    calendar_feed_create,
    calendar_feed_regenerate,
    calendar_feed_revoke,
    follow_set,
)
from planner.calendar_validators import validator
from planner.ical import CalendarHead, item_uid
from planner.ical_responses import calendar_response, not_modified
from planner.listing import HtmxHttpRequest
from planner.models import CalendarFeed
from planner.params import query_day, query_month

FEED_REFRESH = timedelta(hours=1)
# Sunday first, as Korean wall calendars print it.
WEEK_STARTS = pycalendar.SUNDAY


# Feeds: manage ---------------------------------------------------------------------------


def feed_urls(request: HtmxHttpRequest, feed: CalendarFeed) -> dict[str, str]:
    https = request.build_absolute_uri(feed.get_absolute_url())
    webcal = "webcal://" + https.split("://", 1)[1]
    return {"https": https, "webcal": webcal}


def _feeds_context(request: HtmxHttpRequest, form: CalendarFeedForm | None = None) -> dict:
    feeds = list(CalendarFeed.objects.for_management(request.user))
    for feed in feeds:
        feed.urls = feed_urls(request, feed)
    if form is None:
        initial = {"scope": request.GET.get("scope") or CalendarFeed.Scope.MINE}
        for name in ("trip", "forum"):
            if request.GET.get(name, "").isdigit():
                initial[name] = int(request.GET[name])
        form = CalendarFeedForm(owner=request.user, initial=initial)
    return {"feeds": feeds, "form": form, "new_feed": request.GET.get("new", "")}


@require_http_methods(["GET", "POST"])
@login_required
def feed_list(request: HtmxHttpRequest) -> HttpResponse:
    form = None
    if request.method == "POST":
        form = CalendarFeedForm(request.POST, owner=request.user)
        if form.is_valid():
            feed = calendar_feed_create(feed=form.instance)
            messages.success(
                request, _("Your calendar link is ready. Add it to your calendar app.")
            )
            return redirect(f"{reverse('calendar:feeds')}?new={feed.pk}#feed-{feed.pk}")
    return render(request, "planner/calendar_feeds.html", _feeds_context(request, form))


def _own_active_feed(request: HtmxHttpRequest, pk: int) -> CalendarFeed:
    return get_object_or_404(
        CalendarFeed.objects.owned_by(request.user).filter(revoked_at__isnull=True), pk=pk
    )


def _after_feed_change(request: HtmxHttpRequest, message: str) -> HttpResponse:
    if request.htmx:
        response = render(request, "planner/calendar_feeds.html#feed-list", _feeds_context(request))
        return trigger_client_event(response, "feedsChanged", {"message": message})
    messages.success(request, message)
    return redirect("calendar:feeds")


@require_POST
@login_required
def feed_revoke(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    calendar_feed_revoke(feed=_own_active_feed(request, pk))
    return _after_feed_change(request, _("The link was revoked; calendars using it stop updating."))


@require_POST
@login_required
def feed_regenerate(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    calendar_feed_regenerate(feed=_own_active_feed(request, pk))
    return _after_feed_change(
        request, _("A new link was made; the old one no longer works. Update your calendar app.")
    )


# Feeds: serve ----------------------------------------------------------------------------


@require_safe
def feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    subscription = selectors.active_feed(token)
    if subscription is None:
        raise Http404(_("No such calendar link, or it was revoked."))
    scope = selectors.feed_scope(subscription)
    max_age = int(FEED_REFRESH.total_seconds() // 4)
    # Answered before anything is loaded or built: most polls find nothing new.
    etag = validator(request, "feed", subscription.pk, subscription.scope, scope.state().values)
    response = not_modified(request, etag, max_age=max_age)
    if response is None:
        response = _feed_calendar(request, subscription, scope, etag, max_age)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _feed_calendar(request, subscription, scope, etag: str, max_age: int) -> HttpResponse:
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Planner: %(subject)s") % {"subject": subscription.subject}
        head = CalendarHead(
            name=name,
            uid=item_uid("feed", subscription.pk),
            description=_("Trips and forums from the delegation and event planner."),
            url=request.build_absolute_uri(reverse("calendar:month")),
            refresh=FEED_REFRESH,
        )
        return calendar_response(
            request,
            selectors.export_text(request, scope, head),
            title=name,
            fallback_name=f"planner-feed-{subscription.pk}",
            max_age=max_age,
            etag=etag,
        )


# The month and week view -----------------------------------------------------------------


def _week_start(day: date) -> date:
    return day - timedelta(days=(day.weekday() - WEEK_STARTS) % 7)


def _render_calendar(request: HtmxHttpRequest, template: str, context: dict) -> HttpResponse:
    context["weekday_names"] = [
        _("Sun"),
        _("Mon"),
        _("Tue"),
        _("Wed"),
        _("Thu"),
        _("Fri"),
        _("Sat"),
    ]
    context["today"] = timezone.localdate()
    name = f"{template}#calendar-region" if request.htmx else template
    return render(request, name, context)


@require_GET
@login_required
def month(request: HtmxHttpRequest) -> HttpResponse:
    first_of_month = query_month(request.GET.get("month")) or timezone.localdate().replace(day=1)
    days_in_month = pycalendar.monthrange(first_of_month.year, first_of_month.month)[1]
    last_of_month = first_of_month.replace(day=days_in_month)
    first = _week_start(first_of_month)
    last = _week_start(last_of_month) + timedelta(days=6)
    page = selectors.calendar_page(request.user, first, last, month=first_of_month.month)
    previous_month = (first_of_month - timedelta(days=1)).replace(day=1)
    next_month = last_of_month + timedelta(days=1)
    context = {
        "page": page,
        "view": "month",
        "period": first_of_month,
        "previous": f"?month={previous_month:%Y-%m}",
        "next": f"?month={next_month:%Y-%m}",
    }
    return _render_calendar(request, "planner/calendar_month.html", context)


@require_GET
@login_required
def week(request: HtmxHttpRequest) -> HttpResponse:
    first = _week_start(query_day(request.GET.get("start"), name="start") or timezone.localdate())
    last = first + timedelta(days=6)
    page = selectors.calendar_page(request.user, first, last)
    context = {
        "page": page,
        "view": "week",
        "period": first,
        "period_end": last,
        "previous": f"?start={first - timedelta(days=7):%Y-%m-%d}",
        "next": f"?start={first + timedelta(days=7):%Y-%m-%d}",
    }
    return _render_calendar(request, "planner/calendar_week.html", context)


# Following a trip or forum ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def follow(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in {parent.key for parent in registry.parents()}:
        raise Http404
    target = get_object_or_404(registry.parent(kind).objects(), pk=pk)
    if request.method == "POST":
        following = request.POST.get("action") == "follow"
        follow_set(target=target, user=request.user, following=following)
        if not request.htmx:
            messages.success(
                request,
                _("You follow this now: it is in your calendar and your feed.")
                if following
                else _("You no longer follow this."),
            )
            target_url = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(
                target_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                target_url = target.get_absolute_url()
            return HttpResponseRedirect(target_url)
    context = {
        "target": target,
        "kind": kind,
        "following": target.followers.filter(pk=request.user.pk).exists(),
        "next": target.get_absolute_url(),
    }
    template = "planner/calendar_follow.html"
    response = render(request, f"{template}#follow-panel" if request.htmx else template, context)
    if request.htmx and request.method == "POST":
        trigger_client_event(response, "followChanged")
    return response
