from datetime import timedelta

from allauth.account.utils import filter_users_by_email
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.timesince import timeuntil
from django.utils.timezone import now

from hearth.accounts.adapter import password_reset_link


class Command(BaseCommand):
    help = (
        "Print a one-time link to choose a new password for the account with this e-mail "
        "address, for a Hearth that doesn't send e-mail. Give it to its owner privately."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the e-mail address the person signs in with")

    def handle(self, *args: object, **options: str) -> None:
        email = options["email"].strip()
        users = filter_users_by_email(email, is_active=True, prefer_verified=True)
        if not users:
            raise CommandError(f"No active account signs in with {email}.")
        moment = now()
        lasts = timeuntil(moment + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT), moment)
        self.stdout.write(password_reset_link(users[0]))
        self.stdout.write(
            f"It works once, for the next {lasts}. Give it to them privately: whoever opens "
            "it can choose the password."
        )
