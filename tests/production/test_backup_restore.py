"""A backup made by deploy/backup.sh restores into an empty database and files folder (PostgreSQL)."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"


@pytest.fixture
def scratch_databases(scratch_postgres):
    reason = "Backups are pg_dump/pg_restore: run with make test-postgres"
    return [scratch_postgres(f"backup_{label}", reason=reason) for label in ("source", "restored")]


def run(command, **env):
    environment = {**os.environ, "DEBUG": "true", **env}
    return subprocess.run(
        command, cwd=settings.BASE_DIR, env=environment, check=True, capture_output=True, text=True, timeout=300
    )


def test_a_backup_restores_database_and_files(scratch_databases, tmp_path):
    source, restored = scratch_databases
    source_files, restored_files = tmp_path / "source-files", tmp_path / "restored-files"
    (source_files / "private" / "challenges").mkdir(parents=True)
    (source_files / "private" / "challenges" / "kept.pdf").write_bytes(b"%PDF-1.4 kept")

    run([sys.executable, "manage.py", "migrate", "-v0"], DATABASE_URL=source)
    run([sys.executable, "manage.py", "load_demo", "-v0"], DATABASE_URL=source)
    backup = run(
        ["bash", str(DEPLOY / "backup.sh"), str(tmp_path / "backups")],
        DATABASE_URL=source,
        FILES_ROOT=str(source_files),
    )
    backup_dir = backup.stdout.strip().splitlines()[-1]
    assert (Path(backup_dir) / "database.dump").stat().st_size > 0

    run(["bash", str(DEPLOY / "restore.sh"), backup_dir], DATABASE_URL=restored, FILES_ROOT=str(restored_files))
    with psycopg.connect(restored) as restored_db:
        assert restored_db.execute("SELECT count(*) FROM labs_jointlab").fetchone()[0] == 3
        assert restored_db.execute("SELECT count(*) FROM projects_project").fetchone()[0] == 6
        assert restored_db.execute("SELECT count(*) FROM auth_group").fetchone()[0] == 4
    assert (restored_files / "private" / "challenges" / "kept.pdf").read_bytes() == b"%PDF-1.4 kept"
    # The restored database is a working portal: its migrations are all applied.
    plan = run([sys.executable, "manage.py", "migrate", "--check"], DATABASE_URL=restored)
    assert plan.returncode == 0
