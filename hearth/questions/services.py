"""The reciprocal-question loop: ask, answer privately, reveal together, respond, feel heard."""

import random
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.questions import bank, signals
from hearth.questions.depth import relationship_depth
from hearth.questions.models import (
    Answer,
    Boundary,
    Category,
    Guess,
    Prompt,
    Question,
    Response,
    ResponseKind,
    Sitting,
)
from hearth.questions.selection import (
    Fit,
    candidate_questions,
    choose_question,
    fit_for,
    relationship_today,
    times_asked,
)
from hearth.refusals import Refusal
from hearth.relationships.models import Member, Relationship
from hearth.search.index import index_answer, index_question, index_response

MAX_ANSWER_LENGTH = 5000
MIN_QUESTION_LENGTH = 10
MAX_QUESTION_LENGTH = 300
MAX_SKIPS_PER_DAY = 5
MIN_MEMBERS_TO_REVEAL = 2


def sexual_only_romantic() -> str:
    return _("Sexual questions belong only in romantic relationships.")


class QuestionError(Refusal):
    """A rule of the question loop said no."""


# --- the prompt of the day -------------------------------------------------------------------


def prompt_of_the_day(relationship: Relationship, today: date | None = None) -> Prompt | None:
    """The day's question: stable all day, chosen once, replaced only by a skip or a withdrawn
    consent or boundary. None only when nothing at all fits."""
    today = today or relationship_today(relationship)
    fit = fit_for(relationship)
    current = (
        relationship.prompts.filter(sitting__isnull=True, skipped_at__isnull=True, date=today)
        .select_related("question")
        .first()
    )
    if current is not None:
        if current.is_revealed or fit.allows(current.question):
            return current
        # A member withdrew consent or set a boundary: the question goes at once.
        Prompt.objects.filter(pk=current.pk).update(skipped_at=timezone.now())
    return create_prompt_of_the_day(relationship, today, fit)


def create_prompt_of_the_day(relationship: Relationship, today: date, fit: Fit) -> Prompt | None:
    asked = times_asked(relationship)
    depth = relationship_depth(relationship, today, fit.caps)
    skipped_today = set(
        relationship.prompts.filter(date=today, skipped_at__isnull=False).values_list(
            "question_id", flat=True
        )
    )
    rng = random.Random(f"{relationship.pk}:{today.isoformat()}:{len(skipped_today)}")  # noqa: S311
    question = choose_question(candidate_questions(fit), asked, depth, rng, avoid=skipped_today)
    if question is None:
        return None
    try:
        with transaction.atomic():
            return Prompt.objects.create(relationship=relationship, question=question, date=today)
    except IntegrityError:
        # Another member's request chose first; theirs stands for the whole day.
        return relationship.prompts.get(sitting__isnull=True, skipped_at__isnull=True, date=today)


@transaction.atomic
def prompt_skip(*, member: Member, prompt: Prompt) -> Prompt | None:
    """Anyone may skip without a reason; the day gets another question (a sitting moves on)."""
    prompt = Prompt.objects.select_for_update().get(pk=prompt.pk)
    if prompt.is_revealed:
        raise QuestionError(_("This question is already open to everyone, so it can't be skipped."))
    if prompt.skipped_at is not None:
        raise QuestionError(_("This question was already skipped."))
    if prompt.is_daily:
        skips = Prompt.objects.filter(
            relationship=prompt.relationship_id, date=prompt.date, skipped_at__isnull=False
        ).count()
        if skips >= MAX_SKIPS_PER_DAY:
            raise QuestionError(
                _("That's enough skipping for one day. A new question comes tomorrow.")
            )
    prompt.skipped_at = timezone.now()
    prompt.save(update_fields=["skipped_at"])
    if prompt.sitting_id is not None:
        return sitting_advance(member=member, sitting=prompt.sitting)  # type: ignore[arg-type]
    return create_prompt_of_the_day(member.relationship, prompt.date, fit_for(member.relationship))


# --- answering and the reveal ----------------------------------------------------------------


def check_text(text: str, field: str = "text") -> str:
    """Words we keep: no NUL character (PostgreSQL can't store one), no spaces around them."""
    if "\x00" in text:
        raise QuestionError(_("That text holds a character we can't keep; remove it."), field=field)
    return text.strip()


