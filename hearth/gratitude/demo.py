"""90 days of thank-yous and gratitude log lines for the demo, sent through the same rules."""

import random
from typing import TYPE_CHECKING

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.services import appreciation_send, gratitude_note
from hearth.notifications.models import Notification
from hearth.relationships.models import Member

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

THANKS = [
    "Thank you for picking up the shopping when my day ran long. It took a weight off.",
    "You listened to me go on about work without once checking the time. I felt heard.",
    "The note you left on the fridge made me smile all morning.",
    "Thank you for calling when you knew the appointment was today.",
    "You made space for me to be quiet on Sunday, and it was exactly right.",
    "I loved that you remembered the name of my old teacher. It means you listen.",
    "Thank you for laughing at my terrible joke at the worst possible moment.",
    "You held my hand in the waiting room and didn't say a word. Perfect.",
]
LOG = [
    "A slow breakfast together with nowhere to be.",
    "The walk home in the rain, laughing.",
    "A message that arrived at just the right moment.",
    "Being asked how the interview went, and really being listened to.",
    "Sharing the last slice without anyone counting.",
]


def build_gratitude_history(world: "DemoWorld") -> None:
    rng = random.Random(4242)  # noqa: S311 - demo data, not secrets
    for key in ("couple", "crew", "family"):
        relationship = world.relationships[key]
        members = list(Member.objects.current().filter(relationship=relationship))
        for back in range(89, -1, -1):
            if rng.random() > (0.35 if key == "couple" else 0.12):
                continue
            sender = rng.choice(members)
            others = [
                m for m in members if m.pk != sender.pk and m.joined_at <= world.days_ago(back)
            ]
            if not others or sender.joined_at > world.days_ago(back):
                continue
            sent = appreciation_send(
                sender=sender,
                recipient_id=rng.choice(others).pk,
                text=rng.choice(THANKS),
                for_everyone=key != "couple" and rng.random() < 0.5,
            )
            when = world.days_ago(back, hour=21)
            Appreciation.objects.filter(pk=sent.pk).update(created_at=when)
            # Thanks from weeks ago were read long since; the last few days' still wait.
            Notification.objects.filter(key=f"appreciation:{sent.pk}").update(
                created_at=when, read_at=None if back < 3 else when
            )
            if rng.random() < 0.5:
                line = gratitude_note(
                    member=sender, text=rng.choice(LOG), shared=rng.random() < 0.5
                )
                GratitudeEntry.objects.filter(pk=line.pk).update(
                    date=world.days_ago(back).date(), created_at=world.days_ago(back, hour=22)
                )
