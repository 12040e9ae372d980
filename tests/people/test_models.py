import datetime

import pytest
from django.db import IntegrityError, transaction

from people.models import LabRole
from tests.factories import LabRoleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


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
