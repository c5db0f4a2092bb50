"""Template filters and tags over ``planner.time_display`` (the logic lives there)."""

from django import template

from planner.time_display import (
    clock_time,
    date_range,
    date_with_precision,
    day_offset_marker,
    fuzzy_date,
    fuzzy_span,
    in_zone,
    korean_date,
    local_and_seoul,
    local_date,
    local_time,
    minutes_label,
    plain_date,
    time_range,
    zone_abbr,
)

register = template.Library()

register.filter(in_zone)
register.filter(local_time)
register.filter(local_date)
register.filter(zone_abbr)
register.filter(day_offset_marker)
register.filter(korean_date)
register.filter(date_range)
register.filter(date_with_precision)
register.filter(plain_date)
register.simple_tag(time_range)
register.simple_tag(local_and_seoul)
register.filter(minutes_label)
register.simple_tag(fuzzy_date)
register.filter(clock_time)
register.simple_tag(fuzzy_span)
