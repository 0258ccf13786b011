"""Property-based fuzzing of the whole JSON API from its own OpenAPI schema (schemathesis).

Every operation gets generated requests, valid and invalid, sent in-process to the WSGI app by a
member of a relationship with some history. No answer may be a server error, and every answer
must be one the schema documents: its status code, its content type and its body.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, HookContext, checks

from hearth.accounts.models import ApiToken, User, hash_token
from hearth.accounts.services import api_token_create
from hearth.accounts.tests.factories import UserFactory
from hearth.assessments import services as assessments
from hearth.assessments.models import Assessment
from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.questions import services as questions
from hearth.questions.models import Answer, Boundary, Prompt, Response, Sitting
from hearth.questions.selection import relationship_today
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt
from hearth.relationships import services as relationships
from hearth.relationships.models import Invitation, Member, Relationship
from hearth.relationships.tests.factories import RelationshipFactory, add_member
from hearth.wsgi import application

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]
# Examples per operation: about 1,300 requests in all, well under two minutes.
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}


@dataclass
class World:
    """The fuzzer's account, its token and its relationship; someone else's next door."""

    me: User
    token: str
    ours: Relationship
    mine: Member
    theirs: Relationship

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def restore(self) -> None:
        """Undo what would shut the fuzzer out: its token revoked, leaving, boundaries on all."""
        ApiToken.objects.get_or_create(
            token_hash=hash_token(self.token),
            defaults={"user": self.me, "name": "fuzzer", "hint": self.token[:12]},
        )
        Member.objects.filter(pk=self.mine.pk).update(left_at=None)
        Relationship.objects.filter(pk=self.ours.pk).update(archived_at=None)
        Boundary.objects.filter(user=self.me).delete()

    def real_ids(self, name: str) -> list[int]:
        """Ids that exist for a path or body parameter called `name`, as of now."""
        ours = self.ours
        if name == "relationship_id":
            return [ours.pk, ours.pk, ours.pk, self.theirs.pk]
        found = {
            "prompt_id": Prompt.objects.filter(relationship=ours),
            "answer_id": Answer.objects.filter(prompt__relationship=ours),
            "sitting_id": Sitting.objects.filter(relationship=ours),
            "invitation_id": Invitation.objects.filter(relationship=ours),
            "token_id": ApiToken.objects.filter(user=self.me),
            "about_member_id": Member.objects.filter(relationship=ours),
            "member_id": Member.objects.filter(relationship=ours),
            "parent_id": Response.objects.filter(answer__prompt__relationship=ours),
            "profile_id": Assessment.objects.filter(member__relationship=ours),
        }.get(name)
        return [] if found is None else sorted(found.values_list("pk", flat=True))

    def real_words(self, name: str) -> list[str]:
        """Strings that mean something for a parameter called `name`, as of now."""
        if name == "deck":
            return [deck.key for deck in questions.decks_for(self.ours)]
        if name == "day":
            today = person_today(User.objects.get(pk=self.me.pk))
            return [today.isoformat(), (today - timedelta(days=1)).isoformat()]
        return []

    def real_or_generated(self, name: str, value: object) -> object:
        """Three in four generated ids (and deck keys, days) become real ones, inside bodies
        too, so requests get past the 404 to the rules; the rest stay as generated."""
        if isinstance(value, dict):
            return {k: self.real_or_generated(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.real_or_generated(name, v) for v in value]
        if isinstance(value, str) and len(value) % 4 != 3 and (words := self.real_words(name)):
            return words[len(value) // 4 % len(words)]
        if not isinstance(value, int) or isinstance(value, bool) or value % 4 == 3:
            return value
        ids = self.real_ids(name)
        return ids[value // 4 % len(ids)] if ids else value


def build_world() -> World:
    me = UserFactory.create(display_name="Fuzz")
    partner = UserFactory.create(display_name="Partner")
    ours = RelationshipFactory.create(name="Fuzz & Partner", kind="romantic")
    mine, other = add_member(ours, me), add_member(ours, partner)

    # Yesterday: a question with options, guessed, answered by both, shared and responded to.
    yesterday = give_options(todays_prompt(ours, relationship_today(ours) - timedelta(days=1)))
    questions.guess_submit(member=mine, prompt=yesterday, about_member_id=other.pk, choice=0)
    my_answer = answer_as(mine, yesterday, "what I said yesterday")
    their_answer = answer_as(other, yesterday, "what they said yesterday")
    questions.reaction_toggle(member=mine, answer=their_answer, kind="thanks")
    reply = questions.reply_add(member=other, answer=my_answer, text="Tell me more?")
    questions.reply_add(member=mine, answer=my_answer, text="Gladly.", parent_id=reply.pk)
    questions.felt_understood_rate(member=mine, answer=my_answer, rating=6)

    # Today: a question with options, answered by the partner only, so still open to guesses;
    # a deck under way, an invitation, our own question.
    answer_as(other, give_options(todays_prompt(ours)), "what they say today")
    questions.sitting_start(member=mine, deck_key=questions.decks_for(ours)[0].key)
    relationships.invitation_create(member=mine)
    questions.own_question_add(
        member=mine, text="What made you laugh this week?", category="recreational", depth=1
    )
    # Both checked in today and shared a profile.
    for person, member in ((me, mine), (partner, other)):
        checkin_save(
            user=person,
            day=person_today(person),
            mood=4,
            stress=2,
            relationships=[RelationshipDay(relationship_id=ours.pk, closeness=5, affection=True)],
        )
        items = assessments.instrument_for(member).questions
        assessments.assessment_take(
            member=member, answers={item.key: 5 for item in items}, shared=True
        )

    elsewhere = RelationshipFactory.create(name="Someone else's", kind="friendship")
    add_member(elsewhere, UserFactory.create())
    _, token = api_token_create(user=me, name="fuzzer")
    api_token_create(user=me, name="spare")
    return World(me=me, token=token, ours=ours, mine=mine, theirs=elsewhere)


def load_schema(world: World) -> Any:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

    @schema.hook
    def map_path_parameters(context: HookContext, path_parameters: Any) -> Any:
        return world.real_or_generated("", path_parameters)

    @schema.hook
    def map_body(context: HookContext, body: Any) -> Any:
        return world.real_or_generated("", body)

    return schema


def once_broken(world: World) -> list[tuple[str, dict[str, Any], object]]:
    """Requests that got a 500 (on SQLite or PostgreSQL), found by the fuzzing or in its wake.
    Generated data meets them only now and then, so they stay here; each gets a 4xx now."""
    ours, today = world.ours.pk, person_today(world.me).isoformat()
    beyond_64_bits = 2**63
    question = {"text": "What is your NUL of choice?", "category": "memories", "depth": 1}
    return [
        ("GET /api/relationships/{relationship_id}", {"relationship_id": beyond_64_bits}, None),
        ("GET /api/relationships/{relationship_id}/today", {"relationship_id": 10**35}, None),
        ("POST /api/relationships", {}, {"name": "\x1f", "kind": "friendship"}),
        ("PATCH /api/relationships/{relationship_id}", {"relationship_id": ours}, {"name": " "}),
        ("PATCH /api/me", {}, {"display_name": "  "}),
        ("PATCH /api/me", {}, {"pronouns": "they\x00them"}),
        ("POST /api/tokens", {}, {"name": "\x009 "}),
        ("POST /api/invitations/accept", {}, {"token": "x\x00"}),
        (
            "POST /api/relationships/{relationship_id}/questions",
            {"relationship_id": ours},
            {**question, "choices": ["yes\x00", "no", "maybe"]},
        ),
        (
            "PUT /api/checkins/{day}",
            {"day": today},
            {
                "mood": 3,
                "stress": 2,
                "relationships": [{"relationship_id": beyond_64_bits, "closeness": 3}],
            },
        ),
    ]


def fuzz(world: World, operation: Any, mode: GenerationMode) -> None:
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def requests(case: Any) -> None:
        world.restore()
        case.call_and_validate(headers=world.auth, checks=CHECKS)

    requests()


@pytest.mark.django_db(transaction=True)  # what one example writes, the next one sees
def test_every_operation_answers_generated_requests_as_documented() -> None:
    world = build_world()
    schema = load_schema(world)
    failures: list[str] = []
    for label, path_parameters, body in once_broken(world):
        world.restore()
        case = schema.find_operation_by_label(label).Case(
            path_parameters=path_parameters, **({} if body is None else {"body": body})
        )
        try:
            response = case.call_and_validate(headers=world.auth, checks=CHECKS)
            assert 400 <= response.status_code < 500, response.status_code
        except (Exception, BaseExceptionGroup) as failure:
            failures.append(f"{label} (once broken, {body!r}):\n{failure}")
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in EXAMPLES:
            try:
                fuzz(world, operation, mode)
            except (Exception, BaseExceptionGroup) as failure:  # report every operation's
                failures.append(f"{operation.label} ({mode.value}):\n{failure}")
    assert not failures, "\n\n".join(failures)
