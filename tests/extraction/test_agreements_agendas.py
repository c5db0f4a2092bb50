# ruff: noqa: E501 -- the documents are prose: one sentence a line, as published
"""MOU facts (signed before, planned, parties in English, a signing day named by weekday),
agendas with a generic page title, parallel breakout sessions, surnames in run-of-show rows,
a news dateline city, a subject carried to `이어, …`. Documents written for these tests."""

from planner.extraction.draft import build

MOU_BEFORE = """장관, 캐나다 방문
2026-06-01 10:00
홍길동 행정안전부 장관이 3일부터 6일까지 캐나다를 방문한다.
4일에는 캐나다 국립연구원을 방문해 지난 3월에 체결된 AI 분야 MOU의 후속 사업을 논의한다.
"""


def test_agreement_signed_before_takes_the_date_before_its_verb():
    agreement = build(MOU_BEFORE)["agreements"][0]
    assert (agreement["status"], agreement["signed_on"]["value"]) == ("signed", "2026-03")


PLANNED = """서울시장, 파리 방문
Date2026.05.02 10:00
서울시는 시장이 5.10~5.14 프랑스 파리를 방문한다고 밝혔다.
또 파리 시장과 만나 기존 자매도시 관계를 확대하는 내용의 협정서를 맺는다.
"""


def test_agreement_to_be_made_is_planned():
    assert build(PLANNED)["agreements"][0]["status"] == "planned"


ENGLISH_MOU = """ date 2025-03-05 Korea, Canada sign MOU on digital government
SEOUL, March 5 (Yonhap) -- South Korea and Canada have signed a memorandum of understanding (MOU) on digital government, the ministry said Wednesday.
The agreement was signed between the two vice ministers in Ottawa on Monday (local time).
"""


def test_agreement_parties_in_english_and_a_weekday_before_the_dispatch():
    draft = build(ENGLISH_MOU)
    agreement = draft["agreements"][0]
    names = {o["ref"]: o["name_en"] for o in draft["organisations"]}
    assert [names[p] for p in agreement["parties"]] == ["South Korea", "Canada"]
    # The dispatch is dated Wednesday 5 March 2025: the Monday before is the 3rd.
    assert agreement["signed_on"]["value"] == "2025-03-03"


def test_agreement_weekday_without_a_dated_dispatch_stays_unknown():
    text = ENGLISH_MOU.replace(" date 2025-03-05 ", " ").replace("March 5", "today")
    assert build(text)["agreements"][0]["signed_on"] is None


AGENDA = """Draft Agenda
February 3, 2027
09:00 - 09:30
Opening of the Regional Digital Ministers Meeting
13:00 - 14:30
Breakout session 2a - Data and trust
Ministers will discuss data flows.
Breakout Session 2b - Skills for the public sector
14:30 - 15:00
Closing remarks
"""


def test_agenda_generic_title_and_parallel_breakouts():
    event = build(AGENDA)["events"][0]
    assert (event["title_en"], event["kind"]) == ("Regional Digital Ministers Meeting", "meeting")
    rows = [(s["start"], s["end"], s["title"]) for s in event["sessions"]]
    assert ("13:00", "14:30", "Breakout Session 2b - Skills for the public sector") in rows
    assert ("13:00", "14:30", "Breakout session 2a - Data and trust") in rows


ADVISORY = """ date 2026-11-02 Leaders meet in Brussels
BRUSSELS - Leaders, led by Ursula Schmidt, open the summit. Secretary-General Marco Bellini will speak.

SCHEDULE:

0900GMT Schmidt arrives, welcomed by Bellini

0930GMT Bellini gives speech
"""


def test_advisory_dateline_city_and_surnames_in_rows():
    event = build(ADVISORY)["events"][0]
    assert (event["place"]["city"], event["place"]["country"]) == ("Brussels", None)
    first, second = event["sessions"]
    assert [p["as_written"] for p in first["people"]] == ["Ursula Schmidt", "Marco Bellini"]
    assert [p["as_written"] for p in second["people"]] == ["Marco Bellini"]


CARRIED = """한-아시아 행정협력단 파견
2025.10.20
행정안전부(장관 홍길동)는 ‘한-아시아 행정협력단’을 10.27.(월)부터 31.(금)까지 태국·라오스에 파견한다.
‘한-아시아 행정협력단’은 28일 태국 방콕에서 한-태국 행정협력포럼을 개최할 계획이다.
이어, 30일에는 라오스 비엔티안에서 내무부 차관이 참석한 가운데, 한-라오스 행정워크숍을 가질 예정이다.
"""


def test_subject_named_in_quotes_hosts_and_carries_to_the_next_sentence():
    draft = build(CARRIED)
    names = {o["ref"]: o["name_ko"] for o in draft["organisations"]}
    events = {e["title_ko"]: e for e in draft["events"]}
    assert set(events) == {"한-태국 행정협력포럼", "한-라오스 행정워크숍"}
    for event in events.values():
        assert [names[o["organisation"]] for o in event["organisers"]] == ["한-아시아 행정협력단"]
