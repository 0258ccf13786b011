from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.content_translations import translated
from hearth.encryption import EncryptedTextField
from hearth.relationships.models import Member, Relationship, RelationshipKind


class Category(models.TextChoices):
    EMOTIONAL = "emotional", _("Emotional")
    PHYSICAL_AFFECTION = "physical_affection", _("Physical affection")
    SEXUAL = "sexual", _("Sexual")
    SPIRITUAL_VALUES = "spiritual_values", _("Spiritual and values")
    INTELLECTUAL = "intellectual", _("Intellectual")
    RECREATIONAL = "recreational", _("Recreational and fun")
    GRATITUDE = "gratitude", _("Gratitude and appreciation")
    TRUST = "trust", _("Trust")
    COMMUNICATION = "communication", _("Communication")
    MEMORIES = "memories", _("Memories")
    DREAMS_FUTURE = "dreams_future", _("Dreams and future")
    FAMILY_ROOTS = "family_roots", _("Family and roots")
    SUPPORT_STRESS = "support_stress", _("Support under stress")


class Depth(models.IntegerChoices):
    # Translators: how deep a question goes: light, personal or vulnerable.
    LIGHT = 1, pgettext_lazy("question depth", "Light")
    PERSONAL = 2, pgettext_lazy("question depth", "Personal")
    VULNERABLE = 3, pgettext_lazy("question depth", "Vulnerable")


class Question(models.Model):
    """A question of the bank (loaded from content/) or one a relationship wrote for itself."""

    key = models.CharField(
        max_length=40, unique=True, null=True, blank=True, help_text="The content id."
    )
    text = EncryptedTextField()
    category = models.CharField(max_length=24, choices=Category.choices)
    depth = models.PositiveSmallIntegerField(choices=Depth.choices)
    kinds = models.JSONField(default=list)
    phases = models.JSONField(default=list, blank=True)
    is_sexual = models.BooleanField(default=False)
    choices = models.JSONField(default=list, blank=True)
    relationship = models.ForeignKey(
        Relationship,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_questions",
        help_text="Set for a question a relationship's member wrote; only it sees the question.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired = models.BooleanField(default=False, help_text="No longer in the content files.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(depth__gte=1, depth__lte=3), name="question_depth_1_to_3"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="question_category_known"
            ),
            models.CheckConstraint(
                condition=Q(key__isnull=False) | Q(relationship__isnull=False),
                name="question_from_bank_or_relationship",
            ),
            models.CheckConstraint(
                condition=~Q(is_sexual=True) | Q(category="sexual"),
                name="question_sexual_only_in_sexual_category",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_own(self) -> bool:
        return self.relationship_id is not None

    @property
    def localized_text(self) -> str:
        """The words in the reader's language where the bank has them; own questions as written."""
        return translated("questions", self.key, "text", str(self.text))

    @property
    def localized_choices(self) -> list[str]:
        return translated("questions", self.key, "choices", list(self.choices))

    def fits(self, kind: str, phase: str) -> bool:
        return kind in self.kinds and (not self.phases or phase in self.phases)


class Boundary(models.Model):
    """A category a person never wants to see, in any of their relationships."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="boundaries"
    )
    category = models.CharField(max_length=24, choices=Category.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="one_boundary_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.user} skips {self.category}"


class Sitting(models.Model):
    """Members going through a deck together, one question at a time."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="sittings"
    )
    deck = models.CharField(max_length=40)
    question_keys = models.JSONField(help_text="The questions, in order, fixed when started.")
    set_starts = models.JSONField(default=list, help_text="Positions where each set begins.")
    started_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.deck} in {self.relationship}"


class Prompt(models.Model):
    """A question put to a relationship: the prompt of the day, or one step of a sitting."""

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="prompts")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="prompts")
    date = models.DateField(help_text="The relationship's own date it was asked on.")
    sitting = models.ForeignKey(
        Sitting, null=True, blank=True, on_delete=models.CASCADE, related_name="prompts"
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    revealed_at = models.DateTimeField(null=True, blank=True)
    skipped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "date"],
                condition=Q(sitting__isnull=True, skipped_at__isnull=True),
                name="one_prompt_of_the_day",
            ),
            models.UniqueConstraint(
                fields=["sitting", "position"],
                condition=Q(sitting__isnull=False),
                name="one_prompt_per_sitting_step",
            ),
            models.CheckConstraint(
                condition=Q(revealed_at__isnull=True) | Q(skipped_at__isnull=True),
                name="prompt_not_both_revealed_and_skipped",
            ),
        ]
        indexes = [
            models.Index(fields=["relationship", "revealed_at"]),
            # The journal walks a relationship's prompts by date, a month at a time.
            models.Index(fields=["relationship", "date"], name="prompt_relationship_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.question}"

    def get_absolute_url(self) -> str:
        if self.sitting_id:
            return reverse("questions:sitting", args=[self.relationship_id, self.sitting_id])
        return reverse("questions:prompt", args=[self.relationship_id, self.pk])

    @property
    def is_revealed(self) -> bool:
        return self.revealed_at is not None

    @property
    def is_daily(self) -> bool:
        return self.sitting_id is None


class Answer(models.Model):
    """A member's private reply to a prompt; others read it only after the reveal."""

    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="answers")
    text = EncryptedTextField(blank=True)
    choice = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    felt_understood = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The author's 1–7 rating of how understood they felt."
    )
    rated_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(
        null=True, blank=True, help_text="Its author deleted their account; the words are gone."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["prompt", "member"], name="one_answer_per_member"),
            models.CheckConstraint(
                condition=Q(felt_understood__isnull=True)
                | Q(felt_understood__gte=1, felt_understood__lte=7),
                name="felt_understood_1_to_7",
            ),
            models.CheckConstraint(
                condition=~Q(text="") | Q(choice__isnull=False) | Q(removed_at__isnull=False),
                name="answer_says_something",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer by {self.member_id} to {self.prompt_id}"


class ResponseKind(models.TextChoices):
    THANKS = "thanks", _("Thank you for telling me")
    SAME = "same", _("I feel that too")
    MORE = "more", _("Tell me more")
    MEANS_A_LOT = "means_a_lot", _("That means a lot to me")
    HERE = "here", _("I'm here for you")
    # Translators: a written reply to someone's answer, as one kind of response.
    REPLY = "reply", pgettext_lazy("response kind", "Reply")


class Response(models.Model):
    """A member's reaction or written reply to a revealed answer; replies can thread."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="responses")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="responses")
    kind = models.CharField(max_length=16, choices=ResponseKind.choices)
    text = EncryptedTextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "member", "kind"],
                condition=~Q(kind="reply"),
                name="one_reaction_of_a_kind",
            ),
            models.CheckConstraint(
                condition=(Q(kind="reply") & ~Q(text="")) | (~Q(kind="reply") & Q(text="")),
                name="replies_have_text_reactions_do_not",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ResponseKind.values), name="response_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.answer_id}"


class Guess(models.Model):
    """Before the reveal, one member's guess at another's choice; friendly, never a contest."""

    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="guesses")
    guesser = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="guesses_made")
    about = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="guesses_about")
    choice = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prompt", "guesser", "about"], name="one_guess_per_pair"
            ),
            models.CheckConstraint(condition=~Q(guesser=F("about")), name="guess_about_another"),
        ]

    def __str__(self) -> str:
        return f"Guess by {self.guesser_id} about {self.about_id}"


__all__ = [
    "Answer",
    "Boundary",
    "Category",
    "Depth",
    "Guess",
    "Prompt",
    "Question",
    "RelationshipKind",
    "Response",
    "ResponseKind",
    "Sitting",
]
