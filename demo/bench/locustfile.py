"""One page under load (BENCH_PATH), for bench_http. Target: the gunicorn the benchmark started on 127.0.0.1."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ["BENCH_PATH"]
# A signed-in member of staff's session cookie, for the admin pages; none for the public ones.
HEADERS = {"Cookie": os.environ["BENCH_COOKIE"]} if os.environ.get("BENCH_COOKIE") else {}


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task
    def visit(self):
        # A redirect (to sign in) would be timed as a fast page: it counts as a failure.
        with self.client.get(PATH, name=PATH, headers=HEADERS, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"answered {response.status_code}")
