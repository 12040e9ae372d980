from django.core.management.base import BaseCommand

from recruitment.services import offers_lapse


class Command(BaseCommand):
    help = (
        "Lapse every offer not accepted or declined by its reply-by date, e-mailing the student and the lab. "
        "Each offer lapses once, so it is safe to run repeatedly (daily)."
    )

    def handle(self, *args, **options):
        lapsed = offers_lapse()
        self.stdout.write(f"Lapsed {lapsed} offer(s).")
