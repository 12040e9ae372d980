import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from recruitment.models import Call
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db

OPENS = datetime.datetime(2027, 1, 1, 9, 0, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2027, 3, 31, 15, 59, tzinfo=datetime.UTC)
SECOND = datetime.timedelta(seconds=1)


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_a_call_must_close_after_it_opens():
    refused(lambda: CallFactory(opens_at=CLOSES, closes_at=OPENS))
    refused(lambda: CallFactory(opens_at=OPENS, closes_at=OPENS))


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (OPENS - SECOND, Call.State.UPCOMING),
        (OPENS, Call.State.OPEN),
        (CLOSES - SECOND, Call.State.OPEN),
        (CLOSES, Call.State.CLOSED),
        (CLOSES + SECOND, Call.State.CLOSED),
    ],
)
def test_call_state_is_derived_from_the_clock(moment, state):
    call = CallFactory(opens_at=OPENS, closes_at=CLOSES)
    assert call.state(moment) == state
    by_query = {
        Call.State.UPCOMING: Call.objects.upcoming(moment),
        Call.State.OPEN: Call.objects.open(moment),
        Call.State.CLOSED: Call.objects.closed(moment),
    }
    assert [name for name, queryset in by_query.items() if queryset.filter(pk=call.pk).exists()] == [state]


def test_call_deadline_is_stored_in_utc_and_read_in_hong_kong_time():
    # The page showing it: tests/recruitment/test_pages.py::test_call_deadline_is_shown_in_hong_kong_time
    call = CallFactory(opens_at=OPENS, closes_at=CLOSES)
    call.refresh_from_db()
    assert call.closes_at == CLOSES
    assert timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M") == "2027-03-31 23:59"
