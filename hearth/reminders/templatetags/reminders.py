from django import template

from hearth.questions.selectors import PromptView
from hearth.reminders.selectors import NudgeChoice, nudge_choices

register = template.Library()


@register.simple_tag
def nudges_for(view: PromptView) -> list[NudgeChoice]:
    """Whom the viewer of a waiting prompt may send a gentle reminder to (once they answered)."""
    if view.my_answer is None:
        return []
    return nudge_choices(me=view.me, prompt=view.prompt, waiting=view.waiting_for)
