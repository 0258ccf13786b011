from django.dispatch import Signal

# Sent inside the service's transaction; receivers that reach outside wait for commit.
plan_made = Signal()  # plan: a practice planned for the relationship
