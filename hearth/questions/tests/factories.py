from datetime import date

from hearth.questions.models import Answer, Prompt, Question
from hearth.questions.services import answer_submit, prompt_of_the_day
from hearth.relationships.models import Member, Relationship


def todays_prompt(relationship: Relationship, day: date | None = None) -> Prompt:
    prompt = prompt_of_the_day(relationship, day)
    assert prompt is not None, "some question always fits in these tests"
    return prompt


def answer_as(member: Member, prompt: Prompt, text: str = "my answer") -> Answer:
    """Answer with words, and the first option where the question has options."""
    return answer_submit(
        member=member, prompt=prompt, text=text, choice=0 if prompt.question.choices else None
    )


def give_options(prompt: Prompt) -> Prompt:
    """Swap the prompt's question for a light one with options, for guessing."""
    relationship = prompt.relationship
    question = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1, is_sexual=False)
        if q.choices and q.fits(relationship.kind, relationship.phase)
    )
    Prompt.objects.filter(pk=prompt.pk).update(question=question)
    prompt.refresh_from_db()
    return prompt
