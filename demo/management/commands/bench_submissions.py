import logging
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from challenges.models import ChallengeAttachment, ChallengeRequest
from demo.bench.common import Gunicorn, free_port, table, write_results
from demo.sample_pdf import SAMPLE_PDF as PDF
from portal.models import OutboxEmail
from portal.uploads import private_storage
from recruitment.models import Application, Call

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP line at INFO


class CountingSMTP:
    """A real SMTP server on 127.0.0.1 that counts what it receives (aiosmtpd)."""

    def __init__(self, port):
        self.received = []
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append(envelope.rcpt_tos)
        return "250 OK"


class Command(BaseCommand):
    help = (
        "Concurrent challenge submissions and applications over HTTP against gunicorn on 127.0.0.1, then checks "
        "that rows, files and e-mails match the accepted submissions; once more with the SMTP server down."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200)
        parser.add_argument("--concurrency", type=int, default=25)

    def handle(self, *args, count, concurrency, **options):
        call = Call.objects.published().open().order_by("pk").first()
        if call is None:
            raise CommandError("No open call: run load_demo or generate_data first.")
        smtp_port = free_port()
        smtp = CountingSMTP(smtp_port)
        env = {
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "CHALLENGE_RATE_LIMIT": "1000000/h",
            "APPLICATION_RATE_LIMIT": "1000000/h",
            "PAGE_CACHE_SECONDS": "0",
        }
        rounds = []
        with Gunicorn(env=env) as server:
            smtp.controller.start()
            rounds.append(self.round("SMTP up", server.url, call, count, concurrency, smtp, smtp_up=True))
            smtp.controller.stop()
            rounds.append(self.round("SMTP down", server.url, call, count, concurrency, smtp, smtp_up=False))
            smtp.controller = Controller(smtp, hostname="127.0.0.1", port=smtp_port)
            smtp.controller.start()
            before = len(smtp.received)
            # The retry command as cron would run it, pointed at the mail server that is back.
            for _ in range(2):  # the second run must find nothing left to send
                subprocess.run(
                    [sys.executable, "manage.py", "send_outbox"], cwd=settings.BASE_DIR, env=server.env, check=True,
                    capture_output=True, timeout=300,
                )  # fmt: skip
            rounds[-1]["delivered_after_recovery"] = len(smtp.received) - before
            rounds[-1]["still_queued"] = OutboxEmail.objects.filter(status="queued").count()
            smtp.controller.stop()
        columns = [
            "round", "challenges_accepted", "challenge_rows", "applications_accepted", "application_rows",
            "files_on_storage", "emails_queued", "emails_received", "5xx", "duplicates", "nothing_lost",
            "delivered_after_recovery", "still_queued",
        ]  # fmt: skip
        self.stdout.write(table(rounds, columns))
        problems = [r for r in rounds if not r["nothing_lost"]]
        path = write_results("submissions", {"count": count, "concurrency": concurrency, "rounds": rounds})
        self.stdout.write(f"Written to {path}")
        if (
            problems
            or rounds[-1]["still_queued"]
            or rounds[-1]["delivered_after_recovery"] != rounds[-1]["emails_queued"]
        ):
            raise CommandError("Something was lost or not delivered: see the table above.")

    def round(self, label, url, call, count, concurrency, smtp, *, smtp_up):
        tag = f"{label.split()[1].lower()}-{int(time.time())}"
        challenges_before = set(ChallengeRequest.objects.values_list("pk", flat=True))
        applications_before = set(Application.objects.values_list("pk", flat=True))
        outbox_before = OutboxEmail.objects.count()
        received_before = len(smtp.received)
        with ThreadPoolExecutor(concurrency) as pool:
            challenge_statuses = list(pool.map(lambda i: submit_challenge(url, f"{tag}-{i}"), range(count)))
            application_statuses = list(pool.map(lambda i: submit_application(url, call, f"{tag}-{i}"), range(count)))
        time.sleep(2)  # e-mails go out after commit, in the workers
        new_challenges = ChallengeRequest.objects.exclude(pk__in=challenges_before)
        new_applications = Application.objects.exclude(pk__in=applications_before)
        accepted_challenges = challenge_statuses.count(302)
        accepted_applications = application_statuses.count(200)
        files = [a.file.name for a in ChallengeAttachment.objects.filter(challenge__in=new_challenges)]
        files += [a.cv.name for a in new_applications]
        emails_queued = OutboxEmail.objects.count() - outbox_before
        references = list(new_challenges.values_list("reference", flat=True)) + list(
            new_applications.values_list("reference", flat=True)
        )
        row = {
            "round": label,
            "challenges_accepted": accepted_challenges,
            "challenge_rows": new_challenges.count(),
            "applications_accepted": accepted_applications,
            "application_rows": new_applications.count(),
            "files_on_storage": sum(private_storage().exists(name) for name in files),
            "emails_queued": emails_queued,
            "emails_received": len(smtp.received) - received_before,
            "5xx": sum(status >= 500 for status in challenge_statuses + application_statuses),
            "duplicates": len(references) - len(set(references)),
        }
        expected_emails = 2 * accepted_challenges + 4 * accepted_applications
        row["nothing_lost"] = (
            row["challenge_rows"] == accepted_challenges
            and row["application_rows"] == accepted_applications
            and row["files_on_storage"] == accepted_challenges + accepted_applications
            and emails_queued == expected_emails
            and (row["emails_received"] == expected_emails if smtp_up else row["emails_received"] == 0)
            and row["5xx"] == 0
            and row["duplicates"] == 0
        )
        return row


def _session_with_token(url, path):
    session = requests.Session()
    page = session.get(url + path, timeout=30)
    return session, CSRF.search(page.text).group(1)


def submit_challenge(url, tag):
    session, token = _session_with_token(url, "/challenges/submit/")
    data = {
        "csrfmiddlewaretoken": token,
        "organisation_name": f"Bench Co {tag} (fictional)",
        "organisation_size": "10-49",
        "sector": "manufacturing",
        "contact_name": "Bench Contact",
        "job_title": "Tester",
        "email": f"bench-{tag}@example.com",
        "title": f"Bench challenge {tag}",
        "problem_statement": "A fictional problem for the benchmark.",
        "desired_outcome": "Nothing lost.",
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "confidential",
        "consent": "on",
    }
    files = {"attachments": ("brief.pdf", PDF, "application/pdf")}
    headers = {"Referer": url + "/challenges/submit/"}
    return session.post(
        url + "/challenges/submit/", data=data, files=files, headers=headers, allow_redirects=False, timeout=60
    ).status_code


def submit_application(url, call, tag):
    path = f"/calls/{call.slug}/apply/"
    session, token = _session_with_token(url, path)
    data = {
        "csrfmiddlewaretoken": token,
        "name": f"Bench Student {tag}",
        "email": f"student-{tag}@example.com",
        "phone": "+852 0000 0000",
        "university": "Example University",
        "degree_programme": "BEng (fictional)",
        "year_of_study": "Year 2",
        "research_interests": "Benchmarks",
        "personal_statement": "A fictional statement for the benchmark.",
        "referee1_name": "Ref One",
        "referee1_email": f"ref1-{tag}@example.com",
        "referee1_institution": "Example University",
        "referee2_name": "Ref Two",
        "referee2_email": f"ref2-{tag}@example.com",
        "referee2_institution": "Example University",
        "consent": "on",
    }
    files = {"cv": ("cv.pdf", PDF, "application/pdf")}
    response = session.post(url + path, data=data, files=files, headers={"Referer": url + path}, timeout=60)
    return response.status_code if "Check your e-mail" in response.text or response.status_code != 200 else 422
