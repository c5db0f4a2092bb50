"""Clock times, ranges, stated minutes and zones."""

from planner.extraction.times import find_times


def _times(text):
    return [(t.start, t.end, t.minutes, t.zone) for t in find_times(text)]


def test_times_colon_range_with_tilde():
    assert _times("13:30~15:10") == [("13:30", "15:10", None, None)]


def test_times_range_with_prime_minutes():
    assert _times("09:40~09:50 10'") == [("09:40", "09:50", 10, None)]


def test_times_dotted_range_with_dash():
    assert _times("10.00 - 10.20") == [("10:00", "10:20", None, None)]


def test_times_compact_gmt():
    assert _times("1415GMT arrives") == [("14:15", None, None, "Etc/GMT")]


def test_times_compact_gmt_range():
    assert _times("1100-1130GMT") == [("11:00", "11:30", None, "Etc/GMT")]


def test_times_minutes_in_parentheses_with_wave_dash():
    assert _times("11:00∼ 11:45(45분)") == [("11:00", "11:45", 45, None)]


def test_times_en_dash_range():
    assert _times("08:00–08:45") == [("08:00", "08:45", None, None)]


def test_times_korean_hours():
    assert _times("14시부터 16시까지") == [("14:00", "16:00", None, None)]


def test_times_spaced_colon_minutes_and_hour_only():
    assert _times("제례 09 : 40분 본당 ㆍ기념식 11시") == [
        ("09:40", None, None, None),
        ("11:00", None, None, None),
    ]


def test_times_zone_cet():
    assert _times("10:00 - 11:00 CET") == [("10:00", "11:00", None, "CET")]


def test_times_date_glued_to_time():
    assert _times("March 3, 202109:15 - 09:30") == [("09:15", "09:30", None, None)]
