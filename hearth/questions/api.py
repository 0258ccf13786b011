from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from hearth.api_types import MemberRef, Text, errors, me, member_ref, membership
from hearth.questions import selectors, services
from hearth.questions.models import Answer, Boundary, Category, Prompt, Response, ResponseKind
from hearth.questions.selectors import JOURNAL_PAGE, JOURNAL_PAGE_MOST, PromptView
from hearth.questions.services import MAX_ANSWER_LENGTH, MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH
from hearth.relationships.models import Member

router = Router(tags=["questions"])
R = "/relationships/{relationship_id}"


class QuestionOut(Schema):
    id: int
    text: str
    category: Category
    depth: int
    choices: list[str]
    own: bool = Field(description="Written by a member of this relationship.")


class ResponseOut(Schema):
    id: int
    member: MemberRef
    kind: ResponseKind
    text: str
    parent_id: int | None


class AnswerOut(Schema):
    id: int
    member: MemberRef
    text: str
    choice: int | None
    felt_understood: int | None = Field(description="Only on your own answers.")
    responses: list[ResponseOut]


class GuessOut(Schema):
    about: MemberRef
    choice: int
    actual: int | None = Field(description="Their pick, once answers are shared.")


class PromptOut(Schema):
    id: int
    date: date
    question: QuestionOut
    revealed: bool
    skipped: bool
    sitting_id: int | None
    answered: list[MemberRef] = Field(
        description="Who has answered (never what) before the reveal."
    )
    waiting_for: list[MemberRef]
    my_answer: AnswerOut | None
    answers: list[AnswerOut] = Field(description="Everyone's answers, once shared with you.")
    my_guesses: list[GuessOut]


class AnswerIn(Schema):
    text: Text = Field("", max_length=MAX_ANSWER_LENGTH)
    choice: int | None = Field(None, ge=0, le=10)


class GuessIn(Schema):
    about_member_id: int
    choice: int = Field(ge=0, le=10)


class ReactionIn(Schema):
    kind: ResponseKind


class ReactionOut(Schema):
    kind: ResponseKind
    present: bool


class ReplyIn(Schema):
    text: Text = Field(min_length=1, max_length=MAX_ANSWER_LENGTH)
    parent_id: int | None = None


class RatingIn(Schema):
    rating: int = Field(ge=1, le=7, description="1 not at all understood, 7 completely.")


class DeckOut(Schema):
    key: str
    title: str
    description: str
    questions: int
    sets: list[str]


class SittingIn(Schema):
    deck: str = Field(max_length=40)


class SittingOut(Schema):
    id: int
    deck: str
    questions: int
    finished: bool
    current: PromptOut | None


class OwnQuestionIn(Schema):
    text: Text = Field(min_length=MIN_QUESTION_LENGTH, max_length=MAX_QUESTION_LENGTH)
    category: Category
    depth: int = Field(ge=1, le=3)
    choices: list[Text] = Field(default_factory=list, max_length=5)


class PreferencesOut(Schema):
    depth_cap: int = Field(ge=1, le=3)
    sexual_content_consent: bool


class BoundariesIn(Schema):
    categories: list[Category] = Field(
        max_length=len(Category), description="Topics you never want to see, anywhere."
    )


class BoundariesOut(Schema):
    categories: list[Category]


class JournalFilter(Schema):
    q: str = Field(
        "",
        max_length=100,
        description="Words to find, each anywhere in an entry (whole words; case and accents "
        "don't matter): in the question, or in the answers and replies you may read.",
    )
    category: Category | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = Field(
        JOURNAL_PAGE, ge=1, le=JOURNAL_PAGE_MOST, description="How many entries, newest first."
    )
    before: int | None = Field(
        None,
        ge=1,
        le=2**63 - 1,
        description="The id of the last entry you have: the entries after it (opened earlier). "
        "Walk back by passing the last id of each page until a page comes back short.",
    )


# Built from our own rows, so constructed without checking each field again: the response is
# checked against its schema once, on the way out.


def answer_out(answer: Answer, viewer: Member) -> AnswerOut:
    responses: list[Response] = list(answer.responses.all())
    return AnswerOut.model_construct(
        id=answer.pk,
        member=member_ref(answer.member),
        text=answer.text,
        choice=answer.choice,
        felt_understood=answer.felt_understood if answer.member_id == viewer.pk else None,
        responses=[
            ResponseOut.model_construct(
                id=r.pk,
                member=member_ref(r.member),
                kind=ResponseKind(r.kind),
                text=r.text,
                parent_id=r.parent_id,
            )
            for r in responses
        ],
    )


