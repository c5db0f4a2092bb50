"""Every fact the three source documents state, checked against the loaded data."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.management import call_command

from forums.models import Forum, ForumOrganiser, Session
from itineraries.models import DelegationGroup, Engagement, Stop, Trip
from planner.documents import FixtureError, documents_load
from planner.models import Agreement, Contact, DocumentNote, Organisation, Person, SourceDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents():
    documents_load()


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- loading ------------------------------------------------------------------


def test_load_documents_twice_changes_nothing(capsys):
    call_command("load_documents")
    first = capsys.readouterr().out
    counts = {m: m.objects.count() for m in (Person, Organisation, Session, Engagement, Contact)}
    stamps = list(Session.objects.order_by("pk").values_list("updated", flat=True))

    call_command("load_documents")
    second = capsys.readouterr().out

    assert "0 loaded, 0 restored" not in first
    assert "0 loaded, 0 restored" in second
    assert {m: m.objects.count() for m in counts} == counts
    assert list(Session.objects.order_by("pk").values_list("updated", flat=True)) == stamps


def test_load_documents_keeps_staff_edits_and_deletions(documents):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    engagement.room = "장관실"
    engagement.title_ko = "파우노비치 장관 면담 (수정)"
    engagement.save()
    Session.objects.get(ref="s-2024-11-gifs6-05").delete()
    first, last = (
        Session.objects.get(ref="s-2024-11-gifs6-01"),
        Session.objects.get(ref="s-2024-11-gifs6-09"),
    )
    first.order, last.order = 99, 1
    Session.objects.bulk_update([first, last], ["order"])

    report = documents_load()

    engagement.refresh_from_db()
    assert (engagement.room, engagement.title_ko) == ("장관실", "파우노비치 장관 면담 (수정)")
    assert not Session.objects.filter(ref="s-2024-11-gifs6-05").exists()
    assert report.created == 0
    assert len(report.skipped) == 3


def test_load_documents_update_restores_the_documents(documents):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    engagement.title_ko = "수정된 제목"
    engagement.save()
    Session.objects.get(ref="s-2024-11-gifs6-05").delete()

    report = documents_load(update=True)

    engagement.refresh_from_db()
    assert engagement.title_ko == "슈네자나 파우노비치 행정자치부 장관 면담"
    assert Session.objects.filter(ref="s-2024-11-gifs6-05").exists()
    assert (report.created, report.updated) == (0, 3)


def test_load_documents_reports_a_broken_fixture_clearly(tmp_path):
    (tmp_path / "bad.draft.json").write_text(
        '{"format": "planner-draft/1", "source": {"text": "x"},'
        ' "people": [{"ref": "p1", "name_ko": "김", "organisation": "nope"}]}',
        encoding="utf-8",
    )

    with pytest.raises(FixtureError, match=r"bad.draft.json: \$.people\[0\].organisation"):
        documents_load(directory=tmp_path)
    assert not SourceDocument.objects.exists()


def test_every_document_is_kept_with_its_original_text(documents):
    for document in SourceDocument.objects.all():
        with open(f"fixtures/documents/{document.filename}", encoding="utf-8") as original:
            assert document.text == original.read()
    assert SourceDocument.objects.count() == 3


# --- the trip -----------------------------------------------------------------


def test_trip_head_dates_and_ministry(documents):
    trip = Trip.objects.get(ref="trip-2026-07-vm-kim")
    minister = Person.objects.get(name_ko="윤호중")

    assert (trip.head.name_ko, trip.head.position_ko) == ("김민재", "행정안전부 차관")
    assert trip.organisation.name_ko == "행정안전부"
    assert (minister.position_ko, minister.organisation) == ("행정안전부 장관", trip.organisation)
    assert (trip.start_date, trip.end_date) == (date(2026, 7, 8), date(2026, 7, 15))
    assert trip.start_date.strftime("%a") == trip.end_date.strftime("%a") == "Wed"


def test_trip_year_reasoning_is_recorded(documents):
    note = DocumentNote.objects.get(
        document__trips__ref="trip-2026-07-vm-kim", subject__contains="연도"
    )

    assert note.kind == DocumentNote.Kind.INFERENCE
    assert "수요일" in note.text
    assert "작년 11월" in note.text
    assert "2026" in note.text


def test_trip_stops_in_order_with_their_zones(documents):
    stops = Stop.objects.filter(trip__ref="trip-2026-07-vm-kim")

    assert [(s.country.code, s.city_en, s.timezone) for s in stops] == [
        ("CH", "Geneva", "Europe/Zurich"),
        ("RS", "Belgrade", "Europe/Belgrade"),
        ("EG", "Cairo", "Africa/Cairo"),
    ]


def test_geneva_unctad_dialogue_date_is_honestly_unknown(documents):
    event = Engagement.objects.get(stop__city_en="Geneva")
    people = {line.printed_as: line for line in event.people.all()}

    assert "eTrade for all" in event.title_ko
    assert "10주년" in event.title_ko
    assert event.host.acronym == "UNCTAD"
    assert event.date is None
    assert event.starts_at is None
    assert "날짜 미기재" in event.date_note
    assert people["사무총장 직무대행(Pedro Moreno)"].person.name_latin == "Pedro Moreno"
    estonia = people["에스토니아 법무·디지털부장관"]
    assert estonia.person is None
    assert estonia.organisation.country.code == "EE"
    assert "'AI 민주정부' 추진전략" in event.objectives
    for direction in ("친절한 정부", "함께 하는 정부", "유능한 정부"):
        assert f"▲{direction}" in event.objectives


def test_serbia_meetings_on_friday_10_july_without_time(documents):
    meetings = Engagement.objects.filter(stop__country="RS", date=date(2026, 7, 10)).order_by(
        "order"
    )
    counterparts = [m.people.get(side="counterpart").person for m in meetings]

    assert date(2026, 7, 10).strftime("%a") == "Fri"
    assert [m.starts_at for m in meetings] == [None, None]
    assert [(p.name_ko, p.name_latin) for p in counterparts] == [
        ("슈네자나 파우노비치", "Snežana Paunović"),
        ("미하일로 요바노비치", "Mihailo Jovanović"),
    ]
    assert counterparts[0].position_ko == "행정자치부 장관"
    assert counterparts[0].organisation.name_en.startswith(
        "Ministry of Public Administration and Local Self-Government"
    )
    assert counterparts[1].position_ko == "총리실 정보기술·전자정부실 실장(장관급)"
    assert counterparts[1].organisation.name_en == "Office for IT and eGovernment (Serbia)"


def test_serbia_cooperation_center_review(documents):
    review = Engagement.objects.get(ref="eng-2026-07-serbia-center")

    assert review.stop.country.code == "RS"
    assert review.host.name_ko == "한-세르비아 디지털정부 협력센터"
    assert "2020년" in review.objectives


def test_egypt_bilateral_and_forum(documents):
    hendy = Engagement.objects.get(ref="eng-2026-07-egypt-hendy").people.get(side="counterpart")
    forum_engagement = Engagement.objects.get(ref="eng-2026-07-egypt-forum")
    forum = forum_engagement.forum

    assert (hendy.person.name_ko, hendy.person.name_latin) == ("라파트 헨디", "Raafat Hendy")
    assert hendy.person.position_ko == "통신정보기술부 장관"
    assert forum_engagement.date == date(2026, 7, 13)
    assert forum_engagement.date.strftime("%a") == "Mon"
    assert forum_engagement.starts_at is None
    assert forum.title_ko == "한-이집트 디지털정부 공동협력포럼"
    assert (forum.date, forum.timezone) == (date(2026, 7, 13), "Africa/Cairo")
    for topic in (
        "AI정부24",
        "생성형 인공지능(AI) 기반 법령정보 시스템",
        "유엔개발계획(UNDP)",
        "역량강화",
    ):
        assert topic in forum.description


def test_egypt_alliance_names_two_of_six_agencies(documents):
    group = DelegationGroup.objects.get(trip__ref="trip-2026-07-vm-kim")
    named = [m.organisation.name_ko for m in group.members.all()]

    assert group.name == "K-AI Gov 얼라이언스 사절단"
    assert [stop.country.code for stop in group.stops.all()] == ["EG"]
    assert group.agency_count == 6
    assert named == ["법제처", "국세청"]
    assert "4개 기관" in group.notes


def test_egypt_visit_follows_up_the_november_2025_mou(documents):
    trip = Trip.objects.get(ref="trip-2026-07-vm-kim")
    mou = trip.agreements.get()

    assert "디지털정부 협력센터" in mou.title_ko
    assert (mou.signed_on.year, mou.signed_on.month) == (2025, 11)
    assert mou.signed_on_precision == "month"
    assert mou.forums.get().title_ko == "한-이집트 디지털정부 공동협력포럼"


# --- the forum ----------------------------------------------------------------


def test_forum_when_where_and_who(documents):
    forum = Forum.objects.get(edition=6)
    organisers = [(o.organisation.name_ko, o.role) for o in forum.organisers.all()]
    mc = forum.people.get(role="mc")

    assert forum.title_ko == "제6회 정부혁신 미래전략 포럼"
    assert forum.series.name_ko == "정부혁신 미래전략 포럼"
    assert forum.date == date(2024, 11, 14)
    assert forum.date.strftime("%a") == "Thu"
    assert forum.starts_at == utc(2024, 11, 14, 6, 0)
    assert forum.ends_at == utc(2024, 11, 14, 8, 0)
    assert forum.starts_at.astimezone(forum.tz).time() == time(15, 0)
    assert (forum.venue.name_ko, forum.venue.city_ko, forum.rooms) == (
        "김대중컨벤션센터",
        "광주",
        "208~213호",
    )
    assert organisers == [
        ("행정안전부", ForumOrganiser.Role.HOST),
        ("한국행정연구원", ForumOrganiser.Role.CO_HOST),
    ]
    assert forum.linked_event == "2024 대한민국 정부 박람회"
    assert forum.theme_ko == "정부혁신을 위한 공공부문 AI 활용"
    assert forum.capacity == 200
    assert "사전신청" in forum.audience
    assert forum.livestream_url == "https://www.youtube.com/withyou3542"
    assert (forum.livestream_starts_at, forum.livestream_ends_at) == (
        forum.starts_at,
        forum.ends_at,
    )
    assert (mc.person.name_ko, mc.person.position_ko) == ("엄지선", "한국행정연구원 연구위원")


EXPECTED_AGENDA = [
    # start, end, minutes, item, 비고
    ("14:50", "15:00", 10, "사전환담", ""),
    ("15:00", "15:03", 3, "개회사", "한국행정 연구원장"),
    ("15:03", "15:06", 3, "환영사", "정부혁신국장"),
    ("15:06", "15:09", 3, "축사", "NIA 부원장"),
    ("15:09", "15:15", 6, "인사·소개 및 사진 촬영", ""),
    ("15:15", "15:45", 30, "발제", "발제자 2명"),
    ("15:45", "16:25", 40, "주제를토론", "토론자 6명"),
    ("16:25", "16:55", 30, "질의응답", "좌장"),
    ("16:55", "17:00", 5, "폐회", "사회자"),
]


def test_forum_agenda_has_the_nine_rows_as_printed(documents):
    forum = Forum.objects.get(edition=6)
    rows = [
        (
            s.starts_at.astimezone(forum.tz).strftime("%H:%M"),
            s.ends_at.astimezone(forum.tz).strftime("%H:%M"),
            s.minutes,
            s.title_ko,
            s.notes,
        )
        for s in forum.sessions.all()
    ]

    assert rows == EXPECTED_AGENDA
    assert forum.sessions.first().starts_at == forum.agenda_starts_at


def test_forum_agenda_rows_follow_each_other_without_gaps(documents):
    sessions = list(Session.objects.filter(forum__edition=6))

    for previous, following in zip(sessions, sessions[1:], strict=False):
        assert following.starts_at == previous.starts_at + timedelta(minutes=previous.minutes)
    assert sessions[-1].ends_at == Forum.objects.get(edition=6).ends_at


def test_forum_presentations_with_presenters_and_titles(documents):
    session = Session.objects.get(forum__edition=6, kind=Session.Kind.PRESENTATION)
    items = [(i.marker, i.title_ko, i.person.name_ko, i.printed_as) for i in session.items.all()]

    assert items == [
        (
            "①",
            "정부혁신을 위한 공공부문 AI 도입 추진 사례와 거버넌스",
            "조세현",
            "조세현 한국행정연구원 선임연구위원",
        ),
        (
            "②",
            "인공지능 전환(AI) 시대의 정부혁신 과제와 추진 방향",
            "정부만",
            "정부만 한국지능정보사회진흥원 디지털플랫폼정부 본부장",
        ),
    ]


def test_forum_discussion_moderator_and_five_named_panelists(documents):
    session = Session.objects.get(forum__edition=6, kind=Session.Kind.DISCUSSION)
    lines = [(p.role, p.person.name_ko, p.printed_as) for p in session.people.all()]

    assert lines == [
        ("moderator", "김영미", "김영미 상명대학교 행정학부 교수"),
        ("panelist", "박소아", "박소아 원장(오케스트라)"),
        ("panelist", "김준형", "김준형 교수(순천대학교)"),
        ("panelist", "김숙경", "김숙경 교수(카이스트)"),
        ("panelist", "김기병", "김기병 AI국장(경기도청)"),
        ("panelist", "공득조", "공득조 센터장(광주과학기술원)"),
    ]
    assert Person.objects.get(name_ko="박소아").organisation.name_ko == "오케스트로"
    assert Person.objects.get(name_ko="김영미").position_ko == "상명대학교 행정학부 교수"


def test_forum_unnamed_role_is_kept_as_a_role(documents):
    line = Session.objects.get(forum__edition=6, kind=Session.Kind.CONGRATULATORY).people.get()

    assert (line.person, line.organisation.acronym, line.printed_as) == (None, "NIA", "NIA 부원장")


def test_forum_discrepancies_are_recorded(documents):
    subjects = dict(
        DocumentNote.objects.filter(
            document__forums__edition=6, kind=DocumentNote.Kind.DISCREPANCY
        ).values_list("subject", "text")
    )

    assert "토론자 6명" in subjects["토론자 수"]
    assert "5명" in subjects["토론자 수"]
    assert "오케스트라" in subjects["오케스트로 / 오케스트라"]


# --- the agreement ------------------------------------------------------------


def test_uk_mou_parties_dates_and_validity(documents):
    mou = Agreement.objects.get(ref="agreement-kr-uk-digital-gov-mou-2023")

    assert sorted(p.name_ko for p in mou.parties.all()) == ["영국 내각부", "행정안전부"]
    assert mou.signed_on == date(2023, 11, 22)
    assert "런던" in mou.signed_place
    assert mou.in_force_from == mou.signed_on
    assert mou.validity_years == 5
    assert mou.valid_until == date(2028, 11, 21)
    assert "다우닝가 합의" in mou.summary


def test_uk_mou_month_reasoning_is_recorded(documents):
    note = DocumentNote.objects.get(ref="note-2023-11-month")

    assert "2023년 22일" in note.text
    assert "Downing Street Accord" in note.text


def test_uk_mou_cooperation_areas_and_follow_ups(documents):
    mou = Agreement.objects.get(ref="agreement-kr-uk-digital-gov-mou-2023")
    areas = " / ".join(a.name_ko for a in mou.areas.all())
    follow_ups = {f.kind: f for f in mou.follow_ups.all()}

    for area in (
        "인공지능 활용",
        "클라우드 신기술 도입",
        "최첨단 정보통신(IT)기술 도입",
        "국민 중심의 정보 서비스",
    ):
        assert area in areas
    assert set(follow_ups) == {"expert_exchange", "forum", "seminar", "roadmap"}
    assert {f.partner.name_en for f in follow_ups.values()} == {"Government Digital Service"}
    assert follow_ups["roadmap"].partner.parent.name_en == "Cabinet Office"
    assert "2024년 초" in follow_ups["roadmap"].due_text


# --- contacts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("document_ref", "department", "expected"),
    [
        (
            "doc-2026-07-vm-kim-visit",
            "인공지능정부협력과",
            [
                ("responsible", "과장", "최혜선", "044-205-2781"),
                ("desk", "사무관", "전창석", "044-205-2792"),
            ],
        ),
        (
            "doc-2024-11-forum6",
            "혁신기획과",
            [
                ("responsible", "과장", "고용조", "044-205-2201"),
                ("desk", "사무관", "구경배", "044-205-2211"),
            ],
        ),
    ],
)
def test_press_release_contacts(documents, document_ref, department, expected):
    contacts = Contact.objects.filter(document__ref=document_ref).order_by("-responsibility")

    assert {c.department.name_ko for c in contacts} == {department}
    assert [(c.responsibility, c.rank, c.person.name_ko, c.phone) for c in contacts] == expected


def test_contact_departments_sit_inside_the_ministry(documents):
    division = Organisation.objects.get(name_ko="인공지능정부협력과")

    assert division.parent.name_ko == "인공지능정부실"
    assert division.parent.parent.name_ko == "행정안전부"
