from django.dispatch import Signal

# What happened in the question loop, for other domains to act on (notifications, say).
# Each is sent inside the service's transaction; receivers that reach outside wait for commit.
answer_given = Signal()  # answer: a member's first answer to a prompt
prompt_revealed = Signal()  # prompt, by: answers are open (by the member who answered last)
response_given = Signal()  # response: a reaction or reply on someone's answer
