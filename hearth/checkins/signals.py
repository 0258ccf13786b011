from django.dispatch import Signal

# Sent when a person newly lets a relationship see "I could use support" for a day, with
# `entry` (the RelationshipCheckIn); never for relationships they didn't choose.
support_shared = Signal()
