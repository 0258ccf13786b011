"""Shared test fixtures: alice and bob share a relationship; charlie is in another one."""

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from hearth.accounts.models import User
from hearth.accounts.tests.factories import UserFactory
from hearth.relationships.models import Relationship
from hearth.relationships.tests.factories import RelationshipFactory, add_member

# Playwright runs an event loop in the test thread; Django's ORM calls there are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def english_unless_a_test_asks(settings: Any) -> Iterator[None]:
    """Each test starts in English: a language one test's request chose never carries on."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def static_files_without_a_build_step(settings: Any) -> None:
    """Tests find static files in the source tree, no collectstatic needed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def alice(db: None) -> User:
    return UserFactory.create(display_name="Alice", email="alice@example.com")


@pytest.fixture
def bob(db: None) -> User:
    return UserFactory.create(display_name="Bob", email="bob@example.com")


@pytest.fixture
def charlie(db: None) -> User:
    return UserFactory.create(display_name="Charlie", email="charlie@example.com")


@pytest.fixture
def ours(alice: User, bob: User) -> Relationship:
    """The relationship alice and bob share."""
    relationship = RelationshipFactory.create(name="Alice & Bob", kind="romantic")
    add_member(relationship, alice)
    add_member(relationship, bob)
    return relationship


@pytest.fixture
def theirs(charlie: User) -> Relationship:
    """A relationship of charlie's that alice and bob are not in."""
    relationship = RelationshipFactory.create(name="Charlie's friends", kind="friendship")
    add_member(relationship, charlie)
    add_member(relationship, UserFactory.create())
    return relationship


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """Drive the system's Chromium, with its network chatter turned off."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("HEARTH_CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }
