import csv
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from demo.bench.common import Gunicorn, signed_in_staff_client, table, write_results
from projects.models import Project
from recruitment.selectors import calls_open_to_the_public

ADMIN_LISTS = ["/admin/projects/project/", "/admin/challenges/challengerequest/", "/admin/recruitment/application/"]
LOCUSTFILE = Path(__file__).resolve().parents[2] / "bench" / "locustfile.py"


class Command(BaseCommand):
    help = (
        "Requests per second and p95 over HTTP: gunicorn (2 x cores + 1 workers) on 127.0.0.1 and locust headless on "
        "loopback, a fixed number of users per page, about 30 s in all; /healthz in the same run for the ratio."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=10)
        parser.add_argument("--seconds-per-page", type=int, default=5)
        parser.add_argument("--label", default="")
        parser.add_argument(
            "--no-page-cache",
            action="store_true",
            help="Switch the anonymous page cache off: what a first visit, a new filter or a form costs.",
        )

    def handle(self, *args, users, seconds_per_page, label, no_page_cache, **options):
        project = Project.objects.public().select_related("lab").order_by("pk").first()
        pages = ["/healthz", "/", "/projects/", project.get_absolute_url(), "/people/", "/search/?q=robotics"]
        if no_page_cache:
            call = calls_open_to_the_public().order_by("pk").first()
            pages += [
                project.lab.get_absolute_url(),
                f"/projects/?lab={project.lab.slug}&status=active",
                "/partners/",
                "/challenges/submit/",
                *([reverse("recruitment:application_apply", kwargs={"slug": call.slug})] if call else []),
            ]
        label = f"{label} page cache off" if no_page_cache else label
        # Staff lists: how long one member of staff waits for each (one user at a time), signed in over HTTP. The
        # in-process figure of bench_pages can mislead for these: see docs/performance.md.
        staff_pages = ADMIN_LISTS if no_page_cache else []
        cookie = self.staff_cookie() if staff_pages else ""
        rows = []
        with (
            Gunicorn(env={"PAGE_CACHE_SECONDS": "0"} if no_page_cache else None) as server,
            TemporaryDirectory() as scratch,
        ):
            for path in pages:
                rows.append(self.load(server.url, path, users, seconds_per_page, Path(scratch)))
            for path in staff_pages:
                self.warm_up(server, path, cookie)
                rows.append(self.load(server.url, path, 1, seconds_per_page, Path(scratch), cookie=cookie))
            workers = server.workers
        healthz = rows[0]["rps"] or 1
        for row in rows:
            row["vs_healthz"] = f"{row['rps'] / healthz:.0%}"
        self.stdout.write(table(rows, ["path", "requests", "failures", "rps", "median_ms", "p95_ms", "vs_healthz"]))
        failed = [row["path"] for row in rows if row["failures"] or not row["requests"]]
        if failed:
            raise CommandError(f"Requests failed (a redirect to sign in counts as one): {', '.join(failed)}")
        result = write_results(
            "http",
            {
                "label": label,
                "page_cache": not no_page_cache,
                "users": users,
                "seconds_per_page": seconds_per_page,
                "workers": workers,
                "pages": rows,
            },
        )
        self.stdout.write(f"Written to {result}")

    def warm_up(self, server, path, cookie):
        """A few requests for every worker first: one user's few dozen requests would otherwise count each
        worker's first admin page (templates and modules loaded on first use) in the p95."""
        request = urllib.request.Request(f"{server.url}{path}", headers={"Cookie": cookie})
        for _ in range(3 * server.workers):
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()

    def staff_cookie(self):
        client = signed_in_staff_client()
        return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    def load(self, host, path, users, seconds, scratch, cookie=""):
        prefix = scratch / f"run{abs(hash(path))}"
        command = [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
            "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
            "--host", host, "--csv", str(prefix), "--stop-timeout", "2", "--loglevel", "WARNING",
        ]  # fmt: skip
        subprocess.run(
            command,
            env={**os.environ, "BENCH_PATH": path, "BENCH_COOKIE": cookie},
            check=False,
            capture_output=True,
            timeout=seconds + 30,
        )
        with open(f"{prefix}_stats.csv", newline="") as stats:
            total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
        return {
            "path": path,
            "requests": int(total["Request Count"]),
            "failures": int(total["Failure Count"]),
            "rps": round(float(total["Requests/s"]), 1),
            "median_ms": total["50%"],
            "p95_ms": total["95%"],
        }
