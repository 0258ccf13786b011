import datetime as dt

import pytest

from hearth.notifications import delivery
from hearth.notifications.models import Notification
from hearth.notifications.services import delivery_preferences_set
from hearth.reminders.models import DEVICES, EMAIL


def without_quiet_hours(*people):
    for person in people:
        delivery_preferences_set(
            user=person, push=True, email="off", quiet_start=dt.time(0), quiet_end=dt.time(0)
        )


@pytest.fixture
def no_quiet_hours(alice, bob):
    """Reminders in these tests may come at any hour the test runs."""
    without_quiet_hours(alice, bob)


class Channels:
    """Stand-ins for the devices and e-mail channels, keeping what each was asked to send."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int]] = []

    def recorder(self, name: str):
        def send(notification: Notification) -> None:
            self.sent.append((name, notification.pk))

        return send

    def names(self) -> set[str]:
        return {name for name, _ in self.sent}


@pytest.fixture
def channels():
    kept = {name: delivery.CHANNELS.get(name) for name in (DEVICES, EMAIL)}
    recorded = Channels()
    for name in kept:
        delivery.channel(name, wants=lambda notification, preferences: True)(
            recorded.recorder(name)
        )
    yield recorded
    for name, original in kept.items():
        if original is None:
            del delivery.CHANNELS[name]
        else:
            delivery.CHANNELS[name] = original
