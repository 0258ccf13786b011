"""What a member may see of the question loop. Every read of answers goes through here."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from hearth.questions.models import Answer, Guess, Prompt, Response, Sitting
from hearth.questions.selection import fit_for
from hearth.questions.services import MIN_MEMBERS_TO_REVEAL
from hearth.relationships.models import Member


def prompt_for(member: Member, prompt_id: int) -> Prompt:
    """A prompt of the member's own relationship, or 404."""
    prompt = (
        Prompt.objects.select_related("question", "sitting")
        .filter(pk=prompt_id, relationship_id=member.relationship_id)
        .first()
    )
    if prompt is None:
        raise Http404
    return prompt


def answer_for(member: Member, answer_id: int) -> Answer:
    """An answer in the member's own relationship, or 404 (visibility is checked by the rule)."""
    answer = (
        Answer.objects.select_related("prompt__question", "member")
        .filter(pk=answer_id, prompt__relationship_id=member.relationship_id)
        .first()
    )
    if answer is None:
        raise Http404
    return answer


def sitting_for(member: Member, sitting_id: int) -> Sitting:
    sitting = Sitting.objects.filter(pk=sitting_id, relationship_id=member.relationship_id).first()
    if sitting is None:
        raise Http404
    return sitting


@dataclass
class GuessView:
    about: Member
    choice: int
    actual: int | None = None

    @property
    def matched(self) -> bool:
        return self.actual is not None and self.actual == self.choice


@dataclass
class PromptView:
    """One prompt as one member may see it: never another's words before the reveal."""

    prompt: Prompt
    me: Member
    members: list[Member]
    my_answer: Answer | None
    answered: list[Member]
    waiting_for: list[Member]
    answers: list[Answer] = field(default_factory=list)
    guesses: list[GuessView] = field(default_factory=list)

    @property
    def shared(self) -> bool:
        return bool(self.answers)

    @property
    def can_edit(self) -> bool:
        return not self.prompt.is_revealed and self.prompt.skipped_at is None

    @property
    def alone(self) -> bool:
        """Nobody else is here yet, so nothing can open."""
        return len(self.members) < MIN_MEMBERS_TO_REVEAL

    @property
    def others(self) -> list[Member]:
        return [m for m in self.members if m.pk != self.me.pk]


def prompt_view(member: Member, prompt: Prompt) -> PromptView:
    members = list(
        Member.objects.current()
        .filter(relationship_id=member.relationship_id)
        .select_related("user")
    )
    answers = list(
        Answer.objects.filter(prompt=prompt)
        .select_related("member__user")
        .prefetch_related(
            Prefetch(
                "responses",
                Response.objects.select_related("member__user").order_by("created_at", "pk"),
            )
        )
    )
    mine = next((a for a in answers if a.member_id == member.pk), None)
    answered_ids = {a.member_id for a in answers}
    view = PromptView(
        prompt=prompt,
        me=member,
        members=members,
        my_answer=mine,
        answered=[m for m in members if m.pk in answered_ids],
        waiting_for=[m for m in members if m.pk not in answered_ids],
    )
    if prompt.is_revealed and mine is not None:
        view.answers = answers
    guesses = Guess.objects.filter(prompt=prompt, guesser=member).select_related("about__user")
    actual = {a.member_id: a.choice for a in view.answers}
    view.guesses = [
        GuessView(about=g.about, choice=g.choice, actual=actual.get(g.about_id)) for g in guesses
    ]
    return view


def journal(
    member: Member,
    *,
    search: str = "",
    category: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Prompt]:
    """Shared questions the member took part in: revealed, and answered by them."""
    fit = fit_for(member.relationship)
    prompts = (
        Prompt.objects.filter(
            relationship_id=member.relationship_id,
            revealed_at__isnull=False,
            answers__member=member,
        )
        .exclude(question__category__in=fit.excluded)
        .select_related("question")
        .prefetch_related(
            Prefetch(
                "answers",
                Answer.objects.select_related("member__user").prefetch_related(
                    Prefetch("responses", Response.objects.select_related("member__user"))
                ),
            )
        )
        .order_by("-revealed_at", "-pk")
    )
    if category:
        prompts = prompts.filter(question__category=category)
    if date_from:
        prompts = prompts.filter(date__gte=date_from)
    if date_to:
        prompts = prompts.filter(date__lte=date_to)
    if search:
        words = search.lower().split()
        matching = [p.pk for p in prompts if all(word in searchable_text(p) for word in words)]
        prompts = prompts.filter(pk__in=matching)
    return prompts


def searchable_text(prompt: Prompt) -> str:
    parts = [prompt.question.text]
    for answer in prompt.answers.all():
        parts.append(answer.text)
        parts.extend(r.text for r in answer.responses.all())
    return " ".join(parts).lower()


@dataclass
class KnowingMonth:
    month: date
    guesses: int
    matched: int


def knowing_each_other(member: Member) -> list[KnowingMonth]:
    """The relationship's guesses per month and how many matched: together, not a contest."""
    guesses = Guess.objects.filter(
        prompt__relationship_id=member.relationship_id, prompt__revealed_at__isnull=False
    ).values_list("prompt__date", "about_id", "prompt_id", "choice")
    choices = dict(
        (((a_prompt, a_member), a_choice))
        for a_prompt, a_member, a_choice in Answer.objects.filter(
            prompt__relationship_id=member.relationship_id,
            prompt__revealed_at__isnull=False,
            choice__isnull=False,
        ).values_list("prompt_id", "member_id", "choice")
    )
    months: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, about, prompt_id, choice in guesses:
        actual = choices.get((prompt_id, about))
        if actual is None:
            continue
        month = day.replace(day=1)
        months[month][0] += 1
        months[month][1] += int(actual == choice)
    return [KnowingMonth(m, n, k) for m, (n, k) in sorted(months.items())]
