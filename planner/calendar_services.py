"""Writes for calendar feeds and following: revoke, regenerate, follow/unfollow."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from planner.models import CalendarFeed


@transaction.atomic
def calendar_feed_create(*, feed: CalendarFeed) -> CalendarFeed:
    feed.full_clean()
    feed.save()
    return feed


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed) -> CalendarFeed:
    """The link stops working at once (404); the row is kept as a record."""
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


@transaction.atomic
def calendar_feed_regenerate(*, feed: CalendarFeed) -> CalendarFeed:
    """A new secret link for the same calendar; the old link is revoked."""
    calendar_feed_revoke(feed=feed)
    replacement = CalendarFeed(
        owner=feed.owner,
        scope=feed.scope,
        trip=feed.trip,
        forum=feed.forum,
        include_sessions=feed.include_sessions,
        label=feed.label,
    )
    replacement.full_clean()
    replacement.save()
    return replacement


@transaction.atomic
def follow_set(*, target: Any, user: Any, following: bool) -> None:
    """Follow or stop following a trip or forum (both have ``followers``); idempotent."""
    if following:
        target.followers.add(user)
    else:
        target.followers.remove(user)