def check_answer(prompt: Prompt, text: str, choice: int | None) -> str:
    text = check_text(text)
    choices = prompt.question.choices
    if choice is not None and not (choices and 0 <= choice < len(choices)):
        raise QuestionError(_("Pick one of the options shown."), field="choice")
    if choices and choice is None:
        raise QuestionError(
            _("Pick one of the options, and add a few words if you like."), field="choice"
        )
    if not text and choice is None:
        raise QuestionError(_("Write something first; even a few words are enough."), field="text")
    if len(text) > MAX_ANSWER_LENGTH:
        raise QuestionError(
            _("That's longer than we can keep (%(length)s of %(most)s characters).")
            % {"length": len(text), "most": MAX_ANSWER_LENGTH},
            field="text",
        )
    return text


@transaction.atomic
def answer_submit(
    *, member: Member, prompt: Prompt, text: str, choice: int | None = None
) -> Answer:
    """Save or edit a private answer; edits are allowed until the reveal."""
    # The lock makes the last two answers meet here one after the other, so one of them reveals.
    prompt = Prompt.objects.select_for_update().select_related("question").get(pk=prompt.pk)
    if prompt.skipped_at is not None:
        raise QuestionError(_("This question was skipped; answer today's new one instead."))
    if member.relationship_id != prompt.relationship_id or not member.is_current:
        raise QuestionError(_("Only members of this relationship can answer."))
    text = check_answer(prompt, text, choice)
    answer = Answer.objects.filter(prompt=prompt, member=member).first()
    if answer is not None and prompt.is_revealed:
        raise QuestionError(_("Answers can't change after they've been shared."))
    now = timezone.now()
    if answer is None:
        answer = Answer.objects.create(
            prompt=prompt, member=member, text=text, choice=choice, created_at=now, updated_at=now
        )
        signals.answer_given.send(sender=Answer, answer=answer)
    else:
        answer.text, answer.choice, answer.updated_at = text, choice, now
        answer.save(update_fields=["text", "choice", "updated_at"])
    index_answer(answer)
    reveal_if_everyone_answered(prompt, by=member)
    return answer


def everyone_answered(prompt: Prompt) -> bool:
    """The reveal rule: every current member has answered, and at least two of them did. A
    person alone keeps their answer private until someone joins and answers too."""
    current = set(
        Member.objects.current()
        .filter(relationship_id=prompt.relationship_id)
        .values_list("pk", flat=True)
    )
    answered = set(prompt.answers.values_list("member_id", flat=True))
    return len(current) >= MIN_MEMBERS_TO_REVEAL and current <= answered


def reveal_if_everyone_answered(prompt: Prompt, *, by: Member | None = None) -> bool:
    """Reveal the moment the last current member answers (`by`, when it is an answer that
    opens it). A reveal is never undone."""
    if prompt.revealed_at is not None or prompt.skipped_at is not None:
        return prompt.revealed_at is not None
    if not everyone_answered(prompt):
        return False
    prompt.revealed_at = timezone.now()
    Prompt.objects.filter(pk=prompt.pk, revealed_at__isnull=True).update(
        revealed_at=prompt.revealed_at
    )
    signals.prompt_revealed.send(sender=Prompt, prompt=prompt, by=by)
    return True


@transaction.atomic
def reveal_open_prompts(relationship: Relationship) -> int:
    """After someone leaves: prompts that waited only for them are revealed."""
    open_prompts = Prompt.objects.select_for_update().filter(
        relationship=relationship, revealed_at__isnull=True, skipped_at__isnull=True
    )
    return sum(reveal_if_everyone_answered(prompt) for prompt in open_prompts)


def can_see_answers(member: Member, prompt: Prompt) -> bool:
    """Reciprocity: others' answers open to a member after the reveal, and only if they answered."""
    return (
        Answer.objects.filter(prompt_id=prompt.pk, member=member)
        .filter(member.while_a_member("prompt__revealed_at"))
        .exists()
    )


# --- responding and feeling understood -------------------------------------------------------


def revealed_answer_for(member: Member, answer: Answer) -> Answer:
    if answer.prompt.relationship_id != member.relationship_id or not can_see_answers(
        member, answer.prompt
    ):
        raise QuestionError(_("You can respond once answers are shared."))
    return answer


