from django.core.management.base import BaseCommand

from hearth.reminders.firing import reminders_keep_scheduled


class Command(BaseCommand):
    help = (
        "Make sure every active reminder has exactly one queued firing (members who never chose "
        "get the default). Safe to run any number of times; `hearth serve` runs it at start."
    )

    def handle(self, *args: object, **options: object) -> None:
        planned = reminders_keep_scheduled()
        self.stdout.write(f"Reminders planned: {planned}." if planned else "Reminders in order.")
