"""What a member may see of the question loop. Every read of answers goes through here."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from hearth.questions.models import Answer, Guess, Prompt, Response, Sitting
from hearth.questions.selection import fit_for, relationship_today
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

    @property
    def my_answer_heard(self) -> bool:
        """Someone responded to my answer, so asking how understood I felt makes sense."""
        mine = next((a for a in self.answers if a.member_id == self.me.pk), None)
        return mine is not None and any(r.member_id != self.me.pk for r in mine.responses.all())


@dataclass(frozen=True)
class Progress:
    revealed: bool
    answered: int
    mine: bool


def prompt_progress(member: Member, prompt_id: int) -> Progress:
    """How far a prompt has come, in one small query: polled by open pages every few seconds."""
    row = (
        Prompt.objects.filter(pk=prompt_id, relationship_id=member.relationship_id)
        .annotate(
            answered=Count("answers", filter=Q(answers__member__left_at__isnull=True)),
            mine=Count("answers", filter=Q(answers__member=member)),
        )
        .values("revealed_at", "answered", "mine")
        .first()
    )
    if row is None:
        raise Http404
    return Progress(
        revealed=member.was_member_at(row["revealed_at"]),
        answered=row["answered"],
        mine=bool(row["mine"]),
    )


def answers_visible_to(member: Member) -> QuerySet[Answer]:
    """Every answer the member may read: their own, and others' on prompts they answered too
    that opened while they belonged. Reciprocity and membership in time, in one place."""
    answered = Answer.objects.filter(member=member).values("prompt_id")
    return Answer.objects.filter(prompt__relationship_id=member.relationship_id).filter(
        Q(member=member)
        | (
            Q(prompt_id__in=answered)
            & member.while_a_member("prompt__revealed_at")
            & member.while_a_member("created_at")
        )
    )


def responses_visible_to(member: Member) -> QuerySet[Response]:
    """Reactions and replies on answers the member may read, written while they belonged."""
    return Response.objects.filter(answer__in=answers_visible_to(member)).filter(
        member.while_a_member("created_at")
    )


def with_visible_responses(member: Member, answers: QuerySet[Answer]) -> QuerySet[Answer]:
    return answers.select_related("member__user").prefetch_related(
        Prefetch(
            "responses",
            responses_visible_to(member)
            .select_related("member__user")
            .order_by("created_at", "pk"),
        )
    )


def prompt_views(member: Member, prompts: list[Prompt]) -> list[PromptView]:
    """Many prompts as the member may see them, in a fixed number of queries."""
    members = list(
        Member.objects.current()
        .filter(relationship_id=member.relationship_id)
        .select_related("user")
    )
    visible: dict[int, list[Answer]] = defaultdict(list)
    for answer in with_visible_responses(
        member, answers_visible_to(member).filter(prompt__in=prompts)
    ):
        visible[answer.prompt_id].append(answer)
    answered: dict[int, set[int]] = defaultdict(set)  # who has answered, never what
    for prompt_id, member_id in Answer.objects.filter(prompt__in=prompts).values_list(
        "prompt_id", "member_id"
    ):
        answered[prompt_id].add(member_id)
    guesses: dict[int, list[Guess]] = defaultdict(list)
    for guess in Guess.objects.filter(prompt__in=prompts, guesser=member).select_related(
        "about__user"
    ):
        guesses[guess.prompt_id].append(guess)

    views = []
    for prompt in prompts:
        mine = next((a for a in visible[prompt.pk] if a.member_id == member.pk), None)
        view = PromptView(
            prompt=prompt,
            me=member,
            members=members,
            my_answer=mine,
            answered=[m for m in members if m.pk in answered[prompt.pk]],
            waiting_for=[m for m in members if m.pk not in answered[prompt.pk]],
        )
        if mine is not None and member.was_member_at(prompt.revealed_at):
            view.answers = visible[prompt.pk]
        actual = {a.member_id: a.choice for a in view.answers}
        view.guesses = [
            GuessView(about=g.about, choice=g.choice, actual=actual.get(g.about_id))
            for g in guesses[prompt.pk]
        ]
        views.append(view)
    return views


def prompt_view(member: Member, prompt: Prompt) -> PromptView:
    return prompt_views(member, [prompt])[0]


WAITING_DAYS = 30


def waiting_for_my_answer(member: Member, *, today: Prompt | None, limit: int = 5) -> list[Prompt]:
    """Earlier daily questions someone answered that still wait for this member, newest first:
    answering one may open it (so a person who joins later finds what was shared before)."""
    fit = fit_for(member.relationship)
    since = relationship_today(member.relationship) - timedelta(days=WAITING_DAYS)
    prompts = (
        Prompt.objects.filter(
            relationship_id=member.relationship_id,
            sitting__isnull=True,
            revealed_at__isnull=True,
            skipped_at__isnull=True,
            date__gte=since,
            answers__isnull=False,
        )
        .exclude(answers__member=member)
        .select_related("question")
        .distinct()
        .order_by("-date", "-pk")
    )
    if today is not None:
        prompts = prompts.exclude(pk=today.pk)
    return [p for p in prompts[: limit * 2] if fit.allows(p.question)][:limit]


def journal(
    member: Member,
    *,
    search: str = "",
    category: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Prompt]:
    """Shared questions the member took part in: answered by them, and opened while they
    belonged; each with the answers and responses they may read."""
    fit = fit_for(member.relationship)
    prompts = (
        Prompt.objects.filter(relationship_id=member.relationship_id, answers__member=member)
        .filter(member.while_a_member("revealed_at"))
        .exclude(question__category__in=fit.excluded)
        .select_related("question")
        .prefetch_related(
            Prefetch("answers", with_visible_responses(member, answers_visible_to(member)))
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
    """The words a search looks through: the question in English and in the reader's language,
    the answers and the responses."""
    parts = [prompt.question.text, prompt.question.localized_text]
    for answer in prompt.answers.all():
        parts.append(answer.text)
        parts.extend(r.text for r in answer.responses.all())
    return " ".join(parts).lower()


@dataclass
class KnowingMonth:
    month: date
    guesses: int
    matched: int


def journal_months(prompts: QuerySet[Prompt]) -> list[date]:
    """The months the journal has entries in, newest first (the first day of each)."""
    return list(prompts.order_by().dates("date", "month", order="DESC"))


def in_month(prompts: QuerySet[Prompt], month: date) -> QuerySet[Prompt]:
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return prompts.filter(date__gte=month, date__lt=following)


def knowing_each_other(member: Member) -> list[KnowingMonth]:
    """The relationship's guesses per month and how many matched: together, not a contest."""
    guesses = (
        Guess.objects.filter(prompt__relationship_id=member.relationship_id)
        .filter(member.while_a_member("prompt__revealed_at"))
        .values_list("prompt__date", "about_id", "prompt_id", "choice")
    )
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
