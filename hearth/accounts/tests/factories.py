from functools import cache

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from hearth.accounts.models import User

PASSWORD = "a long test passphrase"


@cache
def hashed_password() -> str:
    """Hash once per run: Argon2 is slow on purpose, and tests make many people."""
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    time_zone = "Europe/Lisbon"
    confirmed_adult_at = factory.LazyFunction(timezone.now)
    password = factory.LazyFunction(lambda: hashed_password())
