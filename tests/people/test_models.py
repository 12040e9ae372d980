import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from people.models import LabRole
from recruitment.models import Call
from tests.factories import CallFactory, LabRoleFactory, PersonFactory

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


def test_call_deadline_is_shown_in_hong_kong_time():
    call = CallFactory(opens_at=OPENS, closes_at=CLOSES)
    assert timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M") == "2027-03-31 23:59"


def test_a_role_cannot_end_before_it_starts():
    refused(lambda: LabRoleFactory(start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 4, 30)))


def test_a_person_holds_a_role_in_a_lab_once():
    role = LabRoleFactory(role=LabRole.Role.DIRECTOR)
    refused(lambda: LabRoleFactory(person=role.person, lab=role.lab, role=LabRole.Role.DIRECTOR))


def test_a_role_is_current_unless_it_has_ended():
    today = datetime.date(2026, 11, 24)
    open_ended = LabRoleFactory(end_date=None)
    ends_today = LabRoleFactory(end_date=today)
    ended = LabRoleFactory(start_date=datetime.date(2025, 1, 1), end_date=today - datetime.timedelta(days=1))
    assert open_ended.is_current(today) and ends_today.is_current(today) and not ended.is_current(today)
    assert set(LabRole.objects.current(today)) == {open_ended, ends_today}


def test_orcid_must_look_like_an_orcid():
    from django.core.exceptions import ValidationError

    person = PersonFactory(orcid="0000-0002-1825-0097")
    person.full_clean()
    person.orcid = "1234"
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "orcid" in excinfo.value.message_dict
