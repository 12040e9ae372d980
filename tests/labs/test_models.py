import pytest
from django.db import IntegrityError, transaction

from tests.factories import (
    FocusAreaFactory,
    JointLabFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_an_organisation_holds_a_role_in_a_lab_once():
    partnership = PartnershipFactory()
    refused(
        lambda: PartnershipFactory(lab=partnership.lab, organisation=partnership.organisation, role=partnership.role)
    )


def test_an_organisation_may_hold_two_roles_in_one_lab():
    partnership = PartnershipFactory(role="founding_partner")
    PartnershipFactory(lab=partnership.lab, organisation=partnership.organisation, role="industry_test_bed")
    assert partnership.lab.partnerships.count() == 2


def test_lab_and_organisation_slugs_are_unique():
    lab = JointLabFactory()
    refused(lambda: JointLabFactory(slug=lab.slug))
    organisation = OrganisationFactory()
    refused(lambda: OrganisationFactory(slug=organisation.slug))


def test_focus_area_slug_is_unique_within_its_lab_only():
    area = FocusAreaFactory(slug="robotics")
    FocusAreaFactory(slug="robotics")  # another lab
    refused(lambda: FocusAreaFactory(lab=area.lab, slug="robotics"))


def test_programme_slug_is_unique_within_its_lab_only():
    programme = ProgrammeFactory(slug="internships")
    ProgrammeFactory(slug="internships")
    refused(lambda: ProgrammeFactory(lab=programme.lab, slug="internships"))


def test_public_urls_use_slugs_not_ids():
    area = FocusAreaFactory(lab__slug="ai-lab", slug="vision")
    assert area.lab.get_absolute_url() == "/labs/ai-lab/"
    assert area.get_absolute_url() == "/focus-areas/ai-lab/vision/"
    programme = ProgrammeFactory(lab=area.lab, slug="internships")
    assert programme.get_absolute_url() == "/programmes/ai-lab/internships/"
    assert OrganisationFactory(slug="hkpc").get_absolute_url() == "/partners/hkpc/"


def test_lab_locations_are_kept_one_per_line():
    lab = JointLabFactory(locations="HKPC Building\n\n  HKUST campus  \n")
    assert lab.location_list == ["HKPC Building", "HKUST campus"]
