"""Deferred work of the forums app, run by the task worker (``manage.py db_worker``).

Arguments are JSON (ids and strings): the worker reads the rows again when it runs.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django_tasks import task

from forums.models import Attendee
from forums.registration_mail import registration_confirmation_send


@task()
def registration_confirmation(attendee_pk: int, base_url: str) -> bool:
    """Send the confirmation of a public registration, links made absolute on ``base_url``."""
    attendee = Attendee.objects.select_related("forum").filter(pk=attendee_pk).first()
    if attendee is None:
        return False  # cancelled and removed before the worker got to it
    return registration_confirmation_send(
        attendee=attendee, absolute=lambda path: urljoin(base_url, path)
    )
