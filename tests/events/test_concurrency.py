"""Simultaneous registrations for the last places of an event on PostgreSQL: never more people with a place than
the capacity, the rest on the waiting list, and one registration per address even when both arrive at once."""

import threading

import pytest
from django.db import close_old_connections, connection

from events.models import Registration
from events.services import AlreadyRegistered, registration_create
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(count, work):
    """Run work(n) for n in range(count) in threads released together; returns the exceptions raised."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(n):
        try:
            barrier.wait()
            work(n)
        except Exception as error:  # collected for the assertions
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks under concurrent transactions are tested on PostgreSQL (SQLite writes one at a time).")


def test_concurrent_registrations_never_overbook(postgresql_only):
    event = factories.EventFactory(capacity=5)
    errors = run_at_once(
        20,
        lambda n: registration_create(
            event=event, name=f"Racer {n}", email=f"racer{n}@example.com", organisation="", language="en"
        ),
    )
    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count("confirmed") == 5
    assert statuses.count("waitlisted") == 15
    references = Registration.objects.values_list("reference", flat=True)
    assert len(set(references)) == 20


def test_the_same_address_at_once_gets_one_registration(postgresql_only):
    event = factories.EventFactory(capacity=5)
    errors = run_at_once(
        6,
        lambda n: registration_create(
            event=event, name="Twin", email="twin@example.com" if n % 2 else "TWIN@example.com", language="en"
        ),
    )
    assert len(errors) == 5 and all(isinstance(error, AlreadyRegistered) for error in errors)
    assert Registration.objects.filter(event=event).count() == 1
