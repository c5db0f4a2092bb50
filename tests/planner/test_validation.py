"""full_clean() keeps every rule while reading less (planner.models.validation)."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import CheckConstraint

from itineraries.models import Engagement
from tests import factories as f

pytestmark = pytest.mark.django_db

NINE = datetime(2026, 7, 10, 7, 0, tzinfo=UTC)
TEN = datetime(2026, 7, 10, 8, 0, tzinfo=UTC)


def djangos_own_errors(instance, exclude=None) -> list[str]:
    """What Django's per-constraint validation says about the same instance."""
    messages = []
    for constraint in type(instance)._meta.constraints:
        if isinstance(constraint, CheckConstraint):
            try:
                constraint.validate(type(instance), instance, exclude=exclude)
            except ValidationError as error:
                messages.extend(error.messages)
    return messages


def constraint_errors(instance, exclude=None) -> list[str]:
    try:
        instance.validate_constraints(exclude=exclude)
    except ValidationError as error:
        return error.message_dict[NON_FIELD_ERRORS]
    return []


def unsaved_change(**values) -> Engagement:
    """A saved engagement with new values set (save() would derive them again)."""
    engagement = f.EngagementFactory()
    for name, value in values.items():
        setattr(engagement, name, value)
    return engagement


def test_check_constraints_report_what_djangos_own_validation_reports():
    engagement = f.EngagementFactory()
    # An end without a start time, and an end that is not after the start.
    engagement.starts_at = engagement.ends_at = TEN
    engagement.start_time, engagement.end_time = None, TEN.time()

    errors = constraint_errors(engagement)

    assert errors == djangos_own_errors(engagement)
    assert len(errors) == 2


def test_check_constraints_are_asked_in_one_query(django_assert_num_queries):
    engagement = unsaved_change(starts_at=TEN, ends_at=NINE)

    # The test runs in a transaction: the query is wrapped in a savepoint (3 statements).
    with django_assert_num_queries(3):
        errors = constraint_errors(engagement)

    assert errors == djangos_own_errors(engagement)
    assert errors


def test_a_constraint_on_an_excluded_field_is_skipped_as_django_does():
    engagement = unsaved_change(starts_at=TEN, ends_at=NINE)

    assert constraint_errors(engagement, exclude={"ends_at"}) == []
    assert djangos_own_errors(engagement, exclude={"ends_at"}) == []


def test_valid_values_pass():
    engagement = unsaved_change(starts_at=NINE, ends_at=TEN)

    assert constraint_errors(engagement) == []


def test_a_loaded_relation_is_not_looked_up_again(django_assert_num_queries):
    created = f.EngagementFactory(host=f.OrganisationFactory())
    engagement = Engagement.objects.select_related("trip", "stop", "host").get(pk=created.pk)

    with django_assert_num_queries(0):
        engagement.clean_fields()


def test_a_key_to_a_missing_row_is_still_refused():
    engagement = f.EngagementFactory()
    engagement.stop_id = 10**6  # the loaded stop no longer matches the key

    with pytest.raises(ValidationError) as raised:
        engagement.clean_fields()

    assert list(raised.value.message_dict) == ["stop"]


def test_a_relation_set_to_an_unsaved_row_is_looked_up():
    engagement = f.EngagementFactory()
    engagement.host = f.OrganisationFactory.build(pk=10**6)

    with pytest.raises(ValidationError) as raised:
        engagement.clean_fields()

    assert list(raised.value.message_dict) == ["host"]
