"""Checks every piece of content shares: near-duplicates, inclusive voice, group-fit wording,
no invitation to monitor someone, no invented numbers."""

import difflib
import re
from collections.abc import Iterable
from itertools import combinations

NEAR_DUPLICATE = 0.8

GENDERED = re.compile(r"\b(husband|wife|boyfriend|girlfriend|he|she|his|hers|him)\b", re.I)
# Words that assume exactly two people, or a single partner, where groups read the text too.
ASSUMES_TWO = re.compile(
    r"\b(your partner|your partner's|you two|both of you|the two of you|you both|"
    r"your spouse|the other person)\b",
    re.I,
)
# Statistics and claims a short line can't carry with its evidence.
NUMBERS_CLAIM = re.compile(
    r"\d|%|\bstudies (show|prove)|\bresearch (shows|proves)|\bproven\b", re.I
)

# Looking through someone's phone, messages, whereabouts, accounts or money is a warning sign of
# control (the help page says so), so no content invites it, not even as a "fair" arrangement:
# a text is refused when it pairs a word for looking with a word for something private.
LOOKING = re.compile(
    r"\b(see|seeing|check|checks|checking|look(s|ing)? (at|in|into|over|through)|"
    r"go(es|ing)? through|read|reading|scroll(ing)? through|track|tracking|monitor|monitoring|"
    r"shar(e|es|ed|ing)|access|unlock)\b",
    re.IGNORECASE,
)
PRIVATE = re.compile(
    r"\b(phones?|messages?|texts|e-?mails?|inbox|chats|passwords?|passcodes?|pins|locations?|"
    r"whereabouts|accounts?|bank|spending|receipts|browsing|search history)\b",
    re.IGNORECASE,
)


def normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def near_duplicates(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of keys whose normalised texts are the same or nearly the same."""
    items = [(key, normalised(text)) for key, text in texts]
    close = []
    for (key_a, a), (key_b, b) in combinations(items, 2):
        matcher = difflib.SequenceMatcher(None, a, b)
        if (
            matcher.real_quick_ratio() >= NEAR_DUPLICATE
            and matcher.quick_ratio() >= NEAR_DUPLICATE
            and matcher.ratio() >= NEAR_DUPLICATE
        ):
            close.append((key_a, key_b))
    return close


def invites_monitoring(text: str) -> bool:
    return bool(LOOKING.search(text) and PRIVATE.search(text))
