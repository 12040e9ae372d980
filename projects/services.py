"""State changes of challenge requests, shared by the public form, the admin and commands."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.outbox import queue_email, queue_status_email, site_url
from portal.references import next_reference
from portal.uploads import private_storage
from portal.workflow import TransitionNotAllowed, record_creation, transition

from .models import ChallengeAttachment, ChallengeRequest, Project

ENTERPRISE = "enterprise"
# Moves the enterprise hears about by e-mail.
ANNOUNCED_STATUSES = {"matched", "declined", "converted", "withdrawn"}


def _staff_inbox(challenge):
    lab = challenge.responsible_lab
    return (lab.inbox_email if lab and lab.inbox_email else "") or settings.PORTAL_INBOX_EMAIL


def challenge_submit(*, fields, focus_areas, attachments, language):
    """Save a new request with its files and its two e-mails in one transaction; files are removed again
    if anything fails, so a refused submission leaves nothing behind."""
    stored = []
    try:
        with transaction.atomic():
            challenge = ChallengeRequest(**fields, language=language, consented_at=timezone.now())
            challenge.reference = next_reference("CH")
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
            queue_email(to=[challenge.email], template="challenge_received", context=context, language=language)
            staff_context = {
                **context,
                "admin_url": site_url(reverse("admin:projects_challengerequest_change", args=[challenge.pk])),
            }
            queue_email(to=[_staff_inbox(challenge)], template="challenge_new_for_staff", context=staff_context)
    except Exception:
        for name in stored:
            private_storage().delete(name)
        raise
    return challenge


def challenge_transition(*, challenge, to, by=None, note="", actor_label=""):
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
            )
    return change


def challenge_withdraw(*, challenge):
    return challenge_transition(challenge=challenge, to=ChallengeRequest.Status.WITHDRAWN, actor_label=ENTERPRISE)


def challenge_convert_to_project(*, challenge, by, project=None, note=""):
    """Create a (private, planned) project from the request, or link an existing one, then mark it converted.
    The link runs both ways: challenge.project and project.source_challenges."""
    with transaction.atomic():
        if project is None:
            lab = challenge.responsible_lab
            if lab is None:
                raise TransitionNotAllowed(_("Assign a lab before converting the request into a project."))
            with translation.override(
                settings.MODELTRANSLATION_DEFAULT_LANGUAGE
            ):  # the base text every language falls back to
                project = Project.objects.create(
                    lab=lab,
                    title=challenge.title,
                    slug=_unique_project_slug(lab, challenge),
                    status=Project.Status.PLANNED,
                    is_public=False,  # staff decide what of an enterprise's problem may be published
                )
            project.focus_areas.set(challenge.focus_areas.filter(lab=lab))
        challenge.project = project
        challenge.save(update_fields=["project", "updated_at"])
        challenge_transition(challenge=challenge, to=ChallengeRequest.Status.CONVERTED, by=by, note=note)
    return project


def _unique_project_slug(lab, challenge):
    base = slugify(challenge.title)[:80] or "project"
    slug, n = base, 2
    while Project.objects.filter(lab=lab, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
