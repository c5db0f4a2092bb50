"""The review screen: from pasted text or a file to a reviewed draft, then to rows."""

import re
from functools import cache
from pathlib import Path

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import Forum
from planner.models import DraftReview, SourceDocument
from planner.permissions import EDITOR_GROUP, VIEWER_GROUP
from planner.review_forms import ReviewForm
from tests import factories as f

pytestmark = pytest.mark.django_db

FORUM_TEXT = Path(__file__).resolve().parents[2] / "fixtures/documents/001_80e9b73bdfe90d16.txt"
START = reverse("planner:review_start")


@cache
def forum_draft() -> dict:
    from planner.extraction.draft import build

    return build(FORUM_TEXT.read_text(encoding="utf-8"))


def member(group: str, username: str):
    user = f.UserFactory(username=username, is_staff=False)
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(member(EDITOR_GROUP, "editor-park"))
    return client


@pytest.fixture
def review():
    return DraftReview.objects.create(draft=forum_draft(), text=forum_draft()["source"]["text"])


def submitted(draft: dict, **changes) -> dict:
    """What a browser sends for the untouched form, with ``changes`` typed in."""
    form = ReviewForm(draft)
    data = {
        name: "" if field.initial is None else field.initial
        for name, field in form.fields.items()
        if not isinstance(field, forms.BooleanField)
    }
    return data | changes


def test_review_paste_shows_every_fact_highlighted_beside_the_form(editor_client):
    text = FORUM_TEXT.read_text(encoding="utf-8")

    response = editor_client.post(START, {"text": text.replace("\n", "\r\n")})

    review = DraftReview.objects.get()
    assert response.status_code == 302
    assert response["Location"] == review.get_absolute_url()
    page = editor_client.get(review.get_absolute_url()).content.decode()
    assert re.search(r"<mark class=\"fact[^\"]*\" id=\"at-\d+\"[^>]*>[^<]*사전환담", page)
    assert 'name="events-0-sessions-0-title" value="사전환담"' in page
    assert 'name="events-0-title_ko" value="제6회 정부혁신 미래전략 포럼"' in page
    assert "\r" not in review.text


def test_review_marks_low_confidence_and_never_renders_markup_from_the_text(editor_client):
    text = "<script>alert(1)</script> 제1회 테스트 포럼\n일시: 2026. 4. 12.(일) 15:00~17:00\n"
    draft = {"format": "planner-draft/1", "source": {"text": text}, "kind": "event"}
    draft["people"] = [{"ref": "p1", "name_ko": "스크립트", "span": [0, 8], "confidence": 0.3}]
    review = DraftReview.objects.create(draft=draft, text=text)

    page = editor_client.get(review.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in page
    assert '<mark class="fact fact-low" id="at-0" title="people[0]">&lt;script&gt;</mark>' in page
    assert "review-row is-low" in page


def test_review_create_stores_the_corrected_title_without_the_removed_row(editor_client, review):
    data = submitted(review.draft)
    data["events-0-sessions-1-title"] = "개회 말씀"
    data["events-0-sessions-8-remove"] = "on"
    data["events-0-title_en"] = "6th Government Innovation Forum"

    response = editor_client.post(review.get_absolute_url(), data)

    forum = Forum.objects.get()
    assert response.status_code == 302
    assert response["Location"] == forum.get_absolute_url()
    rows = list(forum.sessions.order_by("order").values_list("start_time", "title_ko"))
    assert [str(start)[:5] for start, _ in rows] == [
        "14:50", "15:00", "15:03", "15:06", "15:09", "15:15", "15:45", "16:25",
    ]  # fmt: skip
    assert [title for _, title in rows][:2] == ["사전환담", "개회 말씀"]
    assert "폐회" not in [title for _, title in rows]
    assert forum.title_en == "6th Government Innovation Forum"
    review.refresh_from_db()
    assert review.status == DraftReview.Status.CREATED
    assert review.document == forum.document
    followed = editor_client.get(response["Location"]).content.decode()
    assert "app-alert success" in followed


def test_review_refuses_a_date_not_in_the_calendar_and_stores_nothing(editor_client, review):
    data = submitted(review.draft)
    data["events-0-start"] = "2026-02-30"
    data["events-0-sessions-2-notes"] = "행정안전부 정부혁신국장"

    response = editor_client.post(review.get_absolute_url(), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "is not a date in the calendar" in page
    assert "$.events[0].start.value" in page
    assert 'value="2026-02-30"' in page
    assert 'value="행정안전부 정부혁신국장"' in page
    assert Forum.objects.count() == 0
    assert SourceDocument.objects.count() == 0
    review.refresh_from_db()
    assert review.status == DraftReview.Status.OPEN


def test_review_upload_of_a_text_file_is_read(editor_client):
    upload = SimpleUploadedFile("forum.txt", FORUM_TEXT.read_bytes(), "text/plain")

    response = editor_client.post(START, {"file": upload})

    review = DraftReview.objects.get()
    assert response.status_code == 302
    assert review.filename == "forum.txt"
    assert len(review.draft["events"][0]["sessions"]) == 9


def test_review_upload_of_garbage_bytes_says_so_in_korean(editor_client):
    upload = SimpleUploadedFile("scan.pdf", bytes(range(256)) * 40, "application/pdf")

    response = editor_client.post(START, {"file": upload})

    page = response.content.decode()
    assert response.status_code == 400
    assert "이 파일은 문서로 읽을 수 없습니다." in page
    assert DraftReview.objects.count() == 0


def test_review_refuses_an_unknown_file_kind(editor_client):
    upload = SimpleUploadedFile("tool.exe", b"MZ\x00\x00", "application/octet-stream")

    response = editor_client.post(START, {"file": upload})

    assert response.status_code == 400
    assert ".hwpx" in response.content.decode()
    assert DraftReview.objects.count() == 0


def test_review_is_for_editors_only(client, review):
    client.force_login(member(VIEWER_GROUP, "viewer-choi"))

    responses = [
        client.get(START),
        client.post(START, {"text": "제1회 포럼"}),
        client.get(review.get_absolute_url()),
        client.post(review.get_absolute_url(), submitted(review.draft)),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    assert Forum.objects.count() == 0


def test_review_offers_people_already_stored(editor_client):
    stored = f.PersonFactory(name_ko="조세현", name_latin="")
    text = "발제: 조세현 한국행정연구원 선임연구위원"
    draft = {"format": "planner-draft/1", "source": {"text": text}, "kind": "event"}
    draft["people"] = [{"ref": "p1", "name_ko": "조세현", "span": [4, 7], "confidence": 0.6}]
    review = DraftReview.objects.create(draft=draft, text=text)

    page = editor_client.get(review.get_absolute_url()).content.decode()

    assert f'href="{stored.get_absolute_url()}"' in page


def _draft_with_sessions(count: int) -> dict:
    text = "\n".join(f"{10 + i}:00~{10 + i}:30 순서 {i}" for i in range(count))
    sessions = [
        {"order": i + 1, "start": f"{10 + i}:00", "end": f"{10 + i}:30", "title": f"순서 {i}"}
        | {"span": [len(f"{10 + i}:00~{10 + i}:30 순서 {i}\n") * i, 0], "confidence": 0.8}
        for i in range(count)
    ]
    for i, session in enumerate(sessions):
        session["span"][1] = session["span"][0] + len(f"{10 + i}:00~{10 + i}:30 순서 {i}")
    event = {"kind": "forum", "title_ko": "포럼", "start": "2026-04-12", "sessions": sessions}
    people = [{"ref": f"p{i}", "name_ko": f"사람{i}"} for i in range(count)]
    return {
        "format": "planner-draft/1",
        "source": {"text": text},
        "kind": "event",
        "events": [event],
        "people": people,
    }


@pytest.mark.parametrize("count", [1, 9])
def test_review_page_queries_do_not_grow_with_rows(editor_client, django_assert_num_queries, count):
    draft = _draft_with_sessions(count)
    review = DraftReview.objects.create(draft=draft, text=draft["source"]["text"])

    with django_assert_num_queries(6):
        response = editor_client.get(review.get_absolute_url())

    assert response.content.decode().count('<mark class="fact" id="at-') == count


def test_document_page_quotes_the_span_of_each_created_row(editor_client, review):
    editor_client.post(review.get_absolute_url(), submitted(review.draft))
    document = SourceDocument.objects.get()

    page = editor_client.get(document.get_absolute_url()).content.decode()

    assert 'id="provenance"' in page
    assert re.search(r"<blockquote class=\"provenance-quote\">14:50~15:00[^<]*사전환담", page)


def test_home_and_document_list_link_to_the_review_screen(editor_client):
    urls = [reverse("home"), reverse("planner:document_list")]

    pages = [editor_client.get(url) for url in urls]

    assert all(f'href="{START}"' in page.content.decode() for page in pages)


def test_review_removing_an_organisation_forgets_its_organiser_line(editor_client, review):
    refs = [item["ref"] for item in review.draft["organisations"]]
    host = refs.index("o1")
    data = submitted(review.draft) | {f"organisations-{host}-remove": "on"}

    response = editor_client.post(review.get_absolute_url(), data)

    forum = Forum.objects.get()
    assert response.status_code == 302
    names = list(forum.organisers.values_list("organisation__name_ko", "role"))
    assert names == [("한국행정연구원", "co_host")]
    assert not forum.document.organisations.filter(name_ko="행정안전부").exists()


def test_review_of_a_created_draft_leads_to_its_document(editor_client, review):
    editor_client.post(review.get_absolute_url(), submitted(review.draft))
    document = SourceDocument.objects.get()

    response = editor_client.post(review.get_absolute_url(), submitted(review.draft))

    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    assert Forum.objects.count() == 1


@pytest.mark.parametrize(
    "name", ["000_f745800792c9fd95.txt", "001_80e9b73bdfe90d16.txt", "002_3861a4dd3f27feed.txt"]
)
def test_review_of_each_reference_document_creates_what_was_read(editor_client, name):
    text = (FORUM_TEXT.parent / name).read_text(encoding="utf-8")
    editor_client.post(START, {"text": text})
    review = DraftReview.objects.get()
    page = editor_client.get(review.get_absolute_url())
    assert page.status_code == 200

    response = editor_client.post(review.get_absolute_url(), submitted(review.draft))

    document = SourceDocument.objects.get()
    assert response.status_code == 302, response.content.decode()[-3000:]
    events, trips = review.draft.get("events") or [], review.draft.get("trips") or []
    assert document.forums.count() == len(events)
    assert document.trips.count() == len(trips)


def test_review_removal_forgets_refs_and_renumbers_events():
    from planner.review_draft import corrected, layout

    draft = {
        "people": [{"ref": "p1", "name_ko": "가"}, {"ref": "p2", "name_ko": "나"}],
        "events": [
            {"title_ko": "하나", "mc": {"person": "p1"}},
            {"title_ko": "둘", "sessions": [{"title": "개회", "people": [{"person": "p1"}]}]},
        ],
        "trips": [{"engagements": [{"title": "참석", "event": 1}], "head": {"person": "p2"}}],
    }

    new = corrected(draft, {}, layout(draft), [("people", 0), ("events", 0)])

    assert new["people"] == [{"ref": "p2", "name_ko": "나"}]
    assert [event["title_ko"] for event in new["events"]] == ["둘"]
    assert new["events"][0]["sessions"][0]["people"] == []
    assert new["trips"][0]["engagements"][0]["event"] == 0
    assert new["trips"][0]["head"] == {"person": "p2"}
    assert draft["events"][0]["mc"] == {"person": "p1"}  # the stored draft is left as read
