# ruff: noqa: E501 -- the documents are prose: one sentence a line, as published
"""Trip engagements told in prose: counterparts named by title, visits with a venue, names
read back from the engagement word, the order of countries, a caption before the lead.
Documents written for these tests."""

from planner.extraction.draft import build

TITLES = """한-아시아 행정협력단 파견
2025.10.20
행정안전부는 ‘한-아시아 행정협력단’을 10.27.(월)부터 31.(금)까지 태국·라오스에 파견한다.
협력단은 28일 태국 방콕에서 태국 내무부 차관, 경찰청장이 참석한 가운데 한-태국 행정협력포럼을 개최할 계획이다.
이어, 30일에는 라오스 비엔티안에서 국무조정실장(부총리급), 내무부장관 등 고위급과 면담을 갖는다.
"""


def _engagements(text):
    return build(text)["trips"][0]["engagements"]


def test_trip_counterparts_by_title_and_country_order():
    trip = build(TITLES)["trips"][0]
    assert [s["place"]["country"] for s in trip["stops"]] == ["TH", "LA"]
    forum, meeting = _engagements(TITLES)
    assert (forum["kind"], forum["date"]["value"], forum["place"]["country"]) == (
        "forum",
        "2025-10-28",
        "TH",
    )
    assert [c["as_written"] for c in forum["counterparts"]] == ["차관", "경찰청장"]
    assert (meeting["kind"], meeting["place"]["country"]) == ("meeting", "LA")
    assert [c["as_written"] for c in meeting["counterparts"]] == [
        "국무조정실장(부총리급)",
        "내무부장관",
    ]


VISITS = """홍길동 장관, 미국·캐나다 방문
2026-04-02 09:00
홍길동 행정안전부 장관이 4일부터 10일까지 캐나다와 미국을 순차로 방문한다.
5일에는 OECD 사회의 날 기념식에 참석할 예정이다.
8일에는 미 국립표준기술연구소(NIST)를 방문해 지난 2월에 체결된 MOU의 후속 사업을 논의하고 워싱턴 한국문화원 개소식에 참석한다.
미국 워싱턴에서는 제3차 한․미 행정협력위원회를 개최하는 등 협력 활동을 전개한다.
9일에는 제 3차 한․미 행정협력위원회를 개최해 협력방안을 모색할 예정이다.
"""


def test_trip_visit_venue_walked_names_and_one_engagement_per_name():
    trip = build(VISITS)["trips"][0]
    assert [s["place"]["country"] for s in trip["stops"]] == ["CA", "US"]
    by_title = {e["title"]: e for e in trip["engagements"]}
    # `사회의 날` holds no 회의: a ceremony, named from 기념식 back to the date.
    assert by_title["OECD 사회의 날 기념식"]["kind"] == "ceremony"
    visit = by_title["미 국립표준기술연구소(NIST) 방문"]
    assert (visit["kind"], visit["place"]["venue"], visit["date"]["value"]) == (
        "other",
        "미 국립표준기술연구소(NIST)",
        "2026-04-08",
    )
    assert by_title["워싱턴 한국문화원 개소식"]["date"]["value"] == "2026-04-08"
    # `지난 2월` looks back: 9일 stays in April, and the two mentions of the committee are one.
    committees = [e for e in trip["engagements"] if "행정협력위원회" in (e["title"] or "")]
    assert [e["date"]["value"] for e in committees] == ["2026-04-09"]


CAPTION = """[순방] 시장, 모스크바 방문
Date2026.07.03 17:10
김철수 부산시장은 2일 오전 모스크바 크렘린 박물관을 방문해 모스크바 부시장과 주요 문화계 인사들을 만나 부산 정책을 소개하는 자리를 가졌다
부산시는 김 시장이 7.1~7.7 러시아 모스크바·카잔을 방문한다고 밝혔다.
또 이반 페트로프 카잔 시장과 만나 협력 방안을 논의한다.
"""


def test_trip_caption_before_the_lead_and_met_shapes():
    engagements = _engagements(CAPTION)
    visit = engagements[0]
    assert (visit["kind"], visit["place"]["venue"], visit["place"]["city"]) == (
        "meeting",
        "크렘린 박물관",
        "모스크바",
    )
    assert [c["as_written"] for c in visit["counterparts"]][0] == "부시장"
    assert (engagements[-1]["kind"], engagements[-1]["title"]) == ("meeting", None)
