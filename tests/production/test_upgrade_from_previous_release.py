"""A database made by the previous release (before challenges and recruitment got apps of their own) upgrades to
this one with every row kept, its private links still working and its staff groups still holding their rights.

The previous release's code comes from git history (`git archive`), builds and fills a scratch PostgreSQL database
the way a live site would have (demo content, sample submissions, generated bulk data), and then this release's
`migrate` runs on it. Skipped on SQLite, and where the checkout has no history to take the old code from.
"""

import json
import os
import subprocess
import sys
import tarfile
from io import BytesIO

import psycopg
import pytest
from django.conf import settings

# The last main before the move (issue 14); its migrations end at people 0010 and projects 0007.
PREVIOUS_RELEASE = "0d5f181543c9ece4347c9f41ba90d4d54fcf57a4"
RENAMED_TABLES = {
    **{f"people_{name}": f"recruitment_{name}" for name in ("call", "application", "applicationreferee", "review")},
    **{f"people_historical{name}": f"recruitment_historical{name}" for name in ("call", "application", "review")},
    **{
        f"people_application_{m2m}": f"recruitment_application_{m2m}"
        for m2m in ("focus_areas", "projects", "reviewers")
    },
    **{f"projects_{name}": f"challenges_{name}" for name in ("challengerequest", "challengeattachment")},
    "projects_historicalchallengerequest": "challenges_historicalchallengerequest",
    **{
        f"projects_challengerequest_{m2m}": f"challenges_challengerequest_{m2m}"
        for m2m in ("focus_areas", "matched_people", "matched_projects")
    },
}
# What the upgrade itself adds rows to: its migration records, and the content types and permissions of the new
# models, which data migrations give to the staff groups.
GROWS = {"django_migrations", "django_content_type", "auth_permission", "auth_group_permissions"}
# The features added since: news, events, alliance membership and the staff second factor start with tables of
# their own (and nothing else).
NEW_TABLE_PREFIXES = (
    "news_",
    "events_",
    "alliances_",
    "otp_",
    # This wave's: conversations, files held between form attempts, ranking data, suggestion feedback.
    "portal_message",
    "portal_heldupload",
    "portal_rankingentry",
    "challenges_suggestionfeedback",
    # The selection: drafts, interview slots, offers and their conditions, rubrics, scores per criterion, reminders.
    "recruitment_applicationdraft",
    "recruitment_interviewslot",
    "recruitment_offer",
    "recruitment_rubriccriterion",
    "recruitment_reviewscore",
    "recruitment_reviewreminder",
)

LINKS_AND_RIGHTS = """
import json
from django.contrib.auth.models import Group
from django.test import Client
client = Client()
tokens = json.loads(input())
print(json.dumps({
    "pages": {path: client.get(path).status_code for path in tokens["paths"]},
    "lab_managers": sorted(Group.objects.get(name="Lab managers").permissions.values_list(
        "content_type__app_label", "codename")),
    "reviewers": sorted(Group.objects.get(name="Reviewers").permissions.values_list(
        "content_type__app_label", "codename")),
    "old_admin_address": client.get("/admin/people/application/?status__exact=submitted")["Location"],
}))
"""


def previous_release_tree(destination):
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", PREVIOUS_RELEASE],
            cwd=settings.BASE_DIR,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip(f"The previous release ({PREVIOUS_RELEASE[:7]}) is not in this checkout's git history.")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination


@pytest.fixture
def scratch_database(scratch_postgres):
    reason = "The upgrade is checked on PostgreSQL, the production database: run with make test-postgres"
    return scratch_postgres("upgrade", reason=reason)


def manage(code_dir, *arguments, database, files, stdin=None):
    environment = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database,
        "PRIVATE_MEDIA_ROOT": str(files / "private"),
        "MEDIA_ROOT": str(files / "media"),
        "ALLOWED_HOSTS": "testserver,localhost",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=code_dir,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


def row_counts(database):
    with psycopg.connect(database) as db:
        tables = [
            row[0]
            for row in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ]
        return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def private_paths(database):
    with psycopg.connect(database) as db:
        challenge = db.execute("SELECT status_token FROM projects_challengerequest ORDER BY id LIMIT 1").fetchone()[0]
        application = db.execute("SELECT status_token FROM people_application ORDER BY id LIMIT 1").fetchone()[0]
        referee = db.execute("SELECT upload_token FROM people_applicationreferee ORDER BY id LIMIT 1").fetchone()[0]
    return [f"/challenges/status/{challenge}/", f"/applications/status/{application}/", f"/referees/{referee}/"]


def test_a_previous_release_database_upgrades_with_every_row_and_link_kept(scratch_database, tmp_path):
    old_code = previous_release_tree(tmp_path / "previous-release")
    files = tmp_path / "files"
    manage(old_code, "migrate", "-v0", database=scratch_database, files=files)
    manage(old_code, "load_demo", "--sample-submissions", "-v0", database=scratch_database, files=files)
    manage(old_code, "generate_data", "--scale", "0.02", "--force", "-v0", database=scratch_database, files=files)
    before = row_counts(scratch_database)
    paths = private_paths(scratch_database)
    assert before["people_application"] > 100 and before["projects_challengerequest"] > 10

    manage(settings.BASE_DIR, "migrate", "-v0", database=scratch_database, files=files)

    after = row_counts(scratch_database)
    for table, count in before.items():
        successor = RENAMED_TABLES.get(table, table)
        assert successor in after, f"{table} was lost in the upgrade"
        if table not in GROWS:
            assert after[successor] == count, f"{table} had {count} rows, {successor} has {after[successor]}"
    assert not set(RENAMED_TABLES) & set(after), "an old table was left behind beside its successor"
    new_tables = set(after) - {RENAMED_TABLES.get(table, table) for table in before}
    assert new_tables and all(table.startswith(NEW_TABLE_PREFIXES) for table in new_tables), sorted(new_tables)
    submissions = [table for table in new_tables if "registration" in table or "membershipapplication" in table]
    assert all(after[table] == 0 for table in submissions), "the upgrade invented submissions"

    checked = json.loads(
        manage(
            settings.BASE_DIR,
            "shell",
            "-c",
            LINKS_AND_RIGHTS,
            database=scratch_database,
            files=files,
            stdin=json.dumps({"paths": paths}),
        ).stdout.splitlines()[-1]  # the shell announces its automatic imports first
    )
    assert checked["pages"] == dict.fromkeys(paths, 200)
    assert ["recruitment", "triage_application"] in checked["lab_managers"]
    assert ["challenges", "change_challengerequest"] in checked["lab_managers"]
    assert ["recruitment", "add_review"] in checked["reviewers"]
    assert checked["old_admin_address"] == "/admin/recruitment/application/?status__exact=submitted"
