from django.utils import timezone

from hearth.accounts.models import User
from hearth.lessons.models import LessonRead


def lesson_read(*, user: User, key: str) -> LessonRead:
    """Remember a lesson was opened (the latest time), so what comes next can be new."""
    read, _ = LessonRead.objects.update_or_create(
        user=user, lesson_key=key, defaults={"read_at": timezone.now()}
    )
    return read
