"""bench_pages measures admin pages as a signed-in superuser: it passes the second step the way operators' automated
checks do, with a one-time code issued for its account (no shortcut around the second factor)."""

import json

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken

from demo.bench import common

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


def test_bench_pages_signs_in_with_a_one_time_code_and_gets_every_admin_page(demo, monkeypatch, tmp_path):
    monkeypatch.setattr(common, "RESULTS_DIR", tmp_path)
    call_command("bench_pages", "--repeat", "1")
    (result,) = tmp_path.glob("pages-*.json")
    pages = {page["page"]: page["status"] for page in json.loads(result.read_text())["pages"]}
    assert pages["admin applications"] == pages["admin projects"] == 200
    assert not StaticToken.objects.filter(device__user__username="bench-superuser").exists()  # the code was used
