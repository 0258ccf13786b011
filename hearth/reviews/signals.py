from django.dispatch import Signal

# Sent inside the service's transaction; receivers that reach outside wait for commit.
review_added_to = Signal()  # contribution: a member's part of a weekly review, new or changed
