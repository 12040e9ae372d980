"""Test factories, one module per part of the portal; import them from here (`from tests import factories`)."""

from alliances.models import AlliancePage, MembershipApplication
from challenges.models import ChallengeRequest
from events.models import Event, Registration
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from news.models import NewsArticle
from people.models import LabRole, Person, StaffLabAccess
from portal.models import OutboxEmail
from projects.models import Project, ProjectMember
from recruitment.models import Application, Call, InterviewSlot, Offer, Review

from .core import (
    AlliancePageFactory,
    ChallengeRequestFactory,
    EventFactory,
    FocusAreaFactory,
    JointLabFactory,
    LabRoleFactory,
    MembershipApplicationFactory,
    NewsArticleFactory,
    OrganisationFactory,
    OutboxEmailFactory,
    PartnershipFactory,
    PersonFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectMemberFactory,
    RegistrationFactory,
    StaffLabAccessFactory,
    StaffUserFactory,
    SuperuserFactory,
    UserFactory,
)
from .recruitment import (
    ApplicationFactory,
    ApplicationRefereeFactory,
    CallFactory,
    InterviewSlotFactory,
    OfferFactory,
    ReviewFactory,
    rubric_scores,
)

__all__ = [
    "ADMIN_FACTORIES",
    "AlliancePageFactory",
    "ApplicationFactory",
    "ApplicationRefereeFactory",
    "CallFactory",
    "ChallengeRequestFactory",
    "EventFactory",
    "FocusAreaFactory",
    "InterviewSlotFactory",
    "JointLabFactory",
    "LabRoleFactory",
    "MembershipApplicationFactory",
    "NewsArticleFactory",
    "OfferFactory",
    "OrganisationFactory",
    "OutboxEmailFactory",
    "PartnershipFactory",
    "PersonFactory",
    "ProgrammeFactory",
    "ProjectFactory",
    "ProjectMemberFactory",
    "RegistrationFactory",
    "ReviewFactory",
    "StaffLabAccessFactory",
    "StaffUserFactory",
    "SuperuserFactory",
    "UserFactory",
    "admin_factories",
    "rubric_scores",
]


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
