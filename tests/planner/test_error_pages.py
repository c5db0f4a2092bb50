"""Defect 12 of issue #15: 400, 404 and 500 pages in the site's look, Korean or English."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title"), [("ko", "페이지를 찾을 수 없습니다"), ("en", "Page not found")]
)
def test_404_page_speaks_the_visitors_language_in_the_site_layout(
    client, settings, language, title
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = client.get("/no-such-page/")

    page = response.content.decode()
    assert response.status_code == 404
    assert f'<h1 class="page-title">{title}</h1>' in page
    assert 'class="app-header"' in page


@pytest.mark.parametrize(
    ("language", "title"), [("ko", "오류가 발생했습니다"), ("en", "Something went wrong")]
)
def test_500_page_speaks_the_language_in_the_site_layout(language, title):
    request = RequestFactory().get("/")
    with translation.override(language):
        response = server_error(request)

    page = response.content.decode()
    assert response.status_code == 500
    assert f'<h1 class="page-title">{title}</h1>' in page
    assert 'class="app-header"' in page


def test_400_page_says_what_was_wrong(client, settings):
    settings.LANGUAGE_CODE = "ko"
    client.force_login(UserFactory())

    response = client.get("/calendar/", {"month": "9999-12"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "요청을 처리할 수 없습니다" in page
    assert "날짜는 1900-01-01부터 2199-12-31까지만 입력할 수 있습니다." in page
