"""Words as a search sees them, and the keyed hashes the index keeps instead of the words.

A word is normalised (case and accents folded, punctuation dropped) and stored only as
HMAC-SHA256 under a key derived from the encryption key, mixed with the relationship, cut to
16 bytes. Whoever holds the database but not the key sees which stored words are equal within
one relationship, never what they are (docs/privacy.md, "Searching the journal").
"""

import base64
import hashlib
import hmac
import re
import unicodedata
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hearth.encryption import read_keys

TOKEN_BYTES = 16
MAX_QUERY_WORDS = 8  # a search is a few remembered words, not a paragraph
WORD = re.compile(r"[^\W_]+")


def normalised(text: str) -> str:
    """Lower case with accents folded: "Árbol" and "arbol" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    """The distinct whole words of a text, normalised; punctuation and spaces separate them."""
    return set(WORD.findall(normalised(text)))


def query_words(query: str) -> list[str]:
    """The words a search looks for, in the order typed, each once, at most a few."""
    found = WORD.findall(normalised(query))
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


@cache
def key_from(newest: bytes) -> bytes:
    """The index key, derived from the newest encryption key (so rotating it rotates this)."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"hearth search index v1"
    ).derive(base64.urlsafe_b64decode(newest))


def index_key() -> bytes:
    return key_from(read_keys()[0])


def token(relationship_id: int, word: str, key: bytes | None = None) -> bytes:
    """A word's keyed hash within one relationship: the same word elsewhere hashes otherwise."""
    message = f"{relationship_id}:{word}".encode()
    return hmac.new(key or index_key(), message, hashlib.sha256).digest()[:TOKEN_BYTES]


def tokens(relationship_id: int, text: str, key: bytes | None = None) -> set[bytes]:
    key = key or index_key()
    return {token(relationship_id, word, key) for word in words(text)}
