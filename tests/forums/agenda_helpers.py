"""Shared set-up for the run-of-show tests (plain functions; each test file wraps them)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from forums.models import AgendaVersion, Forum, Session
from planner.documents import documents_load

SEOUL = ZoneInfo("Asia/Seoul")

# The seed's 시간 계획 table: time, minutes, item, lines under the item, 비고.
SEED_TABLE = [
    ("14:50~15:00", 10, "사전환담", [], ""),
    ("15:00~15:03", 3, "개회사", [], "한국행정 연구원장"),
    ("15:03~15:06", 3, "환영사", [], "정부혁신국장"),
    ("15:06~15:09", 3, "축사", [], "NIA 부원장"),
    ("15:09~15:15", 6, "인사·소개 및 사진 촬영", [], ""),
    (
        "15:15~15:45",
        30,
        "발제",
        [
            "① 정부혁신을 위한 공공부문 AI 도입 추진 사례와 거버넌스"
            " - 조세현 한국행정연구원 선임연구위원",
            "② 인공지능 전환(AI) 시대의 정부혁신 과제와 추진 방향"
            " - 정부만 한국지능정보사회진흥원 디지털플랫폼정부 본부장",
        ],
        "발제자 2명",
    ),
    (
        "15:45~16:25",
        40,
        "주제를토론",
        [
            "- 좌장: 김영미 상명대학교 행정학부 교수",
            "- 박소아 원장(오케스트라), 김준형 교수(순천대학교), 김숙경 교수(카이스트),"
            " 김기병 AI국장(경기도청), 공득조 센터장(광주과학기술원)",
        ],
        "토론자 6명",
    ),
    ("16:25~16:55", 30, "질의응답", [], "좌장"),
    ("16:55~17:00", 5, "폐회", [], "사회자"),
]


def seoul(hour: int, minute: int) -> datetime:
    return datetime(2024, 11, 14, hour, minute, tzinfo=SEOUL)


def load_forum6(*, issued: bool = False) -> Forum:
    """The 6th forum from its document; as a working copy never issued unless ``issued``.

    Loading the sample documents issues v1 (they were published); most agenda tests
    start from a forum whose versions they issue themselves.
    """
    documents_load()
    forum = Forum.objects.get(edition=6)
    if not issued:
        AgendaVersion.objects.filter(forum=forum).delete()
    return forum


def row(forum: Forum, order: int) -> Session:
    return Session.objects.get(forum=forum, order=order)


def clock(forum: Forum) -> list[tuple[str, str, int]]:
    """(title, "HH:MM~HH:MM", order) of every stored row, in order."""
    return [
        (
            s.title_ko,
            f"{s.starts_at.astimezone(SEOUL):%H:%M}~{s.ends_at.astimezone(SEOUL):%H:%M}",
            s.order,
        )
        for s in Session.objects.filter(forum=forum).order_by("order")
    ]


def user_in(group: str | None, username: str):
    user = get_user_model().objects.create_user(username=username)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def table_post(forum: Forum, minutes: dict[Session, int | str] | None = None, **move) -> dict:
    """What the editor table's one form posts: every row's minutes field (named with the
    minutes it shows), the values in ``minutes`` typed over them, and ``up=pk`` etc."""
    typed = {session.pk: value for session, value in (minutes or {}).items()}
    data: dict = {}
    for session in Session.objects.filter(forum=forum).order_by("order"):
        shown = "" if session.minutes is None else session.minutes
        data[f"minutes-{session.pk}-{shown}"] = typed.get(session.pk, shown)
    return data | move
