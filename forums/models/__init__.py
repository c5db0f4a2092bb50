"""Forums, their run-of-show agenda and their attendees."""

from forums.models.agenda import (  # noqa: F401
    AgendaPart,
    Session,
    SessionItem,
    SessionItemPerson,
    SessionPerson,
)
from forums.models.attendees import AgendaVersion, Attendee  # noqa: F401
from forums.models.forum import Forum, ForumOrganiser, ForumPerson, ForumSeries  # noqa: F401
from forums.models.live import LiveLogEntry  # noqa: F401
