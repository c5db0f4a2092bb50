# ruff: noqa: E501 -- the documents are prose: one sentence a line, as published
"""Events told only in prose, contacts under a 연락처 heading, a weekday that refutes the
page's year. Documents written for these tests."""

from planner.extraction.draft import build

INBOUND_SIGNING = """한국-몽골, 지방행정 협력 강화
2025-03-12 10:00
행정안전부는 12일 오후 정부세종청사에서 '대한민국 행정안전부와 몽골 내각사무처 간 지방행정 협력 업무협약(MOU) 서명식'을 개최했다.
이번 서명식은 몽골 내각사무처 장관이 방한한 것을 계기로 이뤄졌다. 자리에는 양측 관계자 12명이 참석했다.
"""


def test_prose_quoted_title_held_with_venue_host_and_attendance():
    draft = build(INBOUND_SIGNING)
    event = draft["events"][0]
    names = {o["ref"]: o["name_ko"] for o in draft["organisations"]}
    assert (event["title_ko"], event["kind"], event["start"]["value"]) == (
        "대한민국 행정안전부와 몽골 내각사무처 간 지방행정 협력 업무협약(MOU) 서명식",
        "ceremony",
        "2025-03-12",
    )
    assert (event["place"]["venue"], event["place"]["country"]) == ("정부세종청사", "KR")
    assert [names[o["organisation"]] for o in event["organisers"]] == ["행정안전부"]
    assert event["attendance"]["expected"] == 12


INVITATION = """보도자료
배포일시 2027. 5. 3. (월) 담당부서 국제협력관실
담당자 홍길동 국제교류과장(02-2100-1234)

□ 외교부는 5.3.(월)~5.7.(금) 간 해외 6개국의 재난 관계자들(6명)을 대상으로「2027년도 제2차 재난관계자 초청연수」를 실시한다.
"""


def test_prose_bracketed_title_range_edition_and_stated_department():
    draft = build(INVITATION)
    event = draft["events"][0]
    assert (event["title_ko"], event["edition"]["number"], event["kind"]) == (
        "2027년도 제2차 재난관계자 초청연수",
        2,
        "other",
    )
    assert (event["start"]["value"], event["end"]["value"]) == ("2027-05-03", "2027-05-07")
    assert event["attendance"]["expected"] == 6
    contact = draft["contacts"][0]
    assert (contact["department"], contact["position"], contact["name"]) == (
        "국제협력관실",
        "국제교류과장",
        "홍길동",
    )


NO_YEAR_TALKS = """한·태 외교장관 회담 개최
김철수 외교부장관은 태국 외교장관과 3.4(목) 오전 한·태 외교장관 회담을 가질 예정이다.
태국 장관의 금번 방한은 작년 5월 취임 이후 첫 방한이다.
- 2020.5.20 김철수 장관 방태 외교장관 회담
연락처
외교부 동남아과
2100-7400
"""


def test_prose_unquoted_title_and_year_from_weekday_and_text():
    draft = build(NO_YEAR_TALKS)
    event = draft["events"][0]
    # 2020 (the list item) makes 3.4 a Wednesday; `작년 5월` beside 2020.5.20 gives 2021,
    # where 3.4 is a Thursday as stated.
    assert (event["title_ko"], event["kind"], event["start"]["value"]) == (
        "한·태 외교장관 회담",
        "meeting",
        "2021-03-04",
    )
    assert event["place"]["country"] == "KR"
    assert [(c["department"], c["phone"]) for c in draft["contacts"]] == [
        ("외교부 동남아과", "2100-7400")
    ]


def test_prose_weekday_fitting_no_implied_year_is_not_guessed():
    text = NO_YEAR_TALKS.replace("태국 장관의 금번 방한은 작년 5월 취임 이후 첫 방한이다.\n", "")
    event = build(text)["events"][0]
    assert event["start"]["value"] != "2021-03-04"


ENGLISH = """Press Releases

Mar 02,2026

SEOUL, MARCH 2, 2026 – The Ministry announced that the 3rd Asia Digital Government Forum is taking place in Busan from March 10th (Tuesday) to March 11th (Wednesday).

This year's forum is hosted by Korea.

On March 10, Minister Kim Min-jun met with Secretary-General Ana Silva to discuss cooperation.
"""


def test_prose_english_held_sentence_and_met_with():
    draft = build(ENGLISH)
    forum, meeting = draft["events"]
    names = {o["ref"]: o["name_en"] for o in draft["organisations"]}
    assert (forum["title_en"], forum["kind"], forum["edition"]["number"]) == (
        "3rd Asia Digital Government Forum",
        "forum",
        3,
    )
    assert (forum["start"]["value"], forum["end"]["value"]) == ("2026-03-10", "2026-03-11")
    assert (forum["place"]["country"], forum["place"]["timezone"]) == ("KR", "Asia/Seoul")
    assert [names[o["organisation"]] for o in forum["organisers"]] == ["Korea"]
    assert (meeting["title_en"], meeting["kind"], meeting["start"]["value"]) == (
        "Minister Kim Min-jun met with Secretary-General Ana Silva",
        "meeting",
        "2026-03-10",
    )
