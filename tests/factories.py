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
from recruitment.models import Application, ApplicationReferee, Call, InterviewSlot, Offer, Review, ReviewScore
from recruitment.services import application_refresh_scores, application_submit, offer_make, rubric_add_default
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


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application as a student submits it: through recruitment.services.application_submit, so it has a real
    reference (AP-2026-00001), a creation row in its status history and its e-mails in the outbox. A published call
    that is not open now is applied to at the moment it opened. What the form does not ask (status, reference,
    internal notes, ...) is set on the saved row afterwards. `referees` (a list of dicts) are named in the
    submission, each getting their request e-mail."""

    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Student {n}")
    email = factory.Sequence(lambda n: f"student{n}@uni.example")
    phone = "+852 0000 0000"
    university = "Example University"
    degree_programme = "MPhil in Computer Science"
    year_of_study = "Year 2"
    research_interests = "Robot learning"
    personal_statement = "I would like to work on fictional robots."
    cv = factory.django.FileField(filename="cv.pdf", data=PDF_BYTES)

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        call,
        cv,
        transcript=None,
        focus_areas=(),
        projects=(),
        referees=(),
        language="en",
        **kwargs,
    ):
        fields = {name: kwargs.pop(name) for name in Application.APPLICANT_FIELDS if name in kwargs}
        application = application_submit(
            call=call,
            fields=fields,
            focus_areas=focus_areas,
            projects=projects,
            cv=cv,
            transcript=transcript or None,
            referees=list(referees),
            language=language,
            now=None if call.state() == Call.State.OPEN else call.opens_at,
        )
        return _set_after_submission(application, kwargs)


class ApplicationRefereeFactory(factory.django.DjangoModelFactory):
    """A referee named in a new application's submission (so they get their request e-mail); given an existing
    `application`, a referee added to it directly, as no service adds one after submission."""

    class Meta:
        model = ApplicationReferee

    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Referee {n}")
    email = factory.Sequence(lambda n: f"referee{n}@uni.example")
    institution = "Example University"
    application = factory.SubFactory(
        ApplicationFactory,
        referees=factory.LazyAttribute(
            lambda application: [
                {
                    "order": application.factory_parent.order,
                    "name": application.factory_parent.name,
                    "email": application.factory_parent.email,
                    "institution": application.factory_parent.institution,
                }
            ]
        ),
    )

    @classmethod
    def _create(cls, model_class, *args, application, order, name, email, institution, **kwargs):
        named = application.referees.filter(email=email).first()
        if named is None:
            return model_class.objects.create(
                application=application, order=order, name=name, email=email, institution=institution, **kwargs
            )
        return _set_after_submission(named, kwargs)


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


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    """A review as stored, `score` set directly; unless conflicted it has a ReviewScore of round(score) for each
    criterion of the call's rubric (the classic four are given to a call without one)."""

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(StaffUserFactory)
    score = 4
    recommendation = Review.Recommendation.ADVANCE

    @factory.post_generation
    def refresh_application_scores(review, create, extracted, **kwargs):
        if create:
            if not review.conflict_of_interest and review.score is not None:
                for criterion in rubric_add_default(call=review.application.call):
                    value = min(max(round(review.score), criterion.min_score), criterion.max_score)
                    ReviewScore.objects.create(review=review, criterion=criterion, score=value)
            application_refresh_scores(application=review.application)


def rubric_scores(call, score=4):
    """A valid `scores` argument of review_save for `call` (given the classic rubric if it has none): `score`
    on every criterion."""
    return dict.fromkeys(rubric_add_default(call=call), score)


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


class InterviewSlotFactory(factory.django.DjangoModelFactory):
    """A free in-person interview slot of a call, a week ahead (book it through interview_slot_book)."""

    class Meta:
        model = InterviewSlot

    call = factory.SubFactory(CallFactory)
    starts_at = factory.Sequence(lambda n: timezone.now() + datetime.timedelta(days=7, hours=n))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + datetime.timedelta(minutes=30))
    mode = InterviewSlot.Mode.IN_PERSON
    place = "Room 101, Science Park"


class OfferFactory(factory.django.DjangoModelFactory):
    """An offer made through recruitment.services.offer_make to an application invited to interview: the
    application is then "offered" and the student's e-mail is in the outbox."""

    class Meta:
        model = Offer

    application = factory.SubFactory(ApplicationFactory, status="interview")
    reply_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    letter_text = "We are pleased to offer you a place."

    @classmethod
    def _create(cls, model_class, *args, application, reply_by, letter_text, conditions=(), letter=None, by=None):
        return offer_make(
            application=application,
            reply_by=reply_by,
            letter_text=letter_text,
            conditions=conditions,
            letter=letter,
            by=by,
        )


# The factory of each model staff manage in the admin: tests/<app>/test_admin.py check the pages of their app's
# models, and tests/portal/test_admin.py that every model with an admin is here.
ADMIN_FACTORIES = {
    JointLab: JointLabFactory,
    Organisation: OrganisationFactory,
    Partnership: PartnershipFactory,
    FocusArea: FocusAreaFactory,
    Programme: ProgrammeFactory,
    Person: PersonFactory,
    LabRole: LabRoleFactory,
    StaffLabAccess: StaffLabAccessFactory,
    Project: ProjectFactory,
    ProjectMember: ProjectMemberFactory,
    ChallengeRequest: ChallengeRequestFactory,
    Call: CallFactory,
    Application: ApplicationFactory,
    Review: ReviewFactory,
    InterviewSlot: InterviewSlotFactory,
    Offer: OfferFactory,
    OutboxEmail: OutboxEmailFactory,
    NewsArticle: NewsArticleFactory,
    Event: EventFactory,
    Registration: RegistrationFactory,
    AlliancePage: AlliancePageFactory,
    MembershipApplication: MembershipApplicationFactory,
}


def admin_factories(app_label):
    """The models of one app that have an admin, for parametrising that app's admin tests."""
    return [model for model in ADMIN_FACTORIES if model._meta.app_label == app_label]
