"""Recommendations are worked out once for each member, day and language, then kept in the cache
every process shares until something they are worked out from changes.

Each relationship has a version in the cache. Whatever the recommendations read (a reflection, a
check-in, a profile, a boundary, a lesson read, a deck started, who belongs and what they allow)
gives the relationships it touches a new version when it is saved or deleted (receivers.py), in
the same transaction as the change. What was kept under an older version is worked out again on
the next read. A version the cache has lost is replaced by a new one, so nothing kept before it
can be mistaken for current.
"""

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache as once
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from hearth.relationships.models import Member

if TYPE_CHECKING:
    from hearth.recommendations.selectors import Recommendation

HEARTH = Path(__file__).resolve().parent.parent
KEPT_FOR = 60 * 60 * 24  # seconds; by then the member's day has moved on anyway


@once
def code_version() -> str:
    """The code, content and translations that decide what is recommended and how it is said:
    a new release makes every kept recommendation stale."""
    content = Path(settings.CONTENT_DIR)
    paths = [
        *sorted((HEARTH / "recommendations").glob("*.py")),
        *sorted(content.glob("**/*.toml")),
        *sorted(HEARTH.glob("**/locale/*/LC_MESSAGES/*.mo")),
    ]
    digest = hashlib.blake2b(digest_size=8)
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Kept:
    version: str
    today: date
    language: str
    code: str
    recommendations: tuple["Recommendation", ...]


def version_key(relationship_id: int) -> str:
    return f"recommendations:version:{relationship_id}"


def kept_key(member: Member) -> str:
    """One entry for each member, replaced on each change: the cache never fills with old ones."""
    return f"recommendations:{member.pk}"


def kept_recommendations(member: Member, today: date) -> tuple[str, list["Recommendation"] | None]:
    """The relationship's version now, and what was kept for this member under it, if anything
    was (for this day and language). One read of the cache."""
    found = cache.get_many([version_key(member.relationship_id), kept_key(member)])
    version = found.get(version_key(member.relationship_id))
    if version is None:
        return relationships_changed([member.relationship_id]), None
    kept = found.get(kept_key(member))
    if isinstance(kept, Kept) and kept == Kept(
        version, today, translation.get_language() or "", code_version(), kept.recommendations
    ):
        return version, list(kept.recommendations)
    return version, None


def keep(
    member: Member, version: str, today: date, recommendations: Sequence["Recommendation"]
) -> None:
    kept = Kept(
        version, today, translation.get_language() or "", code_version(), tuple(recommendations)
    )
    cache.set(kept_key(member), kept, KEPT_FOR)


def relationships_changed(relationship_ids: Iterable[int]) -> str:
    """Something these relationships' recommendations read has changed: a new version for each
    (the last one given is returned)."""
    version = ""
    for relationship_id in set(relationship_ids):
        version = uuid.uuid4().hex
        cache.set(version_key(relationship_id), version, None)
    return version
