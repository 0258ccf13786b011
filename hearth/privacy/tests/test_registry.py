"""Every kind of personal data is declared, and each declaration is true to the database."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from hearth.accounts.models import User
from hearth.personal_data import (
    REGISTRY,
    Erasure,
    PersonalData,
    declare,
    entries,
    markdown_table,
)
from hearth.relationships.models import Member


def refers_to_a_person(model: type[models.Model]) -> bool:
    return model is User or any(
        field.is_relation and not field.auto_created and field.related_model in (User, Member)
        for field in model._meta.get_fields()
    )


def links(model: type[models.Model]) -> list[models.ForeignKey]:
    return [f for f in model._meta.get_fields() if isinstance(f, models.ForeignKey)]


def goes_with_the_account(model: type[models.Model], seen: frozenset = frozenset()) -> bool:
    """Deleting the account deletes the row: the model is the account, or cascades from it."""
    if model is User:
        return True
    return any(
        link.remote_field.on_delete is models.CASCADE
        and link.related_model not in seen
        and goes_with_the_account(link.related_model, seen | {model})
        for link in links(model)
    )


def test_every_model_that_refers_to_a_person_or_a_membership_is_declared():
    undeclared = [
        model._meta.label
        for model in apps.get_models()
        if refers_to_a_person(model) and model not in REGISTRY
    ]
    assert undeclared == [], (
        f"Declare how these are exported and erased in their app's personal_data.py: {undeclared}"
    )


def test_each_declaration_says_how_and_why():
    for entry in entries():
        assert entry.what, entry.label
        assert entry.export or entry.not_exported, f"{entry.label}: export it, or say why not"
        assert bool(entry.export) == bool(entry.tables), entry.label
        if entry.erasure in (Erasure.DELETED, Erasure.ANONYMISED):
            assert entry.erase is not None, f"{entry.label} needs a function that erases it"
        if entry.erasure in (Erasure.ANONYMISED, Erasure.UNLINKED):
            assert entry.kept, f"{entry.label}: say what stays, and why"


def test_what_is_declared_to_go_with_the_account_really_does():
    for entry in entries():
        if entry.erasure == Erasure.WITH_ACCOUNT:
            assert goes_with_the_account(entry.model), entry.label


def test_what_is_declared_unlinked_lets_go_of_the_account():
    for entry in entries():
        if entry.erasure == Erasure.UNLINKED:
            to_users = [link for link in links(entry.model) if link.related_model is User]
            assert all(link.remote_field.on_delete is models.SET_NULL for link in to_users)
            assert not goes_with_the_account(entry.model), entry.label


def test_no_two_kinds_of_data_write_the_same_export_table():
    tables = [table for entry in entries() for table in entry.tables]
    assert len(tables) == len(set(tables))


def test_the_privacy_page_lists_every_kind_of_personal_data():
    page = (Path(settings.REPO_DIR) / "docs" / "privacy.md").read_text()
    assert markdown_table() in page, (
        "docs/privacy.md is out of date: paste the table from `hearth personal_data`"
    )


def test_declaring_a_model_twice_is_refused():
    entry: PersonalData = next(iter(REGISTRY.values()))
    with pytest.raises(ValueError, match="already declared"):
        declare(entry.model, what="again", owner=entry.owner, erasure=entry.erasure)
