"""The public registration form: consent, capacity and waitlist, double submission, abuse."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from forums.attendees.forms import make_form_token
from forums.attendees.services import registration_deadline
from forums.models import Attendee
from forums.registration_mail import cancel_token
from tests import factories as f
from tests.forums.attendee_support import AttendeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # rate-limit counters and spent tokens live there
    yield
    cache.clear()


@pytest.fixture
def public(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def forum():
    starts = (timezone.now() + timedelta(days=30)).replace(second=0, microsecond=0)
    return f.ForumFactory(
        registration_open=True,
        capacity=3,
        registration_fields=["organisation", "position", "phone"],
        date=starts.date(),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )


def register_url(forum):
    return reverse("registration:register", args=[forum.pk])


def form_data(client, forum, **overrides):
    """What a browser sends: the token from the page, the answers, the consent box."""
    page = client.get(register_url(forum)).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    data = {
        "token": token,
        "name": "김민준",
        "email": "minjun@example.com",
        "organisation_name": "행정안전부",
        "position": "사무관",
        "phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_states_purpose_items_retention_and_right_to_refuse(public, forum):
    response = public.get(register_url(forum))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Receiving your registration for the forum" in content
    assert "Required: name, e-mail, organisation / Optional: position, phone" in content
    assert "Until one year after the forum" in content
    assert "You have the right to refuse consent" in content
    assert 'name="consent"' in content
    assert 'name="category"' not in content  # not chosen by staff


def test_staff_wording_replaces_the_defaults(public, forum):
    forum.privacy_purpose = "포럼 참석 확인"
    forum.privacy_retention = "행사 종료 후 6개월"
    forum.save()

    content = public.get(register_url(forum)).content.decode()

    assert "포럼 참석 확인" in content
    assert "행사 종료 후 6개월" in content


def test_registration_saves_with_consent_time_and_redirects(public, forum):
    response = public.post(register_url(forum), form_data(public, forum, phone="01012345678"))

    assert response.status_code == 302
    assert response.url == reverse("registration:done", args=[forum.pk])
    attendee = forum.attendees.get()
    assert attendee.source == Attendee.Source.PUBLIC_FORM
    assert attendee.status == Attendee.Status.REGISTERED
    assert attendee.phone == "010-1234-5678"
    assert timezone.now() - attendee.consent_at < timedelta(minutes=1)
    done = public.get(response.url).content.decode()
    assert "Your registration is received" in done


def test_without_consent_nothing_is_saved(public, forum):
    data = form_data(public, forum)
    del data["consent"]

    response = public.post(register_url(forum), data)

    assert response.status_code == 400
    assert "Registration needs your consent." in response.content.decode()
    assert forum.attendees.count() == 0


def test_capacity_then_waitlist(public, forum):
    AttendeeFactory(forum=forum, status=Attendee.Status.REGISTERED)
    AttendeeFactory(forum=forum, status=Attendee.Status.CONFIRMED)
    AttendeeFactory(forum=forum, status=Attendee.Status.CANCELLED)  # frees its seat

    last_seat = public.post(register_url(forum), form_data(public, forum, email="a@example.com"))
    page = public.get(register_url(forum)).content.decode()
    waiting = public.post(register_url(forum), form_data(public, forum, email="b@example.com"))

    assert last_seat.status_code == waiting.status_code == 302
    assert forum.attendees.get(email="a@example.com").status == Attendee.Status.REGISTERED
    assert forum.attendees.get(email="b@example.com").status == Attendee.Status.WAITLISTED
    assert "All seats are taken." in page
    done = public.get(reverse("registration:done", args=[forum.pk])).content.decode()
    assert "You are on the waitlist" in done


def test_same_email_twice_gets_a_friendly_message_not_a_second_row(public, forum):
    public.post(register_url(forum), form_data(public, forum))

    again = public.post(register_url(forum), form_data(public, forum, email="MINJUN@example.com"))

    assert again.status_code == 400
    assert "You are already registered for this forum" in again.content.decode()
    assert forum.attendees.count() == 1


def test_double_submission_of_the_same_form_is_recognised(public, forum):
    data = form_data(public, forum)

    first = public.post(register_url(forum), data)
    second = public.post(register_url(forum), data)

    assert first.status_code == 302
    assert second.status_code == 400
    assert "You are already registered" in second.content.decode()
    assert forum.attendees.count() == 1


def test_a_spent_token_with_another_email_asks_to_send_again(public, forum):
    data = form_data(public, forum)
    public.post(register_url(forum), data)

    response = public.post(register_url(forum), {**data, "email": "other@example.com"})

    content = response.content.decode()
    assert "The form had expired" in content
    assert data["token"] not in content  # a fresh token to send again with
    assert forum.attendees.count() == 1


@pytest.mark.parametrize("token", ["", "forged", "other-forum"])
def test_missing_or_foreign_token_saves_nothing(public, forum, token):
    if token == "other-forum":
        token = make_form_token(f.ForumFactory(registration_open=True))
    data = form_data(public, forum, token=token)

    response = public.post(register_url(forum), data)

    assert response.status_code == 400
    assert forum.attendees.count() == 0


def test_honeypot_looks_like_success_but_saves_nothing(public, forum):
    response = public.post(register_url(forum), form_data(public, forum, website="http://spam"))

    assert response.status_code == 302
    assert forum.attendees.count() == 0


def test_rate_limit_per_address(public, forum, settings):
    settings.REGISTRATION_RATE_LIMIT = (3, 60)
    statuses = []
    for n in range(4):
        data = form_data(public, forum, email=f"p{n}@example.com")
        statuses.append(public.post(register_url(forum), data).status_code)

    assert statuses == [302, 302, 302, 429]
    assert forum.attendees.count() == 3


@pytest.mark.parametrize(
    "change",
    [
        {"registration_open": False},
        {"registration_closes_at": timezone.now() - timedelta(hours=1)},
        {"status": "cancelled"},
    ],
)
def test_closed_registration_shows_no_form_and_takes_nothing(public, forum, change):
    for name, value in change.items():
        setattr(forum, name, value)
    forum.save()

    page = public.get(register_url(forum))
    post = public.post(register_url(forum), {"name": "x", "email": "x@example.com"})

    assert "Registration is not open" in page.content.decode()
    assert 'name="consent"' not in page.content.decode()
    assert post.status_code == 200
    assert forum.attendees.count() == 0


def test_registration_closes_at_the_start_without_a_deadline(public, forum):
    forum.starts_at = timezone.now() - timedelta(minutes=1)
    forum.ends_at = forum.starts_at + timedelta(hours=2)
    forum.save()

    page = public.get(register_url(forum)).content.decode()

    assert "Registration is not open" in page
    assert registration_deadline(forum) == forum.starts_at


def test_without_a_start_time_registration_closes_when_the_day_begins(forum):
    forum.starts_at = forum.ends_at = None
    forum.date = date(2030, 5, 2)
    forum.timezone = "Asia/Seoul"

    assert registration_deadline(forum) == datetime(2030, 5, 1, 15, 0, tzinfo=UTC)


def test_a_deadline_staff_set_after_the_start_keeps_it_open(public, forum):
    forum.starts_at = timezone.now() - timedelta(hours=1)
    forum.ends_at = forum.starts_at + timedelta(hours=3)
    forum.registration_closes_at = timezone.now() + timedelta(hours=1)
    forum.save()

    page = public.get(register_url(forum)).content.decode()

    assert 'name="consent"' in page


def test_open_until_the_closing_time(public, forum):
    forum.registration_closes_at = timezone.now() + timedelta(hours=1)
    forum.save()

    response = public.get(register_url(forum))

    assert 'name="consent"' in response.content.decode()


def test_public_pages_contain_no_contact_data(public, forum):
    others = [
        AttendeeFactory(
            forum=forum, name="비밀참석자", email="secret@korea.kr", phone="010-9999-8888"
        ),
        AttendeeFactory(forum=forum, name="다른사람", email="other@korea.kr", phone="02-123-4567"),
    ]
    contact = f.ContactFactory()
    forum.contacts.add(contact)
    private = [a.name for a in others] + [a.email for a in others] + [a.phone for a in others]
    organiser_phone = contact.phone  # the press-release contact: shown on the done page

    form_page = public.get(register_url(forum)).content.decode()
    posted = public.post(register_url(forum), form_data(public, forum, email="me@example.com"))
    done_page = public.get(posted.url).content.decode()
    again = public.post(
        register_url(forum), form_data(public, forum, email="me@example.com")
    ).content.decode()
    closed_forum = f.ForumFactory(registration_open=False)
    closed_page = public.get(register_url(closed_forum)).content.decode()

    for page in (form_page, done_page, again, closed_page):
        page = page.replace(organiser_phone, "")
        for value in private:
            assert value not in page
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", page.replace("me@example.com", ""))
        assert not re.search(r"\b0\d{1,2}-\d{3,4}-\d{4}\b", page)


def test_done_page_without_a_registration_is_generic(public, forum):
    response = public.get(reverse("registration:done", args=[forum.pk]))

    assert "Thank you" in response.content.decode()
    assert response.context["result"] is None


def test_unknown_forum_is_404(public):
    response = public.get(reverse("registration:register", args=[999999]))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("010 1234 5678", "010-1234-5678"),
        ("+82 10-3456-7890", "010-3456-7890"),
        ("+41 22 917 1234", "+41229171234"),
    ],
)
def test_registration_stores_the_phone_number_in_one_form(public, forum, typed, stored):
    public.post(register_url(forum), form_data(public, forum, phone=typed))

    assert forum.attendees.get().phone == stored


def test_registration_refuses_a_truncated_mobile_number(public, forum):
    response = public.post(register_url(forum), form_data(public, forum, phone="010-1111-222"))

    assert response.status_code == 400
    assert forum.attendees.count() == 0
    assert "010-1234-5678" in response.content.decode()


def _register(public, forum, **overrides):
    public.post(register_url(forum), form_data(public, forum, **overrides))
    return forum.attendees.get(email=overrides.get("email", "minjun@example.com"))


def test_registration_sends_a_confirmation_with_the_forums_ics(public, forum, mailoutbox):
    attendee = _register(public, forum)

    [message] = mailoutbox
    [(filename, content, mimetype)] = message.attachments
    calendar = Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert message.to == [attendee.email]
    assert (filename, mimetype) == (f"forum-{forum.pk}.ics", "text/calendar")
    assert str(event["SUMMARY"]) == forum.title_ko
    assert event.decoded("DTSTART") == forum.starts_at
    assert reverse("public:forum", args=[forum.pk]) in str(event["URL"])


def test_confirmation_carries_a_cancel_link_that_cancels_after_a_confirm_step(
    public, forum, mailoutbox
):
    attendee = _register(public, forum)
    link = re.search(r"http://testserver(/register/\S+/cancel/\S+/)", mailoutbox[0].body).group(1)

    shown = public.get(link)
    attendee.refresh_from_db()
    status_after_get = attendee.status
    cancelled = public.post(link)
    attendee.refresh_from_db()

    assert status_after_get == Attendee.Status.REGISTERED
    assert 'method="post"' in shown.content.decode()
    assert "Your registration is cancelled" in cancelled.content.decode()
    assert attendee.status == Attendee.Status.CANCELLED


def test_a_forged_or_stale_cancel_token_cancels_nothing(public, forum):
    attendee = AttendeeFactory(forum=forum, email="a@example.com")
    token = cancel_token(attendee)
    attendee.email = "changed@example.com"
    attendee.save()

    stale = public.post(reverse("registration:cancel", args=[forum.pk, token]))
    forged = public.post(reverse("registration:cancel", args=[forum.pk, token[:-2] + "xx"]))
    attendee.refresh_from_db()

    assert (stale.status_code, forged.status_code) == (404, 404)
    assert attendee.status == Attendee.Status.REGISTERED


def test_done_page_shows_the_organisers_contact(public, forum):
    contact = f.ContactFactory(phone="044-205-2781")
    forum.contacts.add(contact)
    _register(public, forum)

    done = public.get(reverse("registration:done", args=[forum.pk])).content.decode()

    assert "044-205-2781" in done
    assert f"{contact.department.name_en} 과장" in done
