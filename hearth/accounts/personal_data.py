"""The account's personal data: the account itself, its e-mail addresses, sign-in methods and
tokens, and any administration changes the person made."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry

from hearth.accounts.models import ApiToken, User
from hearth.personal_data import Erasure, Person, Tables, declare, records


def profile(person: Person) -> Tables:
    return {
        "profile": records(
            [person.user],
            {
                "email": "email",
                "display_name": "display_name",
                "pronouns": "pronouns",
                "time_zone": "time_zone",
                "joined": "date_joined",
                "last_sign_in": "last_login",
                "confirmed_adult_at": "confirmed_adult_at",
            },
        )
    }


declare(
    User,
    what="Your account: e-mail, display name, pronouns, time zone, when you confirmed being "
    "18 or older; the password only as an Argon2 hash, which is not exported",
    rows=lambda person: User.objects.filter(pk=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("profile",),
    export=profile,
)


def email_addresses(person: Person) -> Tables:
    rows = EmailAddress.objects.filter(user_id=person.user_id)
    return {"email_addresses": records(rows, {"email": "email", "verified": "verified"})}


declare(
    EmailAddress,
    what="Your e-mail addresses and whether each is confirmed",
    rows=lambda person: EmailAddress.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("email_addresses",),
    export=email_addresses,
)


def sign_in_methods(person: Person) -> Tables:
    rows = Authenticator.objects.filter(user_id=person.user_id)
    return {
        "sign_in_methods": records(
            rows,
            {"type": "type", "added_at": "created_at", "last_used_at": "last_used_at"},
        )
    }


declare(
    Authenticator,
    what="Two-factor sign-in and passkeys: their kind and when they were added and used "
    "(their secrets are not exported)",
    rows=lambda person: Authenticator.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("sign_in_methods",),
    export=sign_in_methods,
)


def api_tokens(person: Person) -> Tables:
    rows = ApiToken.objects.filter(user_id=person.user_id)
    return {
        "api_tokens": records(
            rows,
            {
                "name": "name",
                "starts_with": "hint",
                "created_at": "created_at",
                "last_used_at": "last_used_at",
            },
        )
    }


declare(
    ApiToken,
    what="Personal API tokens: name, first characters, when made and last used (the token "
    "itself only as a hash)",
    rows=lambda person: ApiToken.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("api_tokens",),
    export=api_tokens,
)


def administration(person: Person) -> Tables:
    rows = LogEntry.objects.filter(user_id=person.user_id)
    return {
        "administration": records(
            rows,
            {
                "when": "action_time",
                "what": "object_repr",
                "change": lambda entry: entry.get_change_message(),
            },
        )
    }


declare(
    LogEntry,
    what="Changes made through the administration pages (administrators only)",
    rows=lambda person: LogEntry.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("administration",),
    export=administration,
)
