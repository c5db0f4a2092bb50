"""Programme tables in the shapes announcements use, and orders of ceremony."""

from planner.extraction.draft import build


def _sessions(text):
    event = build(text)["events"][0]
    return [(s["start"], s["end"], s["minutes"], s["title"]) for s in event["sessions"]]


def test_tables_tab_separated_with_minutes_and_remarks():
    text = (
        "□ 세부 일정\n\n시간\t주요 내용\t비고\n"
        "10:00~10:05 5'\t▶ 개회사\t협회장\n"
        "10:05~10:45 40'\t▶ 토론 - 좌장: 박서준 한빛대학교 교수\t\n"
    )
    event = build(text)["events"][0]
    assert _sessions(text) == [("10:00", "10:05", 5, "개회사"), ("10:05", "10:45", 40, "토론")]
    assert [p["as_written"] for s in event["sessions"] for p in s["people"]] == [
        "협회장",
        "좌장: 박서준 한빛대학교 교수",
    ]


def test_tables_pipe_rows_time_in_second_column():
    text = (
        "| 프로그램 | 시간 | 내용 |\n|---|---|---|\n"
        "| 입장 | 13:00 ~ 13:10 | 내빈 입장 |\n| 공연 | 13:10 ~ 13:30 | 축하 공연 |\n"
        "| 퇴장 | 13:30 | 퇴장 |\n"
    )
    assert _sessions(text) == [
        ("13:00", "13:10", None, "입장"),
        ("13:10", "13:30", None, "공연"),
        ("13:30", None, None, "퇴장"),
    ]


def test_tables_one_cell_per_line_english_agenda():
    text = "Agenda\nMay 4, 2026\n09:00 - 09:20\nWelcome remarks\n09:20 - 10:30\nPanel on data\n"
    assert _sessions(text) == [
        ("09:00", "09:20", None, "Welcome remarks"),
        ("09:20", "10:30", None, "Panel on data"),
    ]


def test_tables_day_markers_give_each_row_its_day():
    text = (
        "시간 | 일정 | 장 소 |\n1 일 차 |\n14:00~15:00 | 입소 | 본관 |\n"
        "2 일 차 |\n09:00~10:00 | 수료 | 강당 |\n"
    )
    event = build(text)["events"][0]
    assert [(s["day"]["as_written"], s["title"], s["room"]) for s in event["sessions"]] == [
        ("1 일 차", "입소", "본관"),
        ("2 일 차", "수료", "강당"),
    ]


def test_tables_sub_items_with_presenters():
    text = (
        "시간\t내용\n11:00~11:30\t▶ 발제 ① 데이터 전략 - 한지민 미래연구원 연구위원 "
        "② 인공지능 행정\n"
    )
    session = build(text)["events"][0]["sessions"][0]
    assert [i["title"] for i in session["items"]] == ["데이터 전략", "인공지능 행정"]
    assert session["people"] == [{"role": "presenter", "as_written": "한지민 미래연구원 연구위원"}]


def test_tables_order_of_ceremony_with_parts_and_start_times():
    text = (
        "1. 일 시 : 2026년 6월 6일(토) 10:00~11:30\nㆍ추념식 10 : 00분 본관 ㆍ헌화 11시 광장\n"
        "2. 식 순 가. 제1부 (추념식) ◆ 개식(홍길동 사무국장) ◆ 국민의례 ◆ 추념사 "
        "나. 제2부 (헌화) ◆ 헌화 ◆ 폐식 |\n"
    )
    event = build(text)["events"][0]
    assert [(p["title"], p["start"]) for p in event["parts"]] == [
        ("제1부 (추념식)", "10:00"),
        ("제2부 (헌화)", "11:00"),
    ]
    assert [(s["title"], s["part"], s["room"]) for s in event["sessions"]] == [
        ("개식", "제1부 (추념식)", "본관"),
        ("국민의례", "제1부 (추념식)", "본관"),
        ("추념사", "제1부 (추념식)", "본관"),
        ("헌화", "제2부 (헌화)", "광장"),
        ("폐식", "제2부 (헌화)", "광장"),
    ]


def test_tables_gmt_rows_set_the_zone():
    text = "SCHEDULE:\n\n0900GMT Minister arrives\n\n0915-1000GMT Opening panel\n"
    event = build(text)["events"][0]
    assert (_sessions(text), event["place"]["timezone"]) == (
        [("09:00", None, None, "Minister arrives"), ("09:15", "10:00", None, "Opening panel")],
        "Etc/GMT",
    )


def test_places_trip_stops_zones_and_airport():
    text = (
        "2026.05.02\n김하준 차관은 5.11.(월)부터 14.(목)까지 세르비아와 미국을 방문한다. "
        "차관은 베오그라드에서 장관을 면담한다. 대표단은 덜레스 공항(IAD)으로 입국한다."
    )
    stops = build(text)["trips"][0]["stops"]
    assert [
        (
            s["place"]["country"],
            s["place"]["city"],
            s["place"]["timezone"],
            s["place"].get("airport"),
        )
        for s in stops
    ] == [("RS", "베오그라드", "Europe/Belgrade", None), ("US", None, None, "IAD")]


def test_tables_english_speaker_lines_under_a_row():
    text = (
        "Agenda\n09:00 - 09:30\nOpening remarks\nMaria Lopez, Director, Example Agency\n"
        "09:30 - 10:00\nPanel\n1. Tom Baker, Ministry of Testing, Ruritania\n"
    )
    event = build(text)["events"][0]
    assert [[p["as_written"] for p in s["people"]] for s in event["sessions"]] == [
        ["Maria Lopez, Director, Example Agency"],
        ["Tom Baker, Ministry of Testing, Ruritania"],
    ]


def test_events_english_lead_sentence_gives_date_host_and_place():
    text = (
        "2027 Donors Meeting\n\nThe meeting was hosted by the Ministry of Examples on "
        "Wednesday, June 9th, in Vienna at the Example House.\n\n"
        "09:00 - 09:30\nWelcome\n09:30 - 10:30\nResults\n"
    )
    draft = build(text)
    event = draft["events"][0]
    assert (
        event["start"]["value"],
        event["place"]["city"],
        event["place"]["venue"],
        event["place"]["timezone"],
        draft["organisations"][0]["name_en"],
    ) == ("2027-06-09", "Vienna", "Example House", "Europe/Vienna", "Ministry of Examples")
