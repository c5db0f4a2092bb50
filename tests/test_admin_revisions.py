"""Defect 3 of issue #15: every save of a revisioned row is checked, the admin's too.

The admin form carries the revision it was opened at; a save from the site's own
forms after it is refused, and so is an admin save after a site save (main form and
inline rows alike). A POST without the revision is refused, never saved unchecked.
The admin shows the run-of-show cascade read-only and recalculates through the
services.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from forums.agenda import services as agenda
from itineraries import services
from itineraries.models import Engagement, Stop
from planner.models import StaleEditError
from tests import factories as f

pytestmark = pytest.mark.django_db

# The admin and the site speak Korean by default.
STALE = "다른 사용자가 먼저 저장했습니다."  # Someone else saved this first.
MISSING = "이 양식에 처음 연 버전 정보가 없습니다."  # This form did not say which version…


@pytest.fixture
def admin_client(client):
    user = f.UserFactory(username="root", is_superuser=True)
    client.force_login(user)
    return client


def form_data(response) -> dict:
    """What the browser would post back from an admin change page, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "on" if value is True else str(value)
    return data


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def cancel(client, engagement: Engagement, revision: int | None):
    url = reverse("itineraries:engagement_cancel", args=[engagement.trip_id, engagement.pk])
    data = {} if revision is None else {"revision": str(revision)}
    return client.post(url, data)


def test_an_admin_save_makes_an_older_site_form_stale(admin_client):
    engagement = f.EngagementFactory()
    opened = engagement.revision  # the trip page was opened here
    data = form_data(admin_client.get(change_url(engagement)))
    data["title_ko"] = "관리자가 고친 제목"
    response = admin_client.post(change_url(engagement), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    response = cancel(admin_client, engagement, opened)

    assert STALE in response.content.decode()
    engagement.refresh_from_db()
    assert (engagement.title_ko, engagement.status) == ("관리자가 고친 제목", "tentative")
    assert engagement.revision == opened + 1


def test_a_site_save_makes_an_open_admin_form_stale(admin_client):
    engagement = f.EngagementFactory()
    data = form_data(admin_client.get(change_url(engagement)))
    assert cancel(admin_client, engagement, engagement.revision).status_code == 302
    data["title_ko"] = "덮어쓰려는 제목"

    response = admin_client.post(change_url(engagement), data)

    assert response.status_code == 200
    assert STALE in str(response.context["adminform"].form.non_field_errors())
    engagement.refresh_from_db()
    assert engagement.status == "cancelled"
    assert engagement.title_ko != "덮어쓰려는 제목"


def test_a_site_save_makes_an_open_admin_inline_row_stale(admin_client):
    stop = f.StopFactory(city_ko="베오그라드")
    data = form_data(admin_client.get(change_url(stop.trip)))
    stop.city_ko = "노비사드"
    services.stop_save(stop=stop, expected_revision=stop.revision)
    data["stops-0-city_ko"] = "니시"

    response = admin_client.post(change_url(stop.trip), data)

    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][0].formset
    assert STALE in str(inline.forms[0].non_field_errors())
    assert Stop.objects.get(pk=stop.pk).city_ko == "노비사드"


def test_an_admin_inline_save_makes_an_older_site_form_stale(admin_client):
    stop = f.StopFactory(city_ko="베오그라드")
    opened = stop.revision
    data = form_data(admin_client.get(change_url(stop.trip)))
    data["stops-0-city_ko"] = "니시"
    assert admin_client.post(change_url(stop.trip), data).status_code == 302

    stop = Stop.objects.get(pk=stop.pk)
    stop.city_ko = "노비사드"
    with pytest.raises(StaleEditError):
        services.stop_save(stop=stop, expected_revision=opened)
    assert Stop.objects.get(pk=stop.pk).city_ko == "니시"


def test_posts_without_a_revision_are_refused(admin_client):
    engagement = f.EngagementFactory()
    data = form_data(admin_client.get(change_url(engagement)))
    del data["opened_revision"]
    data["title_ko"] = "확인 없는 저장"

    response = admin_client.post(change_url(engagement), data)

    assert MISSING in str(response.context["adminform"].form.non_field_errors())
    response = cancel(admin_client, engagement, None)
    assert STALE in response.content.decode()
    engagement.refresh_from_db()
    assert (engagement.title_ko, engagement.status) != ("확인 없는 저장", "cancelled")
    assert engagement.status == "tentative"


def test_the_session_admin_recalculates_the_cascade(admin_client):
    forum = f.ForumFactory()
    first = agenda.session_create(forum=forum, title_ko="개회사", minutes=10)
    second = agenda.session_create(forum=forum, title_ko="기조연설", minutes=20)
    response = admin_client.get(change_url(first))
    assert "start_time" not in response.context["adminform"].form.fields
    data = form_data(response)
    data["minutes"] = "25"

    assert admin_client.post(change_url(first), data).status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert second.start_time.minute == (first.start_time.minute + 25) % 60
