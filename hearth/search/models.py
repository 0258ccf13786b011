from django.db import models
from django.db.models import Q

from hearth.questions.models import Answer, Prompt, Question, Response
from hearth.relationships.models import Relationship


class IndexedWord(models.Model):
    """One word of an answer, a reply or a relationship's own question, kept only as a keyed
    hash (search/words.py), so a search finds it without reading anyone's words."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    token = models.BinaryField(max_length=16)
    prompt = models.ForeignKey(
        Prompt,
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Where an answer or a reply was written; an own question may be asked often.",
    )
    answer = models.ForeignKey(
        Answer, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    response = models.ForeignKey(
        Response, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    question = models.ForeignKey(
        Question, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(answer__isnull=False, response__isnull=True, question__isnull=True)
                    | Q(answer__isnull=True, response__isnull=False, question__isnull=True)
                    | Q(answer__isnull=True, response__isnull=True, question__isnull=False)
                ),
                name="indexed_word_from_one_source",
            ),
            models.CheckConstraint(
                condition=Q(prompt__isnull=True, question__isnull=False)
                | Q(prompt__isnull=False, question__isnull=True),
                name="indexed_word_has_a_prompt_unless_a_question",
            ),
            models.UniqueConstraint(fields=["answer", "token"], name="a_word_once_per_answer"),
            models.UniqueConstraint(fields=["response", "token"], name="a_word_once_per_response"),
            models.UniqueConstraint(fields=["question", "token"], name="a_word_once_per_question"),
        ]
        indexes = [models.Index(fields=["relationship", "token"], name="search_word_lookup")]

    def __str__(self) -> str:
        return f"A word in relationship {self.relationship_id}"
