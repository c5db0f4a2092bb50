"""One truth for a row's time: stored ``starts_at``, written only by the agenda services.

After an edit in the editor and after one in the admin, the second row shows the same
start on the forum page, the editor, the print view, the PDF, the public page (with a
version issued) and its .ics; the time it had before is gone from all of them. A form
opened before an admin save is refused, and so is an admin form opened before a save
in the editor. After every kind of edit the stored times are the cascade's.
"""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from forums.agenda import services
from forums.agenda.rows import forum_timing
from forums.models import Session
from tests import factories as f
from tests.forums.agenda_helpers import table_post, user_in
from tests.ical_support import unfold
from tests.test_admin_revisions import STALE, change_url, form_data

pytestmark = pytest.mark.django_db

STALE_ROW = "이 행을 연 뒤에 다른 사용자가 먼저 저장했습니다."


@pytest.fixture
def forum():
    forum = f.ForumFactory(status="announced")  # 15:00 Seoul; public
    for title, minutes in (("개회사", 10), ("기조연설", 20), ("토론", 30)):
        services.session_create(forum=forum, title_ko=title, minutes=minutes)
    return forum


@pytest.fixture
def editor(client):
    client.force_login(user_in("editor", "one.time.editor"))
    return client


@pytest.fixture
def admin(client):
    return f.UserFactory(username="one.time.root", is_superuser=True, is_staff=True)


def rows(forum) -> list[Session]:
    return list(Session.objects.filter(forum=forum).order_by("order", "pk"))


def assert_stored_times_are_the_cascade(forum) -> None:
    sessions = rows(forum)
    timing = forum_timing(forum, sessions)
    stored = [(s.starts_at, s.ends_at) for s in sessions]
    cascade = [(slot.starts_at, slot.ends_at) if slot else (None, None) for slot in timing.slots]
    assert stored == cascade


def pdf_text(content: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


def outputs(client, forum, session) -> dict[str, str]:
    """The text of every place a row's time is shown, as its readers get it."""

    def page(name, *args):
        response = client.get(reverse(name, args=[forum.pk, *args]))
        assert response.status_code == 200, name
        return response.content.decode()

    services.agenda_issue_version(forum=forum, note="시각 확인")
    pdf = client.get(reverse("forums:agenda:pdf", args=[forum.pk]))
    return {
        "forum page": page("forums:forum_detail"),
        "editor": page("forums:agenda:editor"),
        "print view": page("forums:agenda:print"),
        "PDF": pdf_text(pdf.content),
        "public page": client.get(reverse("public:forum", args=[forum.pk])).content.decode(),
        "session .ics": unfold(
            client.get(reverse("forums:ical:session", args=[forum.pk, session.pk])).content
        ),
    }


def assert_shown_at(client, forum, session, start: str, before: str) -> None:
    ics_start, ics_before = (f"20241114T{t.replace(':', '')}00" for t in (start, before))
    for where, text in outputs(client, forum, session).items():
        shown, gone = (ics_start, ics_before) if where == "session .ics" else (start, before)
        assert shown in text, f"{where} does not show {start}"
        assert gone not in text, f"{where} still shows {before}"


def test_one_row_shows_one_time_everywhere_after_editor_and_admin_edits(editor, admin, forum):
    first, second, _ = rows(forum)
    assert_shown_at(editor, forum, second, "15:10", before="15:25")

    url = reverse("forums:agenda:rows_save", args=[forum.pk])
    assert editor.post(url, table_post(forum, {first: "25"})).status_code in (200, 302)
    assert_stored_times_are_the_cascade(forum)
    assert_shown_at(editor, forum, second, "15:25", before="15:10")
    sequence = Session.objects.get(pk=second.pk).sequence

    editor.force_login(admin)
    data = form_data(editor.get(change_url(first)))
    data["minutes"] = "40"
    assert editor.post(change_url(first), data).status_code == 302
    assert_stored_times_are_the_cascade(forum)
    assert_shown_at(editor, forum, second, "15:40", before="15:25")
    assert Session.objects.get(pk=second.pk).sequence > sequence  # calendars update


def edit_form(client, forum, session) -> dict:
    form = client.get(reverse("forums:agenda:session_edit", args=[forum.pk, session.pk]))
    fields = form.context["form"]
    return {
        name: value
        for name in fields.fields
        if (value := fields[name].value()) not in (None, False)
    }


def test_an_editor_form_opened_before_an_admin_save_is_refused(editor, admin, client, forum):
    first = rows(forum)[0]
    data = edit_form(editor, forum, first)
    data["title_ko"] = "늦은 저장"

    root = type(client)()
    root.force_login(admin)
    admin_data = form_data(root.get(change_url(first)))
    admin_data["title_ko"] = "관리자 저장"
    assert root.post(change_url(first), admin_data).status_code == 302

    url = reverse("forums:agenda:session_edit", args=[forum.pk, first.pk])
    response = editor.post(url, data)

    assert STALE_ROW in response.content.decode()
    assert 'value="늦은 저장"' in response.content.decode()  # nothing typed is lost
    assert Session.objects.get(pk=first.pk).title_ko == "관리자 저장"


def test_an_admin_form_opened_before_an_editor_save_is_refused(editor, admin, client, forum):
    first = rows(forum)[0]
    root = type(client)()
    root.force_login(admin)
    admin_data = form_data(root.get(change_url(first)))
    admin_data["minutes"] = "45"

    data = edit_form(editor, forum, first)
    data["minutes"] = "15"
    url = reverse("forums:agenda:session_edit", args=[forum.pk, first.pk])
    assert editor.post(url, data).status_code in (200, 302)

    response = root.post(change_url(first), admin_data)

    assert response.status_code == 200
    assert STALE in str(response.context["adminform"].form.non_field_errors())
    assert Session.objects.get(pk=first.pk).minutes == 15
    assert_stored_times_are_the_cascade(forum)


def test_stored_times_are_the_cascade_after_every_kind_of_edit(forum):
    first, second, third = rows(forum)
    zone = forum.clock_tz
    edits = [
        lambda: services.session_update(session=first, minutes=35),
        lambda: services.session_update(
            session=second,
            is_pinned=True,
            pinned_at=forum.starts_at.astimezone(zone).replace(hour=16, minute=5),
        ),
        lambda: services.session_move(session=third, position=1),
        lambda: services.session_create(forum=forum, title_ko="휴식", minutes=15, position=2),
        lambda: services.session_update(session=second, is_pinned=False),
        lambda: services.session_delete(session=first),
    ]
    for edit in edits:
        edit()
        assert_stored_times_are_the_cascade(forum)
