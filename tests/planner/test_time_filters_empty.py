"""The time filters render nothing for nothing, never a 500: None, and the empty string
Django's templates pass for an unresolved variable (`make bench` crashed on it)."""

from planner.templatetags.planner_time import in_zone, local_date, local_time


def test_an_unresolved_template_variable_renders_empty():
    assert in_zone("", "Asia/Seoul") is None
    assert local_time("", "Asia/Seoul") == ""
    assert local_date("", "Asia/Seoul") is None
    assert local_time(None) == ""
