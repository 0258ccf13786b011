"""What happens elsewhere in Hearth becomes a notification for whoever it waits for. Nothing
anyone wrote goes into one; a felt-understood rating tells nobody, as it is private to the
person who gave it."""

from typing import Any

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse

from hearth.accounts.models import User
from hearth.checkins.models import RelationshipCheckIn
from hearth.checkins.signals import support_shared
from hearth.gratitude.models import Appreciation
from hearth.gratitude.signals import appreciation_sent
from hearth.notifications.models import Notification
from hearth.notifications.services import (
    SIGNED_IN_DEVICE,
    notifications_read,
    notify,
    push_subscription_forget,
)
from hearth.practices.models import Plan
from hearth.practices.signals import plan_made
from hearth.questions.models import Answer, Prompt, Response
from hearth.questions.signals import answer_given, prompt_revealed, response_given
from hearth.relationships.models import Member
from hearth.relationships.signals import member_joined
from hearth.reviews.models import ReviewContribution
from hearth.reviews.signals import review_added_to

Kind = Notification.Kind


def current_members(relationship_id: int) -> list[Member]:
    return list(
        Member.objects.current().filter(relationship_id=relationship_id).select_related("user")
    )


@receiver(answer_given, sender=Answer)
def your_turn(sender: Any, answer: Answer, **kwargs: Any) -> None:
    """Someone answered: each member who hasn't yet hears it's their turn (once a prompt), and
    whatever waited for the one who answered (their turn, a nudge) is done."""
    prompt = answer.prompt
    if answer.member.user is not None:
        notifications_read(user=answer.member.user, url=prompt.get_absolute_url())
    if prompt.is_revealed:
        return
    answered = set(prompt.answers.values_list("member_id", flat=True))
    notify(
        recipients=[
            m.user for m in current_members(prompt.relationship_id) if m.pk not in answered
        ],
        kind=Kind.YOUR_TURN,
        key=f"your_turn:{prompt.pk}",
        url=prompt.get_absolute_url(),
        relationship=prompt.relationship,
        actor=answer.member,
    )


@receiver(prompt_revealed, sender=Prompt)
def answers_open(sender: Any, prompt: Prompt, by: Member | None = None, **kwargs: Any) -> None:
    """Everyone who answered may now read the others; the one whose answer opened it sees so."""
    answered = set(prompt.answers.values_list("member_id", flat=True))
    notify(
        recipients=[
            m.user
            for m in current_members(prompt.relationship_id)
            if m.pk in answered and (by is None or m.pk != by.pk)
        ],
        kind=Kind.REVEALED,
        key=f"revealed:{prompt.pk}",
        url=prompt.get_absolute_url(),
        relationship=prompt.relationship,
        actor=by,
    )


@receiver(response_given, sender=Response)
def responded(sender: Any, response: Response, **kwargs: Any) -> None:
    """The person who shared hears that someone responded; so does the one replied to."""
    answer = response.answer
    told = {answer.member_id}
    if response.parent_id is not None and response.parent is not None:
        told.add(response.parent.member_id)
    told.discard(response.member_id)
    recipients = Member.objects.current().filter(pk__in=told).select_related("user")
    for member in recipients:
        notify(
            recipients=[member.user],
            kind=Kind.RESPONSE,
            key=f"response:{answer.pk}",
            url=f"{answer.prompt.get_absolute_url()}#answer-{answer.pk}",
            relationship=answer.prompt.relationship,
            actor=response.member,
            again=True,
        )


@receiver(member_joined, sender=Member)
def joined(sender: Any, member: Member, **kwargs: Any) -> None:
    notify(
        recipients=[m.user for m in current_members(member.relationship_id) if m.pk != member.pk],
        kind=Kind.JOINED,
        key=f"joined:{member.pk}",
        url=reverse("relationships:detail", args=[member.relationship_id]),
        relationship=member.relationship,
        actor=member,
    )


@receiver(support_shared, sender=RelationshipCheckIn)
def could_use_support(sender: Any, entry: RelationshipCheckIn, **kwargs: Any) -> None:
    """Only the relationships the person chose to tell hear it."""
    member = entry.member
    notify(
        recipients=[m.user for m in current_members(member.relationship_id) if m.pk != member.pk],
        kind=Kind.SUPPORT,
        key=f"support:{member.pk}:{entry.checkin.date.isoformat()}",
        url=reverse("questions:today", args=[member.relationship_id]),
        relationship=member.relationship,
        actor=member,
    )


@receiver(appreciation_sent, sender=Appreciation)
def thanked(sender: Any, appreciation: Appreciation, **kwargs: Any) -> None:
    """Only the person thanked hears of it; what was written stays in the app."""
    notify(
        recipients=[appreciation.recipient.user],
        kind=Kind.APPRECIATION,
        key=f"appreciation:{appreciation.pk}",
        url=reverse("gratitude:page", args=[appreciation.relationship_id])
        + f"#appreciation-{appreciation.pk}",
        relationship=appreciation.relationship,
        actor=appreciation.sender,
    )


@receiver(plan_made, sender=Plan)
def planned(sender: Any, plan: Plan, **kwargs: Any) -> None:
    notify(
        recipients=[
            m.user for m in current_members(plan.relationship_id) if m.pk != plan.planned_by_id
        ],
        kind=Kind.PLANNED,
        key=f"planned:{plan.pk}",
        url=reverse("practices:plan", args=[plan.relationship_id, plan.pk]),
        relationship=plan.relationship,
        actor=plan.planned_by,
    )


@receiver(review_added_to, sender=ReviewContribution)
def reviewed(sender: Any, contribution: ReviewContribution, **kwargs: Any) -> None:
    """The others hear once a week that the review has begun, freshened as more add to it."""
    review = contribution.review
    notify(
        recipients=[
            m.user
            for m in current_members(review.relationship_id)
            if m.pk != contribution.member_id
        ],
        kind=Kind.REVIEW,
        key=f"review:{review.pk}",
        url=reverse("reviews:week", args=[review.relationship_id]),
        relationship=review.relationship,
        actor=contribution.member,
    )


@receiver(user_logged_out)
def signed_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    """Signing out on a device that was turned on here stops its notifications, so a shared
    device doesn't go on showing the last person's."""
    endpoint = request.session.get(SIGNED_IN_DEVICE) if request is not None else None
    if user is not None and endpoint:
        push_subscription_forget(user=user, endpoint=endpoint)
