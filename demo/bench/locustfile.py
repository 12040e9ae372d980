"""One page under load (BENCH_PATH), for bench_http. Target: the gunicorn the benchmark started on 127.0.0.1."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ["BENCH_PATH"]


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task
    def visit(self):
        self.client.get(PATH, name=PATH)