def prompt_out(view: PromptView) -> PromptOut:
    prompt, question = view.prompt, view.prompt.question
    answers = {a.pk: answer_out(a, view.me) for a in view.answers}
    mine = view.my_answer
    return PromptOut.model_construct(
        id=prompt.pk,
        date=prompt.date,
        question=QuestionOut.model_construct(
            id=question.pk,
            text=question.localized_text,
            category=Category(question.category),
            depth=question.depth,
            choices=question.localized_choices,
            own=question.is_own,
        ),
        revealed=prompt.is_revealed,
        skipped=prompt.skipped_at is not None,
        sitting_id=prompt.sitting_id,
        answered=[member_ref(m) for m in view.answered],
        waiting_for=[member_ref(m) for m in view.waiting_for],
        my_answer=(answers.get(mine.pk) or answer_out(mine, view.me)) if mine else None,
        answers=list(answers.values()),
        my_guesses=[
            GuessOut.model_construct(about=member_ref(g.about), choice=g.choice, actual=g.actual)
            for g in view.guesses
        ],
    )


def viewed(member: Member, prompt: Prompt) -> PromptOut:
    prompt.refresh_from_db()
    return prompt_out(selectors.prompt_view(member, prompt))


@router.get(
    R + "/today",
    response={200: PromptOut, 204: None, **errors(404, 422)},
    summary="Today's question",
)
def today(request: HttpRequest, relationship_id: int) -> Status[PromptOut | None]:
    member = membership(request, relationship_id)
    prompt = services.prompt_of_the_day(member.relationship)
    if prompt is None:
        return Status(204, None)
    return Status(200, viewed(member, prompt))


@router.get(R + "/prompts/{prompt_id}", response={200: PromptOut, **errors(404, 422)})
def prompt_get(request: HttpRequest, relationship_id: int, prompt_id: int) -> PromptOut:
    member = membership(request, relationship_id)
    return viewed(member, selectors.prompt_for(member, prompt_id))


@router.put(
    R + "/prompts/{prompt_id}/answer",
    response={200: PromptOut, **errors(400, 404, 422)},
    summary="Answer or edit",
)
def answer_put(
    request: HttpRequest, relationship_id: int, prompt_id: int, body: AnswerIn
) -> PromptOut:
    member = membership(request, relationship_id)
    prompt = selectors.prompt_for(member, prompt_id)
    services.answer_submit(member=member, prompt=prompt, text=body.text, choice=body.choice)
    return viewed(member, prompt)


@router.post(
    R + "/prompts/{prompt_id}/skip",
    response={200: PromptOut, 204: None, **errors(400, 404, 422)},
    summary="Skip, no reason needed; returns the question that replaces it",
)
def skip(request: HttpRequest, relationship_id: int, prompt_id: int) -> Status[PromptOut | None]:
    member = membership(request, relationship_id)
    replacement = services.prompt_skip(
        member=member, prompt=selectors.prompt_for(member, prompt_id)
    )
    if replacement is None:
        return Status(204, None)
    return Status(200, viewed(member, replacement))


@router.post(R + "/prompts/{prompt_id}/guesses", response={201: GuessOut, **errors(400, 404, 422)})
def guess(
    request: HttpRequest, relationship_id: int, prompt_id: int, body: GuessIn
) -> Status[GuessOut]:
    member = membership(request, relationship_id)
    prompt = selectors.prompt_for(member, prompt_id)
    made = services.guess_submit(
        member=member, prompt=prompt, about_member_id=body.about_member_id, choice=body.choice
    )
    return Status(201, GuessOut(about=member_ref(made.about), choice=made.choice, actual=None))


@router.post(
    R + "/answers/{answer_id}/reactions",
    response={200: ReactionOut, **errors(400, 404, 422)},
    summary="Toggle",
)
def react(
    request: HttpRequest, relationship_id: int, answer_id: int, body: ReactionIn
) -> ReactionOut:
    member = membership(request, relationship_id)
    answer = selectors.answer_for(member, answer_id)
    present = services.reaction_toggle(member=member, answer=answer, kind=body.kind)
    return ReactionOut(kind=body.kind, present=present)


@router.post(
    R + "/answers/{answer_id}/replies", response={201: ResponseOut, **errors(400, 404, 422)}
)
def reply(
    request: HttpRequest, relationship_id: int, answer_id: int, body: ReplyIn
) -> Status[ResponseOut]:
    member = membership(request, relationship_id)
    answer = selectors.answer_for(member, answer_id)
    made = services.reply_add(
        member=member, answer=answer, text=body.text, parent_id=body.parent_id
    )
    return Status(
        201,
        ResponseOut(
            id=made.pk,
            member=member_ref(member),
            kind=ResponseKind.REPLY,
            text=made.text,
            parent_id=made.parent_id,
        ),
    )


@router.put(
    R + "/answers/{answer_id}/felt-understood",
    response={200: AnswerOut, **errors(400, 404, 422)},
)
def rate(request: HttpRequest, relationship_id: int, answer_id: int, body: RatingIn) -> AnswerOut:
    member = membership(request, relationship_id)
    answer = selectors.answer_for(member, answer_id)
    return answer_out(
        services.felt_understood_rate(member=member, answer=answer, rating=body.rating), member
    )


