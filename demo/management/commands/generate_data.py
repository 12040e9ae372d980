import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from demo.generated_data import generate, generation_allowed

STEPS = 8


class Command(BaseCommand):
    help = (
        "Create realistic fictional data in bulk for benchmarks (scale 1: 10 labs, 200 organisations, "
        "3,000 people, 10,000 projects, 2,000 challenge requests, 20,000 applications)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (never on a live site).")

    def handle(self, *args, scale, seed, force, **options):
        if not generation_allowed(force):
            raise CommandError("DEBUG is off: this looks like a real site. Add --force if you really mean it.")
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        started = time.perf_counter()
        with tqdm(
            total=STEPS, desc=f"generating at scale {scale:g}", unit="step", disable=options["verbosity"] == 0
        ) as bar:

            def progress(step):
                bar.set_postfix_str(step)
                bar.update(1)

            created = generate(scale=scale, seed=seed, progress=progress)
        if connection.vendor == "postgresql":
            # The planner's statistics and the visibility map as autovacuum would soon have them on a live site:
            # without statistics it guesses a few hundred rows for tables of tens of thousands and picks the wrong
            # indexes; without the map no index-only scan (the admin's date drill-down read every application's
            # row, 13 ms, instead of the index). VACUUM cannot run inside a transaction (a test's): ANALYZE there.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{value:,} {key}" for key, value in created.items())
        self.stdout.write(f"Generated {summary} in {elapsed:.1f} s.")
