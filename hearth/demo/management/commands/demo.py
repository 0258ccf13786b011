from django.core.management.base import BaseCommand, CommandParser

from hearth.demo.world import (
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    PEOPLE,
    demo_build,
    demo_people_exist,
    demo_remove,
)


class Command(BaseCommand):
    help = "Load demo people and relationships with 90 days of history (for trying Hearth out)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Remove the demo people first and rebuild."
        )

    def handle(self, *args: object, reset: bool, **options: object) -> None:
        if demo_people_exist():
            if not reset:
                self.stdout.write("The demo is already loaded (use --reset to rebuild it).")
                self.print_logins()
                return
            demo_remove()
        world = demo_build()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {len(world.people)} people, "
                f"{len(world.relationships)} relationships."
            )
        )
        self.print_logins()

    def print_logins(self) -> None:
        emails = ", ".join(f"{key}@{DEMO_DOMAIN}" for key, *_ in PEOPLE)
        self.stdout.write(f"Log in as any of {emails} with the password “{DEMO_PASSWORD}”.")
