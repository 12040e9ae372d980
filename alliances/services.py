"""State changes of membership applications, shared by the public form, the admin and commands."""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labs.models import JointLab, Organisation, Partnership, Programme
from labs.services import organisation_create, partnership_add
from portal.models import StatusChange
from portal.outbox import PublicSubmissionMail, queue_email, site_url
from portal.references import next_reference
from portal.workflow import TransitionNotAllowed, record_creation, transition

from .models import MembershipApplication
from .selectors import accepts_applications, open_application_of

APPLICANT = "applicant"
WORKFLOW = MembershipApplication.WORKFLOW
# Moves the applicant hears about with the general status e-mail; approval has an e-mail of its own.
ANNOUNCED_STATUSES = {MembershipApplication.Status.DECLINED, MembershipApplication.Status.WITHDRAWN}
# The partner organisation an approved applicant becomes, by the kind they chose on the form.
ORGANISATION_KINDS = {
    MembershipApplication.OrganisationKind.ENTERPRISE: Organisation.Kind.COMPANY,
    MembershipApplication.OrganisationKind.INVESTOR: Organisation.Kind.INVESTOR,
    MembershipApplication.OrganisationKind.UNIVERSITY: Organisation.Kind.UNIVERSITY,
    MembershipApplication.OrganisationKind.INSTITUTE: Organisation.Kind.RESEARCH_INSTITUTE,
}


class AllianceNotAccepting(Exception):
    """The programme is not an alliance, or its page does not take applications (now)."""


class DuplicateMembershipApplication(Exception):
    """This e-mail address already has an undecided application to this alliance."""

    def __init__(self, existing):
        super().__init__(existing.reference)
        self.existing = existing


def _staff_inbox(lab: JointLab) -> str:
    return lab.inbox_email or settings.PORTAL_INBOX_EMAIL


def _in_their_language(application, path_of):
    """An absolute link that opens in the language the applicant used (the URL carries it)."""
    with translation.override(application.language):
        return site_url(path_of())


def _status_url(application):
    return _in_their_language(application, application.get_status_url)


def membership_submit(
    *, programme: Programme, fields: dict, language: str, now: datetime.datetime | None = None
) -> MembershipApplication:
    """Store an application with its history row and its two e-mails in one transaction, if the alliance takes
    applications now. A second undecided application from the same address (in any letter case) to the same
    alliance stores nothing: the address is e-mailed the link to its open application and
    DuplicateMembershipApplication is raised.

    Both answers cost the same work, so that timing cannot tell anyone whether an address has applied: a duplicate
    is stored like a new application, under a throwaway address, in a savepoint that is then rolled back, and the
    e-mail with the existing link takes the place of the acknowledgement."""
    now = now or timezone.now()
    if not accepts_applications(programme):
        raise AllianceNotAccepting(programme)
    mail = PublicSubmissionMail()
    try:
        with transaction.atomic():
            existing = open_application_of(programme, fields.get("email", ""))
            rehearsal = transaction.savepoint()
            application = _membership_store(
                programme=programme,
                fields={**fields, "email": f"{uuid.uuid4().hex}@rehearsal.invalid"} if existing else fields,
                language=language,
                now=now,
                mail=mail,
                acknowledge=existing is None,
            )
            if existing:
                transaction.savepoint_rollback(rehearsal)
                membership_send_existing_link(application=existing, language=language, public_submission=mail)
            else:
                transaction.savepoint_commit(rehearsal)
    except IntegrityError as error:
        existing = open_application_of(programme, fields.get("email", ""))
        if existing:  # lost a race with a simultaneous application from the same address
            membership_send_existing_link(application=existing, language=language)
            raise DuplicateMembershipApplication(existing) from error
        raise
    if existing:
        raise DuplicateMembershipApplication(existing)
    return application


def _membership_store(*, programme, fields, language, now, mail, acknowledge) -> MembershipApplication:
    """The row, history and e-mails of one new application."""
    application = MembershipApplication(
        **fields, programme=programme, language=language, consented_at=now, submitted_at=now
    )
    application.reference = next_reference("AL", now=now)
    # The one-open-per-address rule was checked by the caller and is kept by the database under a race.
    application.full_clean(validate_unique=False, validate_constraints=False)
    application.save()
    record_creation(application, actor_label=APPLICANT)
    if acknowledge:
        queue_email(
            to=[application.email],
            template="membership_received",
            context={"application": application, "status_url": _status_url(application)},
            language=language,
            public_submission=mail,  # an address typed into a public form: capped
        )
    admin_url = site_url(reverse("admin:alliances_membershipapplication_change", args=[application.pk]))
    # Staff read the admin in its default language, whatever language the applicant used.
    queue_email(
        to=[_staff_inbox(programme.lab)],
        template="membership_new_for_staff",
        context={"application": application, "admin_url": admin_url},
        language=settings.LANGUAGE_CODE,
    )
    return application


