import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import ChallengeRequest
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from people.models import LabRole, Person, StaffLabAccess
from portal.models import OutboxEmail
from projects.models import Project, ProjectMember
from recruitment.models import Application, ApplicationReferee, Call, Review
from tests.files import PDF_BYTES


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class JointLabFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointLab

    name = factory.Sequence(lambda n: f"Example Joint Lab {n}")
    short_name = factory.Sequence(lambda n: f"EJL{n}")
    slug = factory.Sequence(lambda n: f"example-lab-{n}")
    tagline = "Fictional lab for tests"
    summary = "A fictional lab."
    status = JointLab.Status.ACTIVE


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Example Organisation {n}")
    slug = factory.Sequence(lambda n: f"example-org-{n}")
    kind = Organisation.Kind.COMPANY
    region = "Hong Kong"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    lab = factory.SubFactory(JointLabFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Partnership.Role.COLLABORATOR


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    lab = factory.SubFactory(JointLabFactory)
    name = factory.Sequence(lambda n: f"Focus area {n}")
    slug = factory.Sequence(lambda n: f"focus-area-{n}")
    summary = "A fictional focus area."


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    lab = factory.SubFactory(JointLabFactory)
    kind = Programme.Kind.INTERNSHIP
    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Test Person {n}")
    slug = factory.Sequence(lambda n: f"test-person-{n}")
    honorific = "Dr."
    position = "Fictional researcher"
    organisation = factory.SubFactory(OrganisationFactory)
    is_public = True


class LabRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabRole

    person = factory.SubFactory(PersonFactory)
    lab = factory.SubFactory(JointLabFactory)
    role = LabRole.Role.RESEARCHER


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    description = "A fictional call."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    is_published = True


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    lab = factory.SubFactory(JointLabFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "A fictional project."
    status = Project.Status.ACTIVE
    is_public = True


class ProjectMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProjectMember.Role.MEMBER


class ChallengeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeRequest

    reference = factory.Sequence(lambda n: f"CH-2026-{n + 1:05d}")
    organisation_name = factory.Sequence(lambda n: f"Example Manufacturing {n} Ltd")
    organisation_size = ChallengeRequest.OrganisationSize.SMALL
    sector = ChallengeRequest.Sector.MANUFACTURING
    contact_name = "Pat Example"
    job_title = "Engineering manager"
    email = factory.Sequence(lambda n: f"contact{n}@example.com")
    title = factory.Sequence(lambda n: f"Fictional challenge {n}")
    problem_statement = "Our fictional line jams twice a day."
    desired_outcome = "Fewer jams."
    budget_range = ChallengeRequest.Budget.UNDECIDED
    timeline = ChallengeRequest.Timeline.FLEXIBLE
    confidentiality = ChallengeRequest.Confidentiality.CONFIDENTIAL
    consented_at = factory.LazyFunction(timezone.now)


class OutboxEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxEmail

    to = factory.Sequence(lambda n: f"someone{n}@example.com")
    subject = factory.Sequence(lambda n: f"Message {n}")
    body_text = "Hello."


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    reference = factory.Sequence(lambda n: f"AP-2026-{n + 1:05d}")
    name = factory.Sequence(lambda n: f"Student {n}")
    email = factory.Sequence(lambda n: f"student{n}@uni.example")
    phone = "+852 0000 0000"
    university = "Example University"
    degree_programme = "MPhil in Computer Science"
    year_of_study = "Year 2"
    research_interests = "Robot learning"
    personal_statement = "I would like to work on fictional robots."
    cv = factory.django.FileField(filename="cv.pdf", data=PDF_BYTES)
    consented_at = factory.LazyFunction(timezone.now)


class ApplicationRefereeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationReferee

    application = factory.SubFactory(ApplicationFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Referee {n}")
    email = factory.Sequence(lambda n: f"referee{n}@uni.example")
    institution = "Example University"


class StaffUserFactory(UserFactory):
    is_staff = True


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(StaffUserFactory)
    academic_record = 4
    research_fit = 4
    statement = 3
    references = 5
    score = 4
    recommendation = Review.Recommendation.YES

    @factory.post_generation
    def refresh_application_scores(review, create, extracted, **kwargs):
        from recruitment.services import application_refresh_scores

        if create:
            application_refresh_scores(application=review.application)


class StaffLabAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffLabAccess

    user = factory.SubFactory(StaffUserFactory)
    lab = factory.SubFactory(JointLabFactory)
