"""Helpers shared by the attendee tests: a factory, users by role, sample files."""

from __future__ import annotations

import io
from pathlib import Path

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from forums.models import Attendee
from tests import factories as f

DATA = Path(__file__).parent / "data"


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    forum = factory.SubFactory(f.ForumFactory)
    name = factory.Sequence(lambda n: f"참석자{n:04d}")
    organisation_name = "행정안전부"
    position = "사무관"
    email = factory.Sequence(lambda n: f"person{n}@korea.kr")
    phone = factory.Sequence(lambda n: f"010-1000-{n % 10000:04d}")
    category = Attendee.Category.CENTRAL


def user_in(group: str | None, **kwargs):
    """A login in the "viewer" or "editor" group; None: logged in, no group, not staff."""
    # "!" is an unusable password: tests log in with force_login, no slow hashing.
    user = f.UserFactory(is_staff=False, password="!", **kwargs)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def data_file(name: str) -> bytes:
    return (DATA / name).read_bytes()


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def people(attendees) -> set[tuple[str, ...]]:
    """What makes the same people: name, organisation, position, contact, category."""
    return {
        (a.name, a.organisation_name, a.position, a.email, a.phone, a.category) for a in attendees
    }
