"""Deleting an account for real: the person's words go; everyone else's stay."""

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.questions.models import Answer, Guess, Question, Response
from hearth.relationships.models import Member
from hearth.relationships.services import member_leave

REMOVED_QUESTION = "A question from someone who has since left Hearth."


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Leave every relationship (so the others see a member left), erase what the person wrote,
    then delete the account. Others' answers and replies, even under the person's answers, stay."""
    for member in Member.objects.current().filter(user=user):
        member_leave(member=member)
    members = Member.objects.filter(user=user)
    Response.objects.filter(member__in=members).delete()
    Guess.objects.filter(guesser__in=members).delete()
    Guess.objects.filter(about__in=members).delete()
    # The answer row stays as a placeholder so replies to it keep their place; the words go.
    Answer.objects.filter(member__in=members).update(
        text="", choice=None, felt_understood=None, rated_at=None, removed_at=timezone.now()
    )
    written = Question.objects.filter(author=user)
    written.filter(prompts__isnull=True).delete()
    written.update(text=REMOVED_QUESTION, choices=[], author=None)
    # Member rows lose their link to the account (on_delete=SET_NULL); the rest cascades.
    user.delete()
