from django.core.management.base import BaseCommand

from hearth.notifications.email import digests_keep_scheduled


class Command(BaseCommand):
    help = (
        "Make sure everyone who chose one e-mail a day has exactly one queued. Safe to run any "
        "number of times, e.g. each time Hearth starts."
    )

    def handle(self, *args: object, **options: object) -> None:
        queued = digests_keep_scheduled()
        self.stdout.write(
            f"Daily e-mails queued: {queued}." if queued else "Daily e-mails in order."
        )
