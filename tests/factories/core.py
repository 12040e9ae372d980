"""Factories of the records the apps share: users, labs, people, projects, challenges, news, events, alliances.
Records people submit go through the services, as the forms do."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from alliances.models import AlliancePage, MembershipApplication
from alliances.services import membership_submit
from challenges.models import ChallengeRequest
from challenges.services import challenge_submit
from events.models import Event, Registration
from events.services import registration_create
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from news.models import NewsArticle
from people.models import LabRole, Person, StaffLabAccess
from portal.models import OutboxEmail
from projects.models import Project, ProjectMember


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
    """A request as an enterprise submits it: through challenges.services.challenge_submit, so it has a real
    reference (CH-2026-00001), a creation row in its status history and its two e-mails in the outbox. What the
    form does not ask (status, lab, owner, submitted_at, internal notes, ...) is set on the saved row afterwards.
    `focus_areas` and `attachments` ((uploaded file, kind) pairs) go to the service as the form would send them."""

    class Meta:
        model = ChallengeRequest

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

    @classmethod
    def _create(cls, model_class, *args, focus_areas=(), attachments=(), language="en", **kwargs):
        fields = {name: kwargs.pop(name) for name in ChallengeRequest.ENTERPRISE_FIELDS if name in kwargs}
        challenge = challenge_submit(fields=fields, focus_areas=focus_areas, attachments=attachments, language=language)
        return _set_after_submission(challenge, kwargs)


def _set_after_submission(record, values):
    """Apply what no public form sets (status, lab, submitted_at, ...) to a record a service just created."""
    if values:
        type(record).objects.filter(pk=record.pk).update(**values)
        record.refresh_from_db()
    return record


class OutboxEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxEmail

    to = factory.Sequence(lambda n: f"someone{n}@example.com")
    subject = factory.Sequence(lambda n: f"Message {n}")
    body_text = "Hello."


class NewsArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle

    lab = factory.SubFactory(JointLabFactory)
    title = factory.Sequence(lambda n: f"Fictional news {n}")
    slug = factory.Sequence(lambda n: f"fictional-news-{n}")
    summary = "Something fictional happened in a lab."
    body = "A first paragraph.\n\nA second paragraph."
    published_on = factory.LazyFunction(timezone.localdate)
    is_published = True


class EventFactory(factory.django.DjangoModelFactory):
    """A published seminar a fortnight ahead, taking registrations, with room for 20."""

    class Meta:
        model = Event

    lab = factory.SubFactory(JointLabFactory)
    title = factory.Sequence(lambda n: f"Fictional seminar {n}")
    slug = factory.Sequence(lambda n: f"fictional-seminar-{n}")
    summary = "A fictional seminar."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=14)).replace(second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    venue = "Room 1, Example Building, Hong Kong"
    capacity = 20
    is_published = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration as a visitor makes it: through events.services.registration_create, so it has a real
    reference (EV-2026-00001), a place or a place on the waiting list, its history and its e-mail. An event whose
    registration has closed is registered for at the moment it was still open. What the form does not ask (status,
    reminded_at, ...) is set on the saved row afterwards."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Visitor {n}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    organisation = "Example Company Ltd"

    @classmethod
    def _create(cls, model_class, *args, event, name, email, organisation, language="en", **kwargs):
        closes = event.registration_closes_at
        now = None if timezone.now() < closes else closes - datetime.timedelta(minutes=1)
        registration = registration_create(
            event=event, name=name, email=email, organisation=organisation, language=language, now=now
        )
        return _set_after_submission(registration, kwargs)


class StaffUserFactory(UserFactory):
    is_staff = True


class AlliancePageFactory(factory.django.DjangoModelFactory):
    """The membership page of an alliance programme, taking applications."""

    class Meta:
        model = AlliancePage

    programme = factory.SubFactory(ProgrammeFactory, kind=Programme.Kind.INDUSTRY_RESEARCH_ALLIANCE)
    members_do = "Members bring fictional problems."
    members_get = "Members get fictional answers."
    accepting_applications = True


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    """An application to join an alliance as an organisation submits it: through
    alliances.services.membership_submit, so it has a real reference (AL-2026-00001), a creation row in its status
    history and its two e-mails in the outbox. The alliance gets a page taking applications if it has none. What the
    form does not ask (status, organisation, internal notes, ...) is set on the saved row afterwards."""

    class Meta:
        model = MembershipApplication

    programme = factory.LazyFunction(lambda: AlliancePageFactory().programme)
    organisation_name = factory.Sequence(lambda n: f"Example Member {n} Ltd")
    organisation_kind = MembershipApplication.OrganisationKind.ENTERPRISE
    organisation_size = MembershipApplication.OrganisationSize.SMALL
    website = "https://member.example"
    contact_name = "Pat Example"
    role = "Head of partnerships"
    email = factory.Sequence(lambda n: f"member{n}@example.com")
    offer = "Fictional factory data."
    seek = "Fictional research help."

    @classmethod
    def _create(cls, model_class, *args, programme, language="en", **kwargs):
        if not AlliancePage.objects.filter(programme=programme).exists():
            AlliancePageFactory(programme=programme)
        fields = {name: kwargs.pop(name) for name in MembershipApplication.APPLICANT_FIELDS if name in kwargs}
        application = membership_submit(programme=programme, fields=fields, language=language)
        return _set_after_submission(application, kwargs)


class StaffLabAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffLabAccess

    user = factory.SubFactory(StaffUserFactory)
    lab = factory.SubFactory(JointLabFactory)