def membership_send_existing_link(
    *,
    application: MembershipApplication,
    language: str,
    public_submission: PublicSubmissionMail | None = None,
) -> None:
    """Someone applied again with this address: tell the address's owner where their open application is."""
    queue_email(
        to=[application.email],
        template="membership_link",
        context={"application": application, "status_url": _status_url(application)},
        language=language,
        public_submission=public_submission or PublicSubmissionMail(),
    )


def _record_final(application, change):
    if WORKFLOW.is_final(change.to_status):
        # Retention counts from here (see purge_expired).
        application.finalised_at = change.changed_at
        application.save(update_fields=["finalised_at", "updated_at"])


def membership_transition(
    *,
    application: MembershipApplication,
    to: str,
    by: AbstractBaseUser | None = None,
    note: str = "",
    actor_label: str = "",
) -> StatusChange:
    """Move an application along its workflow; raises TransitionNotAllowed for a move the table does not allow.
    Approval goes through membership_approve, which also makes the applicant a partner."""
    if to not in MembershipApplication.Status.values:
        raise TransitionNotAllowed(_("“%(status)s” is not a status of membership applications.") % {"status": to})
    if to == MembershipApplication.Status.APPROVED:
        raise TransitionNotAllowed(_("Approve an application with “Approve”, which also records the partnership."))
    with transaction.atomic():
        change = transition(application, workflow=WORKFLOW, to=to, by=by, note=note, actor_label=actor_label)
        _record_final(application, change)
        if to in ANNOUNCED_STATUSES:
            queue_email(
                to=[application.email],
                template="membership_status_changed",
                context={
                    "application": application,
                    "status_label": WORKFLOW.public_label(to),
                    "status_url": _status_url(application),
                },
                language=application.language,
            )
    return change


def membership_withdraw(*, application: MembershipApplication) -> StatusChange:
    return membership_transition(
        application=application, to=MembershipApplication.Status.WITHDRAWN, actor_label=APPLICANT
    )


def membership_approve(
    *,
    application: MembershipApplication,
    by: AbstractBaseUser | None,
    organisation: Organisation | None = None,
    note: str = "",
) -> Partnership:
    """Approve the application and, in the same transaction, make the applicant a partner of the lab with the
    alliance-member role: `organisation` (an existing partner organisation staff picked), the one already linked
    to the application, or a new one made from the application. The applicant is told what happens next."""
    if organisation is not None and organisation.pk is None:
        raise ValueError("Pick a saved organisation, or none to create one from the application.")
    lab = application.programme.lab
    with transaction.atomic():
        change = transition(application, workflow=WORKFLOW, to=MembershipApplication.Status.APPROVED, by=by, note=note)
        organisation = organisation or application.organisation
        if organisation is None:
            organisation = organisation_create(
                name=application.organisation_name,
                kind=ORGANISATION_KINDS[application.organisation_kind],
                website=application.website,
                slug_fallback=f"member-{application.reference}",
            )
        with translation.override("en"):  # the partner list's note, in the column every language falls back to
            alliance_name = application.programme.name
        partnership = partnership_add(
            lab=lab, organisation=organisation, role=Partnership.Role.ALLIANCE_MEMBER, note=alliance_name
        )
        application.organisation, application.partnership = organisation, partnership
        application.save(update_fields=["organisation", "partnership", "updated_at"])
        _record_final(application, change)
        queue_email(
            to=[application.email],
            template="membership_approved",
            context={
                "application": application,
                "organisation": organisation,
                "lab": lab,
                "lab_url": _in_their_language(application, lab.get_absolute_url),
                "status_url": _status_url(application),
            },
            language=application.language,
            reply_to=_staff_inbox(lab),
        )
    return partnership


def membership_move(
    *,
    application: MembershipApplication,
    to: str,
    by: AbstractBaseUser | None,
    note: str = "",
    organisation: Organisation | None = None,
) -> Partnership | None:
    """Staff's one workflow move from the review form: approving makes the partnership, any other move is a plain
    transition. Returns the partnership when the application was approved."""
    if to == MembershipApplication.Status.APPROVED:
        return membership_approve(application=application, by=by, organisation=organisation, note=note)
    membership_transition(application=application, to=to, by=by, note=note)
    return None
