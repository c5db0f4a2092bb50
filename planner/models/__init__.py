"""The shared core: who, where, which document said so, and what was agreed."""

from planner.models.agreements import (  # noqa: F401
    Agreement,
    CooperationArea,
    FollowUp,
)
from planner.models.base import (  # noqa: F401
    FLOATING,
    DatePrecision,
    RefQuerySet,
    Role,
    RoleLine,
    SequencedModel,
    SourcedModel,
    TimeStampedModel,
    fuzzy_date,
    place_timezone_constraint,
    place_timezone_field,
    timezone_field,
    valid_timezone_constraint,
)
from planner.models.calendar import CalendarFeed  # noqa: F401
from planner.models.concurrency import (  # noqa: F401
    RevisionedModel,
    StaleEditError,
    delete_if_current,
    save_if_current,
)
from planner.models.directory import (  # noqa: F401
    Organisation,
    Person,
    Venue,
)
from planner.models.documents import (  # noqa: F401
    Contact,
    DocumentNote,
    SourceDocument,
)
from planner.models.fragments import CalendarFragment  # noqa: F401
from planner.models.local_time import LocalTimeModel  # noqa: F401
from planner.models.reviews import DraftReview  # noqa: F401
from planner.models.tombstones import CalendarTombstone  # noqa: F401
