from django.dispatch import Signal

# Sent inside the service's transaction; receivers that reach outside wait for commit.
appreciation_sent = Signal()  # appreciation: a thank-you from one member to another
