from typing import Any

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from hearth.relationships.models import Member
from hearth.relationships.signals import member_left


@receiver(post_migrate)
def load_the_question_bank(sender: Any, app_config: Any = None, **kwargs: Any) -> None:
    """Every migrate (and test database set-up) brings the bank in line with content/."""
    if app_config is not None and app_config.label == "questions":
        from hearth.questions.bank import bank_sync

        bank_sync()


@receiver(member_left, sender=Member)
def reveal_what_no_longer_waits(sender: Any, member: Member, **kwargs: Any) -> None:
    """When someone leaves, prompts that waited only for them are revealed to the rest."""
    from hearth.questions.services import reveal_open_prompts

    reveal_open_prompts(member.relationship)
