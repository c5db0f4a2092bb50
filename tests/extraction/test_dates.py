"""Dates as written, the year the text allows, and no year where it allows none."""

from planner.extraction.dates import find_dates
from planner.extraction.draft import Resolver


def _found(text):
    return [(m.as_written, m.year, m.month, m.day, m.weekday) for m in find_dates(text)]


def _values(text):
    return [(m.as_written, m.value, m.precision) for m in Resolver(text).mentions]


def test_dates_korean_month_day_weekday():
    assert _found("회의는 9월 3일(화)에 열린다") == [("9월 3일(화)", None, 9, 3, "화")]


def test_dates_dotted_full_with_weekday():
    assert _found("2025.03.18.(화) 10:00") == [("2025.03.18.(화)", 2025, 3, 18, "화")]


def test_dates_spaced_dotted_full():
    assert _found("일시: 2027. 5. 9.(일)") == [("2027. 5. 9.(일)", 2027, 5, 9, "일")]


def test_dates_range_end_without_month_takes_the_month():
    text = "2025.04.30 공지\n출장은 5.12.(월) ~ 16.(금) 이다."
    assert _values(text)[1:] == [
        ("5.12.(월)", "2025-05-12", "day"),
        ("16.(금)", "2025-05-16", "day"),
    ]


def test_dates_from_until_range():
    found = find_dates("3.4.(화)부터 7.(토)까지")
    assert [(m.as_written, "ends" in m.notes) for m in found] == [
        ("3.4.(화)", False),
        ("7.(토)", True),
    ]


def test_dates_day_range_without_month_stays_null():
    assert _values("협력단은 3~5일 파견된다.") == [("3~5일", None, "day"), ("3~5일", None, "day")]


def test_dates_past_month_is_a_month():
    text = "2023.06.01 게시. 지난 3월 체결한 약정"
    assert _values(text)[1] == ("3월", "2023-03", "month")


def test_dates_two_digit_year():
    assert _found("’25년 4월 개소") == [("’25년 4월", 2025, 4, None, None)]


def test_dates_english_day_month_year_with_weekday():
    assert _found("Friday 12 March 2027") == [("Friday 12 March 2027", 2027, 3, 12, "Friday")]


def test_dates_english_month_day_year():
    assert _found("on March 3, 2021") == [("March 3, 2021", 2021, 3, 3, None)]


def test_dates_year_from_board_date():
    text = "2019.04.02\n대표단은 4.8.(월)부터 12.(금)까지 방문한다."
    assert _values(text)[1:] == [
        ("4.8.(월)", "2019-04-08", "day"),
        ("12.(금)", "2019-04-12", "day"),
    ]


def test_dates_weekday_alone_never_picks_a_year():
    assert _values("장관은 6.3.(월) 출국한다.") == [("6.3.(월)", None, "day")]


def test_dates_last_year_month_pins_the_year():
    text = "작년 5월 회담(2015.5.20.)에 이어 3.8(화) 회담한다."
    assert _values(text)[-1] == ("3.8(화)", "2016-03-08", "day")


def test_dates_anniversary_pins_the_year_with_the_weekday():
    text = "2014년 설립된 센터의 10주년 행사가 5월 14일(화) 열린다."
    assert _values(text)[-1] == ("5월 14일(화)", "2024-05-14", "day")


def test_dates_weekday_mismatch_is_noted():
    mention = Resolver("2024.03.01\n행사는 3월 5일(수) 열린다.").mentions[1]
    assert (mention.value, any("요일 불일치" in n for n in mention.notes)) == ("2024-03-05", True)


def test_dates_nights_and_days_are_not_dates():
    assert [m.as_written for m in find_dates("3박 5일 일정")] == []


def test_dates_year_from_the_title_only_with_a_fitting_weekday():
    text = "2027 Partners Meeting\nAgenda\nWednesday, June 9th\nMonday, June 9th\n"
    assert [m.value for m in Resolver(text).mentions] == ["2027-06-09", None]
