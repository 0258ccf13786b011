"""What people write is unreadable on disk, and keys can be rotated without losing a word."""

import base64
import stat
from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from hearth import encryption
from hearth.questions import services
from hearth.questions.models import Answer, Question, Response
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.tests.scans import database_bytes

PLANTED = ["marigold-umbrella-5531", "quiet-harbour-8814", "velvet-compass-2290"]


@pytest.mark.django_db(transaction=True)
def test_planted_words_never_reach_the_disk_in_plain_text(ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt, f"my answer holds {PLANTED[0]}")
    answer_as(b, prompt, "and mine")
    services.reply_add(member=b, answer=alices, text=f"a reply with {PLANTED[1]}")
    services.own_question_add(
        member=a, text=f"Our question about {PLANTED[2]}?", category="memories", depth=1
    )
    assert Answer.objects.get(pk=alices.pk).text.endswith(PLANTED[0])

    on_disk = database_bytes()
    assert [word for word in PLANTED if word.encode() in on_disk] == []
    assert encryption.PREFIX.encode() in on_disk


def test_the_key_file_is_made_owner_readable_only(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    encryption.forget_keys()
    try:
        token = encryption.encrypt("hello")
        mode = stat.S_IMODE((tmp_path / "encryption_keys").stat().st_mode)
        assert mode == 0o600
        assert encryption.decrypt(token) == "hello"
    finally:
        encryption.forget_keys()


def test_without_the_key_nothing_can_be_read(settings, tmp_path):
    token = encryption.encrypt("a secret")
    settings.DATA_DIR = tmp_path  # a fresh key file: the old key is gone
    encryption.forget_keys()
    try:
        with pytest.raises(InvalidToken, match="key file"):
            encryption.decrypt(token)
    finally:
        encryption.forget_keys()


@pytest.mark.django_db
def test_rotating_keys_reencrypts_everything_without_loss(ours, alice, bob, settings, tmp_path):
    in_use = encryption.read_keys()
    settings.DATA_DIR = tmp_path  # rotate a copy of the keys, never the instance's own
    encryption.write_keys(in_use)
    encryption.forget_keys()
    try:
        a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
        prompt = todays_prompt(ours)
        alices = answer_as(a, prompt, "before the rotation")
        answer_as(b, prompt, "mine too")
        reply = services.reply_add(member=b, answer=alices, text="a kind reply")
        old_keys = encryption.read_keys()

        call_command("rotate_keys", drop_old=True)

        new_keys = encryption.read_keys()
        assert len(new_keys) == 1 and new_keys[0] not in old_keys
        assert Answer.objects.get(pk=alices.pk).text == "before the rotation"
        assert Response.objects.get(pk=reply.pk).text == "a kind reply"
        assert all(q.text for q in Question.objects.all())  # the bank still reads
        raw = Answer.objects.filter(pk=alices.pk).values_list("text", flat=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT text FROM questions_answer WHERE id = %s", [alices.pk])
            stored = cursor.fetchone()[0]
        assert stored.startswith(encryption.PREFIX) and list(raw) == ["before the rotation"]
        only_old = encryption.MultiFernet([encryption.Fernet(k) for k in old_keys])
        with pytest.raises(InvalidToken):
            only_old.decrypt(stored[len(encryption.PREFIX) :].encode())
    finally:
        encryption.forget_keys()


@pytest.fixture
def rotated_keys(settings, tmp_path) -> Iterator[list[str]]:
    """Values written under an old key and under the newer key that replaced it, both kept."""
    settings.DATA_DIR = tmp_path
    old = Fernet.generate_key()
    encryption.write_keys([old])
    encryption.forget_keys()
    written = [encryption.encrypt(f"before the rotation {n}") for n in range(3)]
    encryption.write_keys([Fernet.generate_key(), old])
    encryption.forget_keys()
    written += [encryption.encrypt(f"after the rotation {n}, ünïcödé ♥") for n in range(3)]
    yield written
    encryption.forget_keys()


def test_many_values_open_at_once_as_each_opens_alone_under_every_key(rotated_keys):
    stored = [*rotated_keys, "", None, "written before encryption", rotated_keys[0]]
    opened = encryption.decrypt_many(stored)
    assert opened == [None if s is None else encryption.decrypt(s) for s in stored]
    assert opened[0] == "before the rotation 0"
    assert opened[3] == "after the rotation 0, ünïcödé ♥"


@examples(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=70), max_size=12))
def test_whatever_was_written_opens_again_all_at_once(texts):
    assert encryption.decrypt_many([encryption.encrypt(text) for text in texts]) == texts


def token_bytes(stored: str) -> bytearray:
    return bytearray(base64.urlsafe_b64decode(stored[len(encryption.PREFIX) :]))


def stored_as(token: bytes | bytearray) -> str:
    return encryption.PREFIX + base64.urlsafe_b64encode(bytes(token)).decode()


@pytest.mark.parametrize(
    "where",
    [0, 5, 9, 30, -40, -1],
    ids=["version", "time", "vector", "ciphertext", "last block", "signature"],
)
def test_a_value_changed_anywhere_is_refused_rather_than_misread(rotated_keys, where):
    token = token_bytes(rotated_keys[-1])
    token[where] ^= 0x01
    with pytest.raises(InvalidToken, match="key file"):
        encryption.decrypt_many([rotated_keys[-2], stored_as(token)])


def test_a_value_cut_short_or_not_a_token_at_all_is_refused(rotated_keys):
    whole = token_bytes(rotated_keys[0])
    for broken in (stored_as(whole[:-1]), stored_as(whole[:60]), encryption.PREFIX + "%%%"):
        with pytest.raises(InvalidToken):
            encryption.decrypt_many([broken])


def test_a_value_under_a_key_no_longer_held_is_refused(rotated_keys, settings, tmp_path):
    encryption.write_keys([Fernet.generate_key()])
    encryption.forget_keys()
    with pytest.raises(InvalidToken, match="key file"):
        encryption.decrypt_many(rotated_keys[:1])
