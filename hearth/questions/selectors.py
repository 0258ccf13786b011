"""What a member may see of the question loop. Every read of answers goes through here."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from hearth.questions.models import Answer, Guess, Prompt, Response, Sitting
from hearth.questions.selection import fit_for, relationship_today
from hearth.questions.services import MIN_MEMBERS_TO_REVEAL
from hearth.relationships.models import Member
from hearth.search.selectors import prompts_matching


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
    that opened while they belonged. Reciprocity and membership in time, in one place; asked
    row by row, so a read of a few answers costs a few lookups however long the history."""
    answered_too = Answer.objects.filter(prompt_id=OuterRef("prompt_id"), member=member)
    # Scoped through the author's membership (one of this relationship's, as answering
    # requires), so a read of a few prompts' answers starts from those prompts.
    return Answer.objects.filter(member__relationship_id=member.relationship_id).filter(
        Q(member=member)
        | (
            Exists(answered_too)
            & member.while_a_member("prompt__revealed_at")
            & member.while_a_member("created_at")
        )
    )


def responses_visible_to(member: Member) -> QuerySet[Response]:
    """Reactions and replies on answers the member may read, written while they belonged."""
    readable = answers_visible_to(member).filter(pk=OuterRef("answer_id"))
    return Response.objects.filter(Exists(readable)).filter(member.while_a_member("created_at"))


def prompt_views(member: Member, prompts: list[Prompt]) -> list[PromptView]:
    """Many prompts as the member may see them, in a fixed number of queries."""
    # Everyone who ever belonged, once: each answer, response and guess points into this.
    everyone = {
        m.pk: m
        for m in Member.objects.filter(relationship_id=member.relationship_id).select_related(
            "user"
        )
    }
    members = [m for m in everyone.values() if m.is_current]
    readable = answers_visible_to(member).filter(prompt__in=prompts)
    responses = Prefetch("responses", responses_visible_to(member).order_by("created_at", "pk"))
    visible: dict[int, list[Answer]] = defaultdict(list)
    for answer in readable.prefetch_related(responses):
        answer.member = everyone[answer.member_id]
        for response in answer.responses.all():
            response.member = everyone[response.member_id]
        visible[answer.prompt_id].append(answer)
    answered: dict[int, set[int]] = defaultdict(set)  # who has answered, never what
    for prompt_id, member_id in Answer.objects.filter(prompt__in=prompts).values_list(
        "prompt_id", "member_id"
    ):
        answered[prompt_id].add(member_id)
    guesses: dict[int, list[Guess]] = defaultdict(list)
    for guess in Guess.objects.filter(prompt__in=prompts, guesser=member):
        guess.about = everyone[guess.about_id]
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


JOURNAL_PAGE = 20  # entries a search or the API returns at a time
JOURNAL_PAGE_MOST = 100
KNOWING_MONTHS = 12


def journal(
    member: Member,
    *,
    search: str = "",
    category: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Prompt]:
    """Shared questions the member took part in: answered by them, and opened while they
    belonged; newest opened first. A search finds words through the index (hearth/search),
    only in what the member may read; no answer is loaded here (see journal_entries)."""
    fit = fit_for(member.relationship)
    prompts = (
        Prompt.objects.filter(relationship_id=member.relationship_id, answers__member=member)
        .filter(member.while_a_member("revealed_at"))
        .exclude(question__category__in=fit.excluded)
        .select_related("question")
        .order_by("-revealed_at", "-pk")
    )
    if category:
        prompts = prompts.filter(question__category=category)
    if date_from:
        prompts = prompts.filter(date__gte=date_from)
    if date_to:
        prompts = prompts.filter(date__lte=date_to)
    if search:
        prompts = prompts_matching(
            prompts,
            search,
            relationship_id=member.relationship_id,
            answers=answers_visible_to(member),
            responses=responses_visible_to(member),
        )
    return prompts