@transaction.atomic
def reaction_toggle(*, member: Member, answer: Answer, kind: str) -> bool:
    """Add a reaction to another's answer, or take it back. Returns whether it is now there."""
    revealed_answer_for(member, answer)
    if kind not in ResponseKind.values or kind == ResponseKind.REPLY:
        raise QuestionError(_("That isn't one of the responses."))
    if answer.member_id == member.pk:
        raise QuestionError(_("Reactions are for what others shared; reply to add to your own."))
    existing = Response.objects.filter(answer=answer, member=member, kind=kind)
    if existing.exists():
        existing.delete()
        return False
    response = Response.objects.create(answer=answer, member=member, kind=kind)
    signals.response_given.send(sender=Response, response=response)
    return True


@transaction.atomic
def reply_add(
    *, member: Member, answer: Answer, text: str, parent_id: int | None = None
) -> Response:
    """A reply to an answer, or to a response on that same answer (a thread)."""
    revealed_answer_for(member, answer)
    text = check_text(text)
    if not text:
        raise QuestionError(_("Write a reply first."), field="text")
    if len(text) > MAX_ANSWER_LENGTH:
        raise QuestionError(
            _("Replies can be up to %(most)s characters.") % {"most": MAX_ANSWER_LENGTH},
            field="text",
        )
    parent = None
    if parent_id is not None:
        parent = answer.responses.filter(pk=parent_id).first()
        if parent is None:
            raise QuestionError(
                _("That isn't a response to this answer, so a reply can't follow it here.")
            )
    response = Response.objects.create(
        answer=answer, member=member, kind=ResponseKind.REPLY, text=text, parent=parent
    )
    index_response(response)
    signals.response_given.send(sender=Response, response=response)
    return response


def felt_understood_rate(*, member: Member, answer: Answer, rating: int) -> Answer:
    """Only the one who shared says how understood they felt, from 1 (not at all) to 7."""
    if answer.member_id != member.pk:
        raise QuestionError(_("Only the person who shared can say how understood they felt."))
    revealed_answer_for(member, answer)
    if rating not in range(1, 8):
        raise QuestionError(_("Choose a number from 1 (not at all) to 7 (completely)."))
    answer.felt_understood, answer.rated_at = rating, timezone.now()
    answer.save(update_fields=["felt_understood", "rated_at"])
    return answer


# --- guessing (how well we know each other) --------------------------------------------------


def guess_submit(*, member: Member, prompt: Prompt, about_member_id: int, choice: int) -> Guess:
    """Guess another current member's pick before the reveal; a new guess replaces the last."""
    if member.relationship_id != prompt.relationship_id or not member.is_current:
        raise QuestionError(_("Only members of this relationship can guess."))
    if not prompt.question.choices:
        raise QuestionError(_("Guessing works on questions with options."))
    if prompt.is_revealed or prompt.skipped_at is not None:
        raise QuestionError(_("Guesses are made before answers are shared."))
    about = (
        Member.objects.current()
        .filter(pk=about_member_id, relationship_id=prompt.relationship_id)
        .exclude(pk=member.pk)
        .first()
    )
    if about is None:
        raise QuestionError(_("Guess about someone else in this relationship."))
    if not 0 <= choice < len(prompt.question.choices):
        raise QuestionError(_("Pick one of the options shown."), field="choice")
    guess, _created = Guess.objects.update_or_create(
        prompt=prompt, guesser=member, about=about, defaults={"choice": choice}
    )
    return guess


# --- the relationship's own questions, boundaries and consent --------------------------------


