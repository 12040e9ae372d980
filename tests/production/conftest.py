import secrets

import psycopg
import pytest
from django.db import connection


@pytest.fixture
def scratch_postgres():
    """scratch_postgres(label, reason): the URL of a new, empty PostgreSQL database on the test server, dropped after
    the test; skips the test (saying `reason`) on another database."""
    made = []
    server = connection.settings_dict
    base = f"postgres://{server['USER']}@{server['HOST']}:{server['PORT']}"

    def make(label, *, reason):
        if connection.vendor != "postgresql":
            pytest.skip(reason)
        name = f"jlp_{label}_{secrets.token_hex(3)}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"{base}/{name}"

    yield make
    if made:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            for name in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