def journal_page(
    member: Member,
    prompts: QuerySet[Prompt],
    *,
    before: int | None = None,
    limit: int = JOURNAL_PAGE,
) -> tuple[list[Prompt], bool]:
    """One page of the journal, newest first: the entries that come after the entry `before`
    (the id of an entry of this relationship; none for the newest), and whether more follow."""
    limit = max(1, min(limit, JOURNAL_PAGE_MOST))
    if before is not None:
        cursor = Subquery(
            Prompt.objects.filter(pk=before, relationship_id=member.relationship_id).values(
                "revealed_at"
            )[:1]
        )
        prompts = prompts.filter(Q(revealed_at__lt=cursor) | Q(revealed_at=cursor, pk__lt=before))
    page = list(prompts[: limit + 1])
    return page[:limit], len(page) > limit


def journal_entries(member: Member, prompts: Iterable[Prompt]) -> list[Prompt]:
    """The prompts with the answers the member may read, each knowing how many responses the
    member may read under it (`responses_seen`), without reading the responses themselves."""
    seen = (
        responses_visible_to(member)
        .filter(answer=OuterRef("pk"))
        .order_by()
        .values("answer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    answers = answers_visible_to(member).annotate(responses_seen=Coalesce(Subquery(seen), 0))
    entries = list(prompts)
    prefetch_related_objects(entries, Prefetch("answers", answers))
    everyone = Member.objects.filter(relationship_id=member.relationship_id).select_related("user")
    authors = {m.pk: m for m in everyone}
    for entry in entries:
        for answer in entry.answers.all():
            answer.member = authors[answer.member_id]
    return entries


@dataclass(frozen=True)
class JournalMonth:
    """The month shown, the months of its year that have entries (newest first), and the
    nearest months with entries in the years before and after."""

    month: date | None
    months: list[date] = field(default_factory=list)
    earlier: date | None = None
    later: date | None = None


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def month_after(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def journal_month(prompts: QuerySet[Prompt], wanted: date | None = None) -> JournalMonth:
    """The month to show (the one asked for, else the newest with entries) and the way to the
    others: a year's months and the nearest entries around it, read from the (relationship,
    date) index, however many years the journal holds."""
    by_date = prompts.order_by("-date").values_list("date", flat=True)
    month = wanted
    if month is None:
        newest = by_date.first()
        if newest is None:
            return JournalMonth(month=None)
        month = first_of_month(newest)
    year, next_year = month.replace(month=1), month.replace(year=month.year + 1, month=1)
    months = list(
        prompts.filter(date__gte=year, date__lt=next_year)
        .order_by()
        .dates("date", "month", order="DESC")
    )
    if wanted is not None and wanted not in months:
        return journal_month(prompts)  # nothing that month: the newest, as with no month asked
    earlier = by_date.filter(date__lt=year).first()
    later = by_date.order_by("date").filter(date__gte=next_year).first()
    return JournalMonth(
        month=month,
        months=months,
        earlier=first_of_month(earlier) if earlier else None,
        later=first_of_month(later) if later else None,
    )


def in_month(prompts: QuerySet[Prompt], month: date) -> QuerySet[Prompt]:
    return prompts.filter(date__gte=month, date__lt=month_after(month))


@dataclass
class KnowingMonth:
    month: date
    guesses: int
    matched: int


def knowing_each_other(member: Member, today: date | None = None) -> list[KnowingMonth]:
    """The relationship's guesses per month over the last twelve months, and how many matched
    the pick: together, not a contest. Counted in the database."""
    today = today or relationship_today(member.relationship)
    since = first_of_month(today - timedelta(days=31 * (KNOWING_MONTHS - 1)))
    actual = (
        Answer.objects.filter(
            prompt_id=OuterRef("prompt_id"), member_id=OuterRef("about_id"), choice__isnull=False
        )
        .order_by()
        .values("choice")
    )
    rows = (
        Guess.objects.filter(
            prompt__relationship_id=member.relationship_id, prompt__date__gte=since
        )
        .filter(member.while_a_member("prompt__revealed_at"))
        .annotate(actual=Subquery(actual))
        .filter(actual__isnull=False)
        .annotate(month=TruncMonth("prompt__date"))
        .order_by()
        .values("month")
        .annotate(guesses=Count("pk"), matched=Count("pk", filter=Q(choice=F("actual"))))
        .order_by("month")
    )
    return [KnowingMonth(first_of_month(r["month"]), r["guesses"], r["matched"]) for r in rows]
