"""Every fact of the documents can be found by a staff member following links from /."""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth.models import User

from planner.documents import documents_load

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a\s[^>]*href="([^"]+)"')
SKIP = ("/admin/", "/i18n/", "/accounts/", "/static/", "/public/", "/register/")
TAGS = re.compile(r"<[^>]+>")


def crawl(client, start="/", limit=400) -> dict[str, str]:
    """Breadth-first over same-site HTML pages, without query strings (sorting, paging)."""
    seen, pages, queue = {start}, {}, deque([start])
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        pages[url] = unescape(TAGS.sub(" ", html))
        for href in LINK.findall(html):
            href, _fragment = urldefrag(unescape(href))
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or parts.query or not href.startswith("/"):
                continue
            if href.startswith(SKIP) or href.endswith((".ics", ".pdf", ".csv", ".xlsx")):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


FACTS = [
    # The trip
    "김민재",
    "윤호중",
    "2026년 7월 8일",
    "2026년 7월 15일",
    "Europe/Zurich",
    "Europe/Belgrade",
    "Africa/Cairo",
    "eTrade for all",
    "Pedro Moreno",
    "에스토니아 법무·디지털부장관",
    "친절한 정부",
    "함께 하는 정부",
    "유능한 정부",
    "Snežana Paunović",
    "슈네자나 파우노비치",
    "Mihailo Jovanović",
    "정보기술·전자정부실",
    "한-세르비아 디지털정부 협력센터",
    "라파트 헨디",
    "Raafat Hendy",
    "한-이집트 디지털정부 공동협력포럼",
    "AI정부24",
    "K-AI Gov 얼라이언스",
    "법제처",
    "국세청",
    "6개 기관",
    "시간 미정",
    "날짜 미정",
    # The forum
    "제6회 정부혁신 미래전략 포럼",
    "김대중컨벤션센터",
    "208~213호",
    "2024 대한민국 정부 박람회",
    "정부혁신을 위한 공공부문 AI 활용",
    "withyou3542",
    "엄지선",
    "14:50~15:00",
    "16:55~17:00",
    "주제를토론",
    "박소아 원장(오케스트라)",
    "공득조 센터장(광주과학기술원)",
    "토론자 6명",
    "NIA 부원장",
    # The agreement
    "한-영 디지털정부 협력에 관한 양해각서",
    "영국 내각부",
    "2023년 11월 22일",
    "2028년 11월 21일",
    "디지털정부청",
    "클라우드 신기술 도입",
    # Contacts
    "044-205-2781",
    "044-205-2792",
    "044-205-2201",
    "044-205-2211",
    "인공지능정부협력과",
    "혁신기획과",
    # Provenance
    "Downing Street Accord",
    "작년 11월",
]


def test_every_fact_is_reachable_from_home(client):
    documents_load()
    staff = User.objects.create_superuser("staff", password="pw-for-tests-only")
    client.force_login(staff)

    pages = crawl(client)
    text = "\n".join(pages.values())

    missing = [fact for fact in FACTS if fact not in text]
    assert missing == []
    assert len(pages) > 20


def test_anonymous_visitor_reaches_only_public_pages(client):
    documents_load()

    pages = crawl(client)  # public pages and the login are not crawled (SKIP)

    assert list(pages) == ["/"]  # the public home; nothing of the staff pages
    assert "제6회 정부혁신 미래전략 포럼" in pages["/"]
