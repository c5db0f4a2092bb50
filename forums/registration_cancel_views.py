"""An attendee cancels their own registration from the link in the confirmation e-mail.

GET shows what will be cancelled and a button; only the POST cancels (a link
scanner or a prefetching mail client opening the link changes nothing).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from forums.attendees.services import attendee_self_cancel, registration_deadline
from forums.models import Attendee, Forum
from forums.registration_mail import attendee_for_token
from planner.listing import HtmxHttpRequest


@require_http_methods(["GET", "POST"])
def cancel(request: HtmxHttpRequest, forum_pk: int, token: str) -> HttpResponse:
    forum = get_object_or_404(Forum.objects.select_related("venue", "series"), pk=forum_pk)
    attendee = attendee_for_token(forum, token)
    starts = forum.starts_at or registration_deadline(forum)
    if attendee is None:
        state, status = "invalid", 404
    elif attendee.status == Attendee.Status.CANCELLED:
        state, status = "cancelled", 200
    elif timezone.now() >= starts:
        state, status = "too_late", 200
    elif request.method == "POST":
        attendee_self_cancel(attendee=attendee)
        state, status = "cancelled", 200
    else:
        state, status = "confirm", 200
    context = {
        "forum": forum,
        "attendee": attendee,
        "state": state,
        "contacts": list(forum.contacts.select_related("department", "person")),
    }
    return render(request, "forums/registration/cancel.html", context, status=status)
