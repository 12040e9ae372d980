import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ProjectFactory, ProjectMemberFactory

pytestmark = pytest.mark.django_db


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_a_project_cannot_end_before_it_starts():
    refused(lambda: ProjectFactory(start_date=datetime.date(2026, 6, 1), end_date=datetime.date(2026, 5, 31)))


def test_a_project_may_end_on_the_day_it_starts():
    ProjectFactory(start_date=datetime.date(2026, 6, 1), end_date=datetime.date(2026, 6, 1))


def test_project_slug_is_unique_within_its_lab_only():
    project = ProjectFactory(slug="vision")
    ProjectFactory(slug="vision")
    refused(lambda: ProjectFactory(lab=project.lab, slug="vision"))


def test_a_person_is_on_a_project_once():
    member = ProjectMemberFactory()
    refused(lambda: ProjectMemberFactory(project=member.project, person=member.person))


def test_keywords_split_on_commas():
    assert ProjectFactory(keywords="vision, robots,, ").keyword_list == ["vision", "robots"]
