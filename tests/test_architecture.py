"""The shape of the code: dependencies run one way, and the kernel serves whatever the apps register."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

from portal.registry import registry

ROOT = Path(settings.BASE_DIR)
APPS = [
    "portal", "labs", "people", "projects", "news", "events", "recruitment", "challenges", "alliances", "overview", "api",
    "demo",
]  # fmt: skip


def source_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_apps_import_only_what_lies_below_them():
    # The layers are in pyproject.toml; `make test` runs the same check before pytest.
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_no_app_looks_a_model_up_by_name_to_dodge_an_import():
    offenders = [str(path.relative_to(ROOT)) for path in source_files() if "get_model(" in path.read_text()]
    assert offenders == []


def test_the_kernel_names_no_app():
    app_names = "|".join(app for app in APPS if app != "portal")
    named = re.compile(rf"\b(?:from|import)\s+({app_names})\b|[\"']({app_names})\.[A-Z]\w+[\"']")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "portal").rglob("*.py")
        if "migrations" not in path.parts and path.name != "settings.py" and named.search(path.read_text())
    ]
    assert offenders == []


def test_each_app_registers_what_the_kernel_serves():
    searchable = {search_type.key for search_type in registry.search_types}
    assert searchable == {
        "labs", "focus_areas", "organisations", "people", "projects", "news", "events", "calls", "programmes"
    }  # fmt: skip
    assert {matchable.key for matchable in registry.matchables.values()} == {
        "labs", "focus_areas", "projects", "people", "calls", "challenges"
    }  # fmt: skip
    assert {entry.key for entry in registry.sitemap_entries} == {
        "labs", "focus-areas", "partners", "programmes", "people", "projects", "calls", "news", "events"
    }  # fmt: skip
    public = {model._meta.label for model in registry.public_models if not model._meta.auto_created}
    assert public == {
        "labs.JointLab", "labs.Organisation", "labs.Partnership", "labs.FocusArea", "labs.Programme",
        "people.Person", "people.LabRole", "projects.Project", "projects.ProjectMember", "recruitment.Call",
        "alliances.AlliancePage", "news.NewsArticle", "events.Event",
    }  # fmt: skip
    assert set(registry.private_paths) == {
        "challenges/status/", "applications/status/", "referees/", "alliances/status/", "events/registrations/",
        "admin/password/set/", "applications/drafts/",
    }  # fmt: skip
    assert sorted(label for label, _purge in registry.retention_purges) == [
        "application draft(s)", "application(s)", "challenge request(s)", "event registration(s)", "membership application(s)"
    ]  # fmt: skip
    assert registry.staff_lab_ids is not None and registry.all_labs_permission == "people.access_all_labs"
