"""The account's personal data: the account itself, its e-mail addresses, sign-in methods and
tokens, and any administration changes the person made."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry

from hearth.accounts.models import ApiToken, User
from hearth.personal_data import Erasure, Fields, Person, Tables, declare, records


def profile(person: Person) -> Tables:
    fields: Fields = {
        "email": "email",
        "display_name": "display_name",
        "pronouns": "pronouns",
        "time_zone": "time_zone",
        "language": "language",
        "joined": "date_joined",
        "last_sign_in": "last_login",
        "confirmed_adult_at": "confirmed_adult_at",
    }
    return {"profile": records([person.user], fields)}


declare(
    User,
    what="Your account: e-mail, display name, pronouns, time zone, language, when you confirmed "
    "being 18 or older; the password only as an Argon2 hash, which is not exported",
    owner="pk",
    erasure=Erasure.WITH_ACCOUNT,
    tables=("profile",),
    export=profile,
)

declare(
    EmailAddress,
    what="Your e-mail addresses and whether each is confirmed",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="email_addresses",
    fields={"email": "email", "verified": "verified"},
)

declare(
    Authenticator,
    what="Two-factor sign-in and passkeys: their kind and when they were added and used "
    "(their secrets are not exported)",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="sign_in_methods",
    fields={"type": "type", "added_at": "created_at", "last_used_at": "last_used_at"},
)

declare(
    ApiToken,
    what="Personal API tokens: name, first characters, when made and last used (the token "
    "itself only as a hash)",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="api_tokens",
    fields={
        "name": "name",
        "starts_with": "hint",
        "created_at": "created_at",
        "last_used_at": "last_used_at",
    },
)

declare(
    LogEntry,
    what="Changes made through the administration pages (administrators only)",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="administration",
    fields={
        "when": "action_time",
        "what": "object_repr",
        "change": lambda entry: entry.get_change_message(),
    },
)
