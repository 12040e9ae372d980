import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from demo.bench.common import percentile, signed_in_staff_client, table, write_results
from labs.models import JointLab
from people.models import Person
from portal.page_cache import bump_content_version
from projects.models import Project
from recruitment.selectors import calls_open_to_the_public


class Command(BaseCommand):
    help = "In-process latency (median, p95) and SQL query count of the main pages, on the current database."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=40)
        parser.add_argument("--label", default="", help="Recorded with the results, e.g. the scale.")

    def handle(self, *args, repeat, label, **options):
        # Measure the views themselves: the anonymous page cache would answer from memory after the first hit
        # (its effect shows in bench_http).
        # The test client talks to the site as "testserver". Not setup_test_environment(): it instruments every
        # template render (+25 % on /projects/, +60 % on the home page), which no visitor's request pays.
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], PAGE_CACHE_SECONDS=0):
            self.run(repeat, label)

    def run(self, repeat, label):
        pages = self.pages()
        anonymous, staff = Client(), signed_in_staff_client()
        rows = []
        for name, path, is_admin in pages:
            client = staff if is_admin else anonymous
            # The first view after a content change: nothing kept yet (filter options, counts, fragments).
            bump_content_version()
            started = time.perf_counter()
            client.get(path)
            first_ms = (time.perf_counter() - started) * 1000
            for _ in range(3):
                client.get(path)
            queries = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            # Counted at the driver: the test client closes the connection after each request, which the
            # debug-cursor log does not survive.
            with connection.execute_wrapper(count):
                status = client.get(path).status_code
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            rows.append(
                {
                    "page": name,
                    "path": path,
                    "status": status,
                    "queries": len(queries),
                    "first_ms": round(first_ms, 1),
                    "median_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(percentile(timings, 0.95), 1),
                }
            )
        # The yardstick: a view that does nothing, through the same middleware, in the same run.
        floor = next(row for row in rows if row["path"] == "/healthz")
        for row in rows:
            row["p95_vs_healthz"] = f"{row['p95_ms'] / max(floor['p95_ms'], 0.1):.1f}x"
        columns = ["page", "status", "queries", "first_ms", "median_ms", "p95_ms", "p95_vs_healthz", "path"]
        self.stdout.write(table(rows, columns))
        path = write_results("pages", {"label": label, "repeat": repeat, "pages": rows})
        self.stdout.write(f"Written to {path}")
        # A redirect or an error page is fast for the wrong reason: the figures would mean nothing.
        failed = [f"{row['path']} ({row['status']})" for row in rows if row["status"] != 200]
        if failed:
            raise CommandError(f"Not every page answered 200: {', '.join(failed)}")

    def pages(self):
        lab = JointLab.objects.filter(projects__isnull=False).order_by("pk").first()
        project = Project.objects.public().select_related("lab").order_by("pk").first()
        public_projects = Project.objects.public().count()
        deep_page = max(1, min(50, (public_projects + 19) // 20))
        person = Person.objects.public().order_by("pk").first()
        call = calls_open_to_the_public().order_by("pk").first()
        pages = [
            ("/healthz", "/healthz", False),
            ("home", "/", False),
            ("lab", lab.get_absolute_url(), False),
            ("projects", "/projects/", False),
            ("projects filtered", f"/projects/?lab={lab.slug}&status=active", False),
            (f"projects page {deep_page}", f"/projects/?page={deep_page}", False),
            ("project", project.get_absolute_url(), False),
            ("people", "/people/", False),
            ("person", person.get_absolute_url(), False),
            ("partners", "/partners/", False),
            ("search", "/search/?q=robotics", False),
            ("challenge form", "/challenges/submit/", False),
        ]
        if call is not None:
            pages.append(("apply form", reverse("recruitment:application_apply", kwargs={"slug": call.slug}), False))
        return [
            *pages,
            ("admin projects", "/admin/projects/project/", True),
            ("admin challenges", "/admin/challenges/challengerequest/", True),
            ("admin applications", "/admin/recruitment/application/", True),
        ]
