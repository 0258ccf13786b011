from django.dispatch import Signal

# Sent after a member left, with `member`; other domains settle what depended on them.
member_left = Signal()
# Sent after someone joined through an invitation, with `member`.
member_joined = Signal()