@router.get(
    R + "/journal",
    response={200: list[PromptOut], **errors(404, 422)},
    summary="Shared questions, newest first, a page at a time",
)
def journal(
    request: HttpRequest, relationship_id: int, filters: Query[JournalFilter]
) -> list[PromptOut]:
    """The questions you answered that opened while you belonged, `limit` at a time, with the
    answers and responses you may read. For the next page, pass `before` = the last id."""
    member = membership(request, relationship_id)
    prompts = selectors.journal(
        member,
        search=filters.q,
        category=filters.category or "",
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    page, _more = selectors.journal_page(
        member, prompts, before=filters.before, limit=filters.limit
    )
    return [prompt_out(view) for view in selectors.prompt_views(member, page)]


@router.get(
    R + "/waiting",
    response={200: list[PromptOut], **errors(404, 422)},
    summary="Earlier questions someone answered that still wait for your answer",
)
def waiting(request: HttpRequest, relationship_id: int) -> list[PromptOut]:
    member = membership(request, relationship_id)
    today = services.prompt_of_the_day(member.relationship)
    prompts = selectors.waiting_for_my_answer(member, today=today)
    return [prompt_out(view) for view in selectors.prompt_views(member, prompts)]


@router.get(R + "/decks", response={200: list[DeckOut], **errors(404, 422)})
def decks(request: HttpRequest, relationship_id: int) -> list[DeckOut]:
    member = membership(request, relationship_id)
    return [
        DeckOut(
            key=d.key,
            title=d.localized_title,
            description=d.localized_description,
            questions=len(d.keys),
            sets=list(d.localized_set_titles),
        )
        for d in services.decks_for(member.relationship)
    ]


def sitting_out(member: Member, sitting_id: int) -> SittingOut:
    sitting = selectors.sitting_for(member, sitting_id)
    current = sitting.prompts.select_related("question").order_by("-position").first()
    return SittingOut(
        id=sitting.pk,
        deck=sitting.deck,
        questions=len(sitting.question_keys),
        finished=sitting.finished_at is not None,
        current=viewed(member, current) if current else None,
    )


@router.post(
    R + "/sittings",
    response={201: SittingOut, **errors(400, 404, 422)},
    summary="Start a deck together",
)
def sitting_start(
    request: HttpRequest, relationship_id: int, body: SittingIn
) -> Status[SittingOut]:
    member = membership(request, relationship_id)
    sitting = services.sitting_start(member=member, deck_key=body.deck)
    return Status(201, sitting_out(member, sitting.pk))


@router.get(R + "/sittings/{sitting_id}", response={200: SittingOut, **errors(404, 422)})
def sitting_get(request: HttpRequest, relationship_id: int, sitting_id: int) -> SittingOut:
    return sitting_out(membership(request, relationship_id), sitting_id)


@router.post(R + "/sittings/{sitting_id}/next", response={200: SittingOut, **errors(400, 404, 422)})
def sitting_next(request: HttpRequest, relationship_id: int, sitting_id: int) -> SittingOut:
    member = membership(request, relationship_id)
    services.sitting_advance(member=member, sitting=selectors.sitting_for(member, sitting_id))
    return sitting_out(member, sitting_id)


@router.post(
    R + "/questions",
    response={201: QuestionOut, **errors(400, 404, 422)},
    summary="Add our own question",
)
def own_question(
    request: HttpRequest, relationship_id: int, body: OwnQuestionIn
) -> Status[QuestionOut]:
    member = membership(request, relationship_id)
    question = services.own_question_add(
        member=member,
        text=body.text,
        category=body.category,
        depth=body.depth,
        choices=body.choices,
    )
    return Status(
        201,
        QuestionOut(
            id=question.pk,
            text=question.text,
            category=Category(question.category),
            depth=question.depth,
            choices=question.choices,
            own=True,
        ),
    )


@router.get(
    R + "/preferences",
    response={200: PreferencesOut, **errors(404, 422)},
    summary="Your depth cap and consent",
)
def preferences_get(request: HttpRequest, relationship_id: int) -> Member:
    return membership(request, relationship_id)


@router.put(R + "/preferences", response={200: PreferencesOut, **errors(400, 404, 422)})
def preferences_put(request: HttpRequest, relationship_id: int, body: PreferencesOut) -> Member:
    return services.content_preferences_set(
        member=membership(request, relationship_id),
        sexual_content_consent=body.sexual_content_consent,
        depth_cap=body.depth_cap,
    )


@router.get("/me/boundaries", response={200: BoundariesOut, **errors()}, tags=["profile"])
def boundaries_get(request: HttpRequest) -> BoundariesOut:
    categories = Boundary.objects.filter(user=me(request)).values_list("category", flat=True)
    return BoundariesOut(categories=[Category(c) for c in categories])


@router.put("/me/boundaries", response={200: BoundariesOut, **errors(400, 422)}, tags=["profile"])
def boundaries_put(request: HttpRequest, body: BoundariesIn) -> BoundariesOut:
    services.boundaries_set(user=me(request), categories={str(c) for c in body.categories})
    return boundaries_get(request)
