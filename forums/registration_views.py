"""The public registration form of a forum (no login) and its confirmation page.

Protection: a one-time signed form token (a second submission of the same form
is recognised), one registration per e-mail and forum, a honeypot field and a
per-IP rate limit kept in Django's cache. Public pages show only the forum and
the visitor's own result, never anyone else's data.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from forums.agenda.selectors import public_forums
from forums.attendees.forms import TOKEN_MAX_AGE, RegistrationForm, make_form_token
from forums.attendees.services import (
    AlreadyRegistered,
    attendee_register,
    is_full,
    privacy_notice,
    registration_is_open,
)
from forums.models import Attendee, Forum
from forums.tasks import registration_confirmation
from planner.client_address import client_address
from planner.listing import HtmxHttpRequest

TEMPLATES = "forums/registration"
DONE_KEY = "forum-registration-done"


def rate_limit() -> tuple[int, int]:
    """(attempts, seconds) per IP address; settings.REGISTRATION_RATE_LIMIT overrides."""
    return getattr(settings, "REGISTRATION_RATE_LIMIT", (10, 600))


def _over_rate_limit(request: HtmxHttpRequest) -> bool:
    attempts, seconds = rate_limit()
    key = f"forum-registration-rate:{client_address(request) or 'unknown'}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count > attempts


def _claim_token(nonce: str) -> bool:
    """Spend the one-time token; False when it was spent already. ``cache.add`` is one
    atomic step in a shared cache (Redis SET NX), so two simultaneous submissions of
    the same form cannot both claim it, whichever worker each reaches."""
    return cache.add(f"forum-registration-token:{nonce}", 1, timeout=TOKEN_MAX_AGE)


def _page(request: HtmxHttpRequest, forum: Forum, form: RegistrationForm, status: int = 200):
    context = {
        "forum": forum,
        "form": form,
        "notice": privacy_notice(forum),
        "full": is_full(forum),
    }
    return render(request, f"{TEMPLATES}/register.html", context, status=status)


@require_http_methods(["GET", "POST"])
def register(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    # Unannounced forums do not exist for the public (ids are sequential).
    forum = get_object_or_404(public_forums(), pk=forum_pk)
    if not registration_is_open(forum):
        return render(request, f"{TEMPLATES}/closed.html", {"forum": forum})
    if request.method == "GET":
        return _page(request, forum, RegistrationForm(forum=forum))

    if _over_rate_limit(request):
        return render(request, f"{TEMPLATES}/too_many.html", {"forum": forum}, status=429)
    form = RegistrationForm(request.POST, forum=forum)
    if form.is_bot:
        # Look like success to the bot; nothing is saved.
        return redirect("registration:done", forum_pk=forum.pk)
    nonce = form.token_nonce()
    if not form.is_valid():
        return _page(request, forum, _fresh_token(form, forum), status=400)
    if nonce is None or not _claim_token(nonce):
        already = Attendee.objects.filter(forum=forum, email=form.cleaned_data["email"]).exists()
        if already:
            form.add_error(None, _already_message())
        else:
            form.add_error(None, _("The form had expired. Check your answers and send it again."))
        return _page(request, forum, _fresh_token(form, forum), status=400)
    try:
        attendee = attendee_register(
            forum=forum,
            source=Attendee.Source.PUBLIC_FORM,
            consent_at=timezone.now(),
            **form.attendee_values(),
        )
    except AlreadyRegistered:
        form.add_error("email", _already_message())
        return _page(request, forum, _fresh_token(form, forum), status=400)
    # The e-mail is deferred work: the worker sends it (at once in development).
    registration_confirmation.enqueue(attendee.pk, request.build_absolute_uri("/"))
    done = request.session.get(DONE_KEY, {})
    done[str(forum.pk)] = {"status": attendee.status, "name": attendee.name}
    request.session[DONE_KEY] = done
    return redirect("registration:done", forum_pk=forum.pk)


def _already_message() -> str:
    return _(
        "You are already registered for this forum with this e-mail address. "
        "To change or cancel your registration, contact the organisers."
    )


def _fresh_token(form: RegistrationForm, forum: Forum) -> RegistrationForm:
    """Re-show the form, errors kept, with a new one-time token (the old one may be spent)."""
    form.data = form.data.copy()
    form.data["token"] = make_form_token(forum)
    form.data["website"] = ""
    return form


@require_GET
def done(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    # Unannounced forums do not exist for the public (ids are sequential).
    forum = get_object_or_404(public_forums(), pk=forum_pk)
    result = request.session.get(DONE_KEY, {}).get(str(forum.pk))
    context = {
        "forum": forum,
        "result": result,
        "waitlisted": bool(result and result["status"] == Attendee.Status.WAITLISTED),
        "contacts": list(forum.contacts.select_related("department", "person")),
    }
    return render(request, f"{TEMPLATES}/done.html", context)
