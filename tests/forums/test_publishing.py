"""Public pages show the latest issued version; staff see how much is not yet public."""

from io import BytesIO

import pytest
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from forums.agenda import services
from forums.models import AgendaVersion
from forums.publishing import unpublished_changes
from tests.forums.agenda_helpers import load_forum6, row, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return load_forum6()


def public_html(client, forum) -> str:
    return client.get(reverse("public:forum", args=[forum.pk]), {"lang": "ko"}).content.decode()


def public_events(client, forum) -> dict[str, str]:
    body = client.get(reverse("public:agenda_ics", args=[forum.pk])).content
    return {
        str(event["SUMMARY"]).split(" · ")[0]: event.decoded("DTSTART").strftime("%H:%M")
        for event in Calendar.from_ical(body).walk("VEVENT")
        if " · " in str(event["SUMMARY"])
    }


def public_pdf_text(client, forum) -> str:
    body = client.get(reverse("public:agenda_pdf", args=[forum.pk])).content
    return "".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)


def test_the_sample_documents_publish_the_programme_they_printed(client):
    forum = load_forum6(issued=True)
    version = AgendaVersion.objects.get(forum=forum)

    assert version.number == 1 and len(version.rows) == 9
    assert "사전환담" in public_html(client, forum)
    assert unpublished_changes(version, version.rows) == 0


def test_a_forum_never_issued_shows_no_programme_and_says_so(client, forum):
    html = public_html(client, forum)

    assert "사전환담" not in html
    assert "진행표가 아직 공개되지 않았습니다" in html
    assert public_events(client, forum) == {}


def test_edits_after_issuing_stay_off_the_public_page_ics_and_pdf(client, forum):
    services.agenda_issue_version(forum=forum)
    first = row(forum, 1)
    services.session_update(session=first, minutes=first.minutes + 5, title_ko="사전환담 연장")

    html = public_html(client, forum)
    events = public_events(client, forum)
    pdf = public_pdf_text(client, forum)

    assert "사전환담 연장" not in html and "사전환담" in html
    assert "15:00~15:03" in html and "15:05~15:08" not in html
    assert events["개회사"] == "15:00" and "사전환담 연장" not in events
    assert "사전환담 연장" not in pdf and "v1" in pdf


def test_issuing_a_version_is_what_publishes_it(client, forum):
    services.agenda_issue_version(forum=forum)
    first = row(forum, 1)
    services.session_update(session=first, minutes=first.minutes + 5)
    services.agenda_issue_version(forum=forum)

    html = public_html(client, forum)

    assert "15:05~15:08" in html and "v2" in html
    assert public_events(client, forum)["개회사"] == "15:05"


def test_staff_see_how_many_rows_are_not_public(client, forum):
    client.force_login(user_in("editor", "events.editor"))
    editor = reverse("forums:agenda:editor", args=[forum.pk])
    never = client.get(editor).content.decode()
    services.agenda_issue_version(forum=forum)
    issued = client.get(editor).content.decode()
    services.session_update(session=row(forum, 2), minutes=4)  # moves every later row too

    after = client.get(editor)

    assert "공개되지 않은 변경 9건" in never
    assert "공개되지 않은 변경" not in issued
    assert after.context["unpublished_changes"] == 8
    assert "공개되지 않은 변경 8건" in after.content.decode()


def test_unpublished_changes_counts_added_removed_and_changed_rows():
    frozen = {"id": 1, "start": "10:00", "end": "10:05", "minutes": 5, "title_ko": "a"}
    issued = AgendaVersion(rows=[{**frozen, "lines_ko": [], "notes": ""}])

    assert unpublished_changes(None, [{"id": 1}, {"id": 2}]) == 2
    assert unpublished_changes(issued, issued.rows) == 0
    assert unpublished_changes(issued, []) == 1


def test_public_speakers_list_each_person_once_with_the_mc(client, forum):
    services.agenda_issue_version(forum=forum)

    speakers = client.get(reverse("public:forum", args=[forum.pk])).context["speakers"]

    names = [speaker["name"] for speaker in speakers]
    assert len(names) == len(set(names))
    assert "엄지선" in names
