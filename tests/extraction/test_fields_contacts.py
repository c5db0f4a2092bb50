"""Labelled lines, organisers, attendance, livestream, contacts blocks."""

from planner.extraction.contacts import find_contacts
from planner.extraction.draft import build

ANNOUNCEMENT = """'제3회 미래행정 포럼' 개최

□ 포럼 개요
- (일시) 2026.9.17.(목) 14:00~16:00
- (장소) 부산 벡스코 컨벤션홀 301호
- (주제) 데이터로 일하는 정부
- (주최) 미래행정부, 한빛연구원 공동 주최
- (참석) 공무원 등 150명 내외
포럼은 유튜브(www.youtube.com/futuregov)로 생중계된다.
"""


def test_fields_event_from_labelled_lines():
    event = build(ANNOUNCEMENT)["events"][0]
    assert (
        event["title_ko"],
        event["edition"]["number"],
        event["start"]["value"],
        event["start_time"],
        event["end_time"],
    ) == ("제3회 미래행정 포럼", 3, "2026-09-17", "14:00", "16:00")
    assert (
        event["place"]["city"],
        event["place"]["venue"],
        event["rooms"],
        event["place"]["timezone"],
    ) == ("부산", "벡스코 컨벤션홀", ["301호"], "Asia/Seoul")


def test_fields_organisers_attendance_livestream():
    draft = build(ANNOUNCEMENT)
    event = draft["events"][0]
    names = {o["ref"]: o["name_ko"] for o in draft["organisations"]}
    assert [(names[o["organisation"]], o["role"]) for o in event["organisers"]] == [
        ("미래행정부", "host"),
        ("한빛연구원", "co_host"),
    ]
    assert (
        event["attendance"]["expected"],
        event["attendance"]["approximate"],
        event["livestream"],
    ) == (150, True, "https://www.youtube.com/futuregov")


def test_contacts_block_tab_separated():
    text = (
        "담당 부서\t기획조정실 혁신행정과\t책임자\t과 장\t이도윤 (044-205-1000)\n"
        "\t\t담당자\t사무관\t정하늘 (044-205-1001)\n"
    )
    assert [
        (c["department"], c["role"], c["position"], c["name"], c["phone"])
        for c in find_contacts(text)
    ] == [
        ("기획조정실 혁신행정과", "responsible", "과장", "이도윤", "044-205-1000"),
        ("기획조정실 혁신행정과", "desk", "사무관", "정하늘", "044-205-1001"),
    ]


def test_contacts_block_flattened_on_one_line():
    text = (
        "담당 부서 국제협력과 책임자 과장 문서진 (02-2100-7000) 담당자 주무관 나은비 (02-2100-7001)"
    )
    assert [(c["role"], c["name"], c["phone"]) for c in find_contacts(text)] == [
        ("responsible", "문서진", "02-2100-7000"),
        ("desk", "나은비", "02-2100-7001"),
    ]


def test_contacts_inline_desk_in_parentheses():
    text = "관련문의 대전광역시 총무과 (담당자:오세린 042-270-1234)"
    assert [(c["department"], c["role"], c["name"], c["phone"]) for c in find_contacts(text)] == [
        ("총무과", "desk", "오세린", "042-270-1234")
    ]


def test_agreement_in_force_on_signature_with_validity():
    text = (
        "2025.06.02\n미래행정부는 2일 포르투갈 행정부와 ‘디지털 협력 양해각서’를 체결했다. "
        "양해각서는 서명 즉시 발효되며 3년간 유효하다."
    )
    agreement = build(text)["agreements"][0]
    assert (
        agreement["status"],
        agreement["signed_on"]["value"],
        agreement["in_force_from"]["value"],
        agreement["validity"]["years"],
    ) == ("in_force", "2025-06-02", "2025-06-02", 3)
