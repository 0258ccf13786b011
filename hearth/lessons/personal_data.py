"""Which lessons a person opened: theirs, so it goes with them."""

from hearth.lessons.models import LessonRead
from hearth.personal_data import Erasure, declare

declare(
    LessonRead,
    what="The lessons you opened",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="lessons_read",
    fields={"lesson": "lesson_key", "read_at": "read_at"},
)
