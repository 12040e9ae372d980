"""State changes of challenge requests, shared by the public form, the admin and commands."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from labs.models import FocusArea
from people.selectors import staff_public_name
from portal.conversation import Correspondence, message_from_staff, message_from_submitter
from portal.models import Message, StatusChange
from portal.outbox import PublicSubmissionMail, queue_email, queue_status_email, site_url
from portal.references import next_reference
from portal.uploads import private_storage
from portal.workflow import TransitionNotAllowed, record_creation, transition
from projects.models import Project
from projects.services import project_create_private

from .models import ChallengeAttachment, ChallengeRequest

ENTERPRISE = "enterprise"
# Moves the enterprise hears about by e-mail.
ANNOUNCED_STATUSES = {"matched", "declined", "converted", "withdrawn"}


def _lab_inbox(challenge):
    lab = challenge.responsible_lab
    return lab.inbox_email if lab and lab.inbox_email else ""


def _staff_inbox(challenge):
    return _lab_inbox(challenge) or settings.PORTAL_INBOX_EMAIL


def _staff_recipients(challenge):
    """Who hears of the enterprise's messages and withdrawal: the request's owner, else the lab's or portal inbox."""
    owner = challenge.owner
    return [owner.email] if owner is not None and owner.is_active and owner.email else [_staff_inbox(challenge)]


def challenge_submit(
    *,
    fields: dict,
    focus_areas: Iterable[FocusArea],
    attachments: Iterable[tuple[UploadedFile, str]],
    language: str,
) -> ChallengeRequest:
    """Save a new request with its files and its two e-mails in one transaction; files are removed again
    if anything fails, so a refused submission leaves nothing behind. `attachments` are (file, kind) pairs that
    passed portal.uploads.validate_upload."""
    stored = []
    try:
        with transaction.atomic():
            challenge = ChallengeRequest(**fields, language=language, consented_at=timezone.now())
            challenge.lab = challenge.preferred_lab  # the assigned lab starts as the enterprise's choice
            challenge.reference = next_reference("CH")
            challenge.full_clean(validate_unique=False)  # the reference is fresh; the token is random
            challenge.save()
            challenge.focus_areas.set(focus_areas)
            for uploaded, kind in attachments:
                attachment = ChallengeAttachment(
                    challenge=challenge, original_name=uploaded.name[:255], kind=kind, size=uploaded.size
                )
                attachment.file.save(uploaded.name, uploaded, save=False)
                stored.append(attachment.file.name)
                attachment.save()
            record_creation(challenge, actor_label=ENTERPRISE)
            context = {"challenge": challenge, "status_url": site_url(challenge.get_status_url())}
            queue_email(
                to=[challenge.email],
                template="challenge_received",
                context=context,
                language=language,
                public_submission=PublicSubmissionMail(),
            )
            staff_context = {
                **context,
                "admin_url": site_url(reverse("admin:challenges_challengerequest_change", args=[challenge.pk])),
            }
            queue_email(to=[_staff_inbox(challenge)], template="challenge_new_for_staff", context=staff_context)
    except Exception:
        for name in stored:
            private_storage().delete(name)
        raise
    return challenge


def challenge_transition(
    *,
    challenge: ChallengeRequest,
    to: str,
    by: AbstractBaseUser | None = None,
    note: str = "",
    actor_label: str = "",
) -> StatusChange:
    """Move a request along its workflow; raises TransitionNotAllowed for a move the table does not allow."""
    if to == ChallengeRequest.Status.CONVERTED and challenge.project_id is None:
        raise TransitionNotAllowed(_("Link or create the resulting project first (use “Convert to project”)."))
    with transaction.atomic():
        change = transition(
            challenge, workflow=ChallengeRequest.WORKFLOW, to=to, by=by, note=note, actor_label=actor_label
        )
        if ChallengeRequest.WORKFLOW.is_final(to):
            # Retention counts from here (see purge_expired).
            challenge.finalised_at = change.changed_at
            challenge.save(update_fields=["finalised_at"])
        if to in ANNOUNCED_STATUSES:
            queue_status_email(
                submission=challenge,
                workflow=ChallengeRequest.WORKFLOW,
                template="challenge_status_changed",
                name="challenge",
                reply_to=_lab_inbox(challenge),
            )
    return change


def challenge_withdraw(*, challenge: ChallengeRequest) -> StatusChange:
    """The enterprise withdraws its request; staff are told."""
    with transaction.atomic():
        change = challenge_transition(challenge=challenge, to=ChallengeRequest.Status.WITHDRAWN, actor_label=ENTERPRISE)
        queue_email(
            to=_staff_recipients(challenge),
            template="submission_withdrawn_for_staff",
            context={
                "subject": challenge,
                "admin_url": site_url(reverse("admin:challenges_challengerequest_change", args=[challenge.pk])),
            },
        )
    return change


CORRESPONDENCE = Correspondence(
    model=ChallengeRequest,
    name="challenge",
    workflow=ChallengeRequest.WORKFLOW,
    move=lambda challenge, **move: challenge_transition(challenge=challenge, **move),
    submitter_name=lambda challenge: challenge.contact_name,
    lab_name=lambda challenge: challenge.responsible_lab.display_name if challenge.responsible_lab else "",
    staff_recipients=_staff_recipients,
    reply_to=_lab_inbox,
)


def challenge_message_from_staff(
    *,
    challenge: ChallengeRequest,
    by: AbstractBaseUser,
    body: str,
    files: Iterable[tuple[UploadedFile, str]] = (),
    ask_for_information: bool = False,
) -> Message:
    """Staff write to the enterprise from the request's admin page (portal.conversation)."""
    return message_from_staff(
        subject=challenge,
        correspondence=CORRESPONDENCE,
        by=by,
        author_name=staff_public_name(by),
        body=body,
        files=files,
        ask_for_information=ask_for_information,
    )


def challenge_message_from_enterprise(
    *, challenge: ChallengeRequest, body: str, files: Iterable[tuple[UploadedFile, str]] = ()
) -> Message:
    """The enterprise answers or adds information and files on its status page; staff are e-mailed."""
    return message_from_submitter(subject=challenge, correspondence=CORRESPONDENCE, body=body, files=files)


def challenge_convert_to_project(
    *, challenge: ChallengeRequest, by: AbstractBaseUser | None, project: Project | None = None, note: str = ""
) -> Project:
    """Create a (private, planned) project from the request, or link an existing one, then mark it converted.
    The link runs both ways: challenge.project and project.source_challenges. The new project takes the request's
    focus areas as they are now, so call this after the triage form's many-to-many data is saved."""
    with transaction.atomic():
        if project is None:
            lab = challenge.responsible_lab
            if lab is None:
                raise TransitionNotAllowed(_("Assign a lab before converting the request into a project."))
            project = project_create_private(lab=lab, title=challenge.title, focus_areas=challenge.focus_areas.all())
        challenge.project = project
        challenge.save(update_fields=["project", "updated_at"])
        challenge_transition(challenge=challenge, to=ChallengeRequest.Status.CONVERTED, by=by, note=note)
    return project


def challenge_move(
    *,
    challenge: ChallengeRequest,
    to: str,
    by: AbstractBaseUser | None,
    note: str = "",
    link_project: Project | None = None,
) -> Project | None:
    """Staff's one workflow move from the triage form: converting creates or links the project, any other move is
    a plain transition. Returns the project when the request was converted."""
    if to == ChallengeRequest.Status.CONVERTED:
        return challenge_convert_to_project(challenge=challenge, by=by, project=link_project, note=note)
    challenge_transition(challenge=challenge, to=to, by=by, note=note)
    return None
