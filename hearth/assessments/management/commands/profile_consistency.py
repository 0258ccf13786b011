from django.core.management.base import BaseCommand

from hearth.assessments.consistency import scale_consistency
from hearth.assessments.instrument import instrument


class Command(BaseCommand):
    help = "Internal consistency (Cronbach's alpha, McDonald's omega) of each profile scale."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{'scale':<20} {'people':>6} {'alpha':>6} {'omega':>6}")
        for row in scale_consistency(instrument()):
            if row.alpha is None:
                self.stdout.write(f"{row.scale:<20} {row.respondents:>6}   not enough: {row.note}")
            else:
                self.stdout.write(
                    f"{row.scale:<20} {row.respondents:>6} {row.alpha:>6.2f} {row.omega:>6.2f}"
                )
