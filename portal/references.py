from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ReferenceCounter


def next_reference(prefix, *, now=None):
    """A human-friendly, unique reference such as CH-2026-00042; numbering restarts each (Hong Kong) year.

    The counter row is locked for the rest of the caller's transaction, so concurrent submissions on
    PostgreSQL queue for it instead of sharing a number."""
    year = timezone.localtime(now or timezone.now()).year
    with transaction.atomic():
        counter = ReferenceCounter.objects.select_for_update().filter(prefix=prefix, year=year).first()
        if counter is None:
            try:
                with transaction.atomic():
                    counter = ReferenceCounter.objects.create(prefix=prefix, year=year)
            except IntegrityError:  # another transaction created it first
                counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
        counter.last_value += 1
        counter.save(update_fields=["last_value"])
    return f"{prefix}-{year}-{counter.last_value:05d}"