@transaction.atomic
def own_question_add(
    *, member: Member, text: str, category: str, depth: int, choices: list[str] | None = None
) -> Question:
    text = check_text(text)
    choices = [c for c in (check_text(c, "choices") for c in choices or []) if c]
    if not MIN_QUESTION_LENGTH <= len(text) <= MAX_QUESTION_LENGTH:
        raise QuestionError(
            _("A question needs %(least)s to %(most)s characters.")
            % {"least": MIN_QUESTION_LENGTH, "most": MAX_QUESTION_LENGTH},
            field="text",
        )
    if category not in Category.values:
        raise QuestionError(_("Choose one of the categories."), field="category")
    if category == Category.SEXUAL and member.relationship.kind != "romantic":
        raise QuestionError(sexual_only_romantic(), field="category")
    if depth not in (1, 2, 3):
        raise QuestionError(_("Depth is 1 (light), 2 (personal) or 3 (vulnerable)."), field="depth")
    if choices and not 3 <= len(choices) <= 5:
        raise QuestionError(_("Give 3 to 5 options, or none."), field="choices")
    question = Question.objects.create(
        text=text,
        category=category,
        depth=depth,
        kinds=[member.relationship.kind],
        is_sexual=category == Category.SEXUAL,
        choices=choices,
        relationship=member.relationship,
        author=member.user,
    )
    index_question(question)
    return question


@transaction.atomic
def boundaries_set(*, user: User, categories: set[str]) -> None:
    unknown = categories - set(Category.values)
    if unknown:
        raise QuestionError(
            _("Unknown categories: %(categories)s.") % {"categories": ", ".join(sorted(unknown))},
            field="boundaries",
        )
    Boundary.objects.filter(user=user).exclude(category__in=categories).delete()
    for category in categories:
        Boundary.objects.get_or_create(user=user, category=category)


def content_preferences_set(
    *, member: Member, sexual_content_consent: bool, depth_cap: int
) -> Member:
    """A member's own depth cap and consent to sexual questions, which only a romantic
    relationship can ask for."""
    if depth_cap not in (1, 2, 3):
        raise QuestionError(
            _("Depth is 1 (light), 2 (personal) or 3 (vulnerable)."), field="depth_cap"
        )
    if sexual_content_consent and member.relationship.kind != "romantic":
        raise QuestionError(sexual_only_romantic(), field="sexual_content_consent")
    member.sexual_content_consent = sexual_content_consent
    member.depth_cap = depth_cap
    member.save(update_fields=["sexual_content_consent", "depth_cap"])
    return member


# --- decks and sittings ----------------------------------------------------------------------


def decks_for(relationship: Relationship) -> list[bank.DeckSpec]:
    return [d for d in bank.decks() if relationship.kind in d.kinds]


@transaction.atomic
def sitting_start(*, member: Member, deck_key: str) -> Sitting:
    relationship = member.relationship
    deck = bank.deck(deck_key)
    if deck is None or relationship.kind not in deck.kinds:
        raise QuestionError(_("That deck isn't offered for this relationship."))
    fit = fit_for(relationship)
    allowed = {
        q.key
        for q in Question.objects.filter(key__in=deck.keys, retired=False)
        if fit.allows(q) and q.depth <= min(fit.caps or [3])
    }
    keys: list[str] = []
    set_starts: list[int] = []
    for deck_set in deck.sets:
        set_starts.append(len(keys))
        keys.extend(k for k in deck_set.keys if k in allowed)
    if not keys:
        raise QuestionError(_("Your boundaries leave no questions in this deck; try another one."))
    sitting = Sitting.objects.create(
        relationship=relationship,
        deck=deck.key,
        question_keys=keys,
        set_starts=set_starts,
        started_by=member,
    )
    sitting_advance(member=member, sitting=sitting)
    return sitting


@transaction.atomic
def sitting_advance(*, member: Member, sitting: Sitting) -> Prompt | None:
    """Move the sitting to its next question once the current one is shared or skipped."""
    sitting = Sitting.objects.select_for_update().get(pk=sitting.pk)
    current = sitting.prompts.order_by("-position").first()
    if current is not None and not (current.is_revealed or current.skipped_at is not None):
        raise QuestionError(_("Everyone answers this one first (or skip it)."))
    position = 0 if current is None else current.position + 1
    fit = fit_for(sitting.relationship)
    questions = {q.key: q for q in Question.objects.filter(key__in=sitting.question_keys)}
    while position < len(sitting.question_keys):
        question = questions.get(sitting.question_keys[position])
        if question is not None and fit.allows(question):
            return Prompt.objects.create(
                relationship=sitting.relationship,
                question=question,
                date=relationship_today(sitting.relationship),
                sitting=sitting,
                position=position,
            )
        position += 1
    sitting.finished_at = timezone.now()
    sitting.save(update_fields=["finished_at"])
    return None
