"""The confirmation e-mail of a public registration: the event's .ics and a cancel link.

The cancel link carries a signed token (``django.core.signing``), so no table
of links is kept: it names the attendee and their e-mail address, and stops
working if either changes. Mail goes through Django's e-mail framework (console
or file backend in development, SMTP configured from the environment in
production; see settings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from forums.calendar import forum_entries, forums_for_calendar
from forums.models import Attendee, Forum
from planner.ical import build_calendar, item_uid
from planner.language import localized

logger = logging.getLogger(__name__)
CANCEL_SALT = "forums.registration.cancel"


def cancel_token(attendee: Attendee) -> str:
    return signing.dumps({"a": attendee.pk, "e": attendee.email}, salt=CANCEL_SALT, compress=True)


def attendee_for_token(forum: Forum, token: str) -> Attendee | None:
    """The attendee a cancel token names, if it is genuine and still matches."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    attendee = Attendee.objects.filter(forum=forum, pk=data.get("a")).first()
    if attendee is None or attendee.email != data.get("e"):
        return None
    return attendee


def forum_ics_bytes(forum: Forum, absolute: Callable[[str], str]) -> bytes:
    """The forum as one calendar event, linking to its public agenda."""
    forum = forums_for_calendar(with_sessions=False).get(pk=forum.pk)
    staff_path, public_path = forum.get_absolute_url(), reverse("public:forum", args=[forum.pk])

    def public(path: str) -> str:  # the attendee cannot open the staff page
        return absolute(public_path if path == staff_path else path)

    calendar = build_calendar(
        forum_entries(forum, public, with_sessions=False),
        name=localized(forum, "title"),
        uid=item_uid("calendar-forum", forum.pk),
        url=public(public_path),
    )
    return calendar.to_ical()


def registration_confirmation_send(*, attendee: Attendee, absolute: Callable[[str], str]) -> bool:
    """Send the confirmation; False (and logged) when the mail server refuses it."""
    if not attendee.email:
        return False
    forum = attendee.forum
    context = {
        "attendee": attendee,
        "forum": forum,
        "waitlisted": attendee.status == Attendee.Status.WAITLISTED,
        "agenda_url": absolute(reverse("public:forum", args=[forum.pk])),
        "cancel_url": absolute(
            reverse("registration:cancel", args=[forum.pk, cancel_token(attendee)])
        ),
        "contacts": list(forum.contacts.select_related("department", "person")),
    }
    message = EmailMessage(
        subject=_("Registration received: %(title)s") % {"title": localized(forum, "title")},
        body=render_to_string("forums/registration/confirmation_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[attendee.email],
    )
    message.attach(f"forum-{forum.pk}.ics", forum_ics_bytes(forum, absolute), "text/calendar")
    try:
        message.send()
    except OSError:  # SMTP down or refusing: the registration itself stands
        logger.exception(
            "Could not send the registration confirmation for attendee %s", attendee.pk
        )
        return False
    return True
