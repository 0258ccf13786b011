"""Reminders follow what happens elsewhere: someone joins or leaves, a relationship is started,
archived or reopened, a person changes their time zone or quiet hours, a practice is planned."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hearth.accounts.models import User
from hearth.notifications.models import DeliveryPreferences
from hearth.practices.models import Plan
from hearth.practices.signals import plan_made
from hearth.relationships.models import Member, Relationship
from hearth.relationships.signals import member_joined, member_left
from hearth.reminders.firing import follow_members, follow_person
from hearth.reminders.plans import plan_reminder_queue


@receiver(member_joined, sender=Member)
@receiver(member_left, sender=Member)
def membership_changed(sender: Any, member: Member, **kwargs: Any) -> None:
    """A new member gets the default reminder; one who left gets no more."""
    follow_members([member])


@receiver(post_save, sender=Relationship)
def relationship_saved(sender: Any, instance: Relationship, **kwargs: Any) -> None:
    """Started (its founder joins in the same transaction, hence after commit), archived or
    reopened: its members' reminders start, pause or resume."""
    transaction.on_commit(
        lambda: follow_members(Member.objects.current().filter(relationship_id=instance.pk))
    )


@receiver(post_save, sender=User)
def person_saved(sender: Any, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is None or "time_zone" in update_fields:
        follow_person(instance)


@receiver(post_save, sender=DeliveryPreferences)
def quiet_hours_saved(sender: Any, instance: DeliveryPreferences, **kwargs: Any) -> None:
    follow_person(instance.user)


@receiver(plan_made, sender=Plan)
def practice_planned(sender: Any, plan: Plan, **kwargs: Any) -> None:
    """Everyone hears shortly before it starts (queued once the plan is saved)."""
    transaction.on_commit(lambda: plan_reminder_queue(plan))
