"""The API's links to public pages are exactly the pages' own addresses (get_absolute_url), in each language."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from api.common import Links
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_links_are_the_public_pages_of_every_kind_of_record(language):
    lab = factories.JointLabFactory(slug="lab-a")
    records = [
        lab,
        factories.JointLabFactory(slug="lab-b"),
        factories.OrganisationFactory(slug="org-a"),
        factories.OrganisationFactory(slug="org-b"),
        factories.FocusAreaFactory(lab=lab, slug="area"),
        factories.FocusAreaFactory(slug="area"),  # the same slug in another lab
        factories.ProgrammeFactory(lab=lab, slug="programme"),
        factories.ProgrammeFactory(slug="programme"),
        factories.PersonFactory(slug="person-a"),
        factories.PersonFactory(slug="person-b"),
        factories.ProjectFactory(lab=lab, slug="project"),
        factories.ProjectFactory(slug="project"),
        factories.CallFactory(slug="call-a"),
        factories.CallFactory(slug="call-b"),
    ]
    with translation.override(language):
        links = Links(RequestFactory().get("/api/v1/"))
        for record in records:  # of each kind, the second from the shape of the first one's address
            assert links.page(record) == f"http://testserver{record.get_absolute_url()}", record
