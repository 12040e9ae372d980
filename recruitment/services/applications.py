"""State changes of calls, applications, referee letters and reviews: shared by the public forms, the admin and
commands."""

import datetime
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from labs.models import FocusArea
from people.selectors import staff_public_name
from portal.conversation import Correspondence, message_from_staff, message_from_submitter
from portal.flags import records_set_flag
from portal.models import Message, StatusChange
from portal.outbox import PublicSubmissionMail, queue_email, queue_status_email, site_url
from portal.references import next_reference
from portal.uploads import private_storage
from portal.workflow import TransitionNotAllowed, record_creation, transition
from projects.models import Project

from ..models import Application, ApplicationReferee, Call
from .decisions import DECISION_STATUSES, application_decision_email

APPLICANT = "applicant"
# Moves the applicant hears about by e-mail.
ANNOUNCED_STATUSES = {"shortlisted", "interview", "offered", "rejected", "withdrawn"}


class CallNotOpen(Exception):
    pass


class DuplicateApplication(Exception):
    def __init__(self, existing):
        super().__init__(existing.reference)
        self.existing = existing


class LetterWindowClosed(Exception):
    pass


def _staff_inbox(call):
    return call.programme.lab.inbox_email or settings.PORTAL_INBOX_EMAIL


def calls_set_published(*, queryset: QuerySet, value: bool, by: AbstractBaseUser | None, reason: str = "") -> int:
    """Publish calls or take them off the public site; the cached public pages change at once."""
    return records_set_flag(queryset=queryset, field="is_published", value=value, by=by, reason=reason)


def application_submit(
    *,
    call: Call,
    fields: dict,
    focus_areas: Iterable[FocusArea],
    projects: Iterable[Project],
    cv: UploadedFile,
    transcript: UploadedFile | None,
    referees: list[dict],
    language: str,
    now: datetime.datetime | None = None,
) -> Application:
    """Store an application with its files, referees and e-mails in one transaction, if the call is still open
    now (the server's clock, not the form's). A second application from the same address to the same call stores
    nothing: the address is e-mailed the link to its existing application and DuplicateApplication is raised.

    Both answers cost the same work, so that timing cannot tell anyone whether an address has applied: a duplicate
    is stored like a new application (files, rows, e-mails), under a throwaway address, in a savepoint that is then
    rolled back, and the e-mail with the existing link takes the place of the acknowledgement."""
    now = now or timezone.now()
    if call.state(now) != Call.State.OPEN or not call.is_published:
        raise CallNotOpen(call)
    mail = PublicSubmissionMail()
    stored = []
    try:
        with transaction.atomic():
            existing = (
                Application.objects.select_related("call").filter(call=call, email__iexact=fields["email"]).first()
            )
            rehearsal = transaction.savepoint()
            application = _application_store(
                call=call,
                fields={**fields, "email": f"{uuid.uuid4().hex}@rehearsal.invalid"} if existing else fields,
                focus_areas=focus_areas,
                projects=projects,
                files={"cv": cv, "transcript": transcript},
                referees=referees,
                language=language,
                now=now,
                stored=stored,
                mail=mail,
                acknowledge=existing is None,
            )
            if existing:
                transaction.savepoint_rollback(rehearsal)
                application_send_existing_link(application=existing, language=language, public_submission=mail)
            else:
                transaction.savepoint_commit(rehearsal)
    except IntegrityError as error:
        _delete(stored)
        existing = Application.objects.filter(call=call, email__iexact=fields["email"]).first()
        if existing:  # lost a race with a simultaneous submission from the same address
            application_send_existing_link(application=existing, language=language)
            raise DuplicateApplication(existing) from error
        raise
    except Exception:
        _delete(stored)
        raise
    if existing:
        _delete(stored)
        raise DuplicateApplication(existing)
    return application


def _application_store(
    *, call, fields, focus_areas, projects, files, referees, language, now, stored, mail, acknowledge
) -> Application:
    """The rows, files and e-mails of one new application; the names of the stored files are added to `stored`."""
    application = Application(**fields, call=call, language=language, consented_at=now, submitted_at=now)
    application.reference = next_reference("AP", now=now)
    for name, uploaded in files.items():
        if uploaded:
            getattr(application, name).save(uploaded.name, uploaded, save=False)
            stored.append(getattr(application, name).name)
    # The one-per-address rule was checked by the caller and is kept by the database under a race.
    application.full_clean(validate_unique=False, validate_constraints=False)
    application.save()
    application.focus_areas.set(focus_areas)
    application.projects.set(projects)
    record_creation(application, actor_label=APPLICANT)
    context = {"application": application, "call": call, "status_url": site_url(application.get_status_url())}
    if acknowledge:
        queue_email(
            to=[application.email],
            template="application_received",
            context=context,
            language=language,
            public_submission=mail,
        )
    for data in referees:
        referee = ApplicationReferee.objects.create(application=application, **data)
        queue_email(
            to=[referee.email],
            template="referee_request",
            context={
                "application": application,
                "call": call,
                "referee": referee,
                "upload_url": site_url(referee.get_upload_url()),
                "letter_deadline": letter_deadline(call),
            },
            language=language,
            public_submission=mail,
        )
    admin_url = site_url(reverse("admin:recruitment_application_change", args=[application.pk]))
    queue_email(
        to=[_staff_inbox(call)], template="application_new_for_staff", context={**context, "admin_url": admin_url}
    )
    return application


def _delete(names):
    for name in names:
        private_storage().delete(name)


def application_send_existing_link(
    *, application: Application, language: str, public_submission: PublicSubmissionMail | None = None
) -> None:
    """Someone applied again with this address: tell the address's owner where their application is."""
    queue_email(
        to=[application.email],
        template="application_link",
        context={"application": application, "status_url": site_url(application.get_status_url())},
        language=language,
        public_submission=public_submission or PublicSubmissionMail(),
    )


def application_transition(
    *,
    application: Application,
    to: str,
    by: AbstractBaseUser | None = None,
    note: str = "",
    actor_label: str = "",
) -> StatusChange:
    with transaction.atomic():
        change = transition(
            application, workflow=Application.WORKFLOW, to=to, by=by, note=note, actor_label=actor_label
        )
        if to in DECISION_STATUSES:
            application_decision_email(application=application, change=change)
        elif to in ANNOUNCED_STATUSES:
            queue_status_email(
                submission=application,
                workflow=Application.WORKFLOW,
                template="application_status_changed",
                name="application",
                reply_to=application.call.programme.lab.inbox_email,
            )
    return change


def application_bulk_transition(
    *, applications: Iterable[Application], to: str, by: AbstractBaseUser | None, note: str = ""
) -> tuple[list[Application], list[Application]]:
    """The admin's bulk actions: each application through the same path, one at a time. Returns (moved, refused)."""
    moved, refused = [], []
    for application in applications:
        try:
            application_transition(application=application, to=to, by=by, note=note)
        except TransitionNotAllowed:
            refused.append(application)
        else:
            moved.append(application)
    return moved, refused


def application_withdraw(*, application: Application) -> StatusChange:
    """The student withdraws; the lab is told."""
    with transaction.atomic():
        change = application_transition(application=application, to=Application.Status.WITHDRAWN, actor_label=APPLICANT)
        queue_email(
            to=[_staff_inbox(application.call)],
            template="submission_withdrawn_for_staff",
            context={
                "subject": application,
                "admin_url": site_url(reverse("admin:recruitment_application_change", args=[application.pk])),
            },
        )
    return change


CORRESPONDENCE = Correspondence(
    model=Application,
    name="application",
    workflow=Application.WORKFLOW,
    move=lambda application, **move: application_transition(application=application, **move),
    submitter_name=lambda application: application.name,
    lab_name=lambda application: application.call.programme.lab.display_name,
    staff_recipients=lambda application: [_staff_inbox(application.call)],
    reply_to=lambda application: application.call.programme.lab.inbox_email,
)


def application_message_from_staff(
    *,
    application: Application,
    by: AbstractBaseUser,
    body: str,
    files: Iterable[tuple[UploadedFile, str]] = (),
    ask_for_information: bool = False,
) -> Message:
    """Staff write to the student from the application's admin page (portal.conversation). Reviewers never do:
    the admin offers this only to those who triage the application."""
    return message_from_staff(
        subject=application,
        correspondence=CORRESPONDENCE,
        by=by,
        author_name=staff_public_name(by),
        body=body,
        files=files,
        ask_for_information=ask_for_information,
    )


def application_message_from_student(
    *, application: Application, body: str, files: Iterable[tuple[UploadedFile, str]] = ()
) -> Message:
    """The student answers or adds information and files on the status page; the lab is e-mailed."""
    return message_from_submitter(subject=application, correspondence=CORRESPONDENCE, body=body, files=files)


def letter_deadline(call):
    return call.closes_at + datetime.timedelta(days=settings.REFEREE_GRACE_DAYS)


def referee_can_upload(referee, now=None):
    return (now or timezone.now()) < letter_deadline(referee.application.call)


def referee_upload_letter(
    *, referee: ApplicationReferee, letter: UploadedFile, now: datetime.datetime | None = None
) -> ApplicationReferee:
    """Store (or replace) the referee's one letter until the call's deadline plus the grace period."""
    if not referee_can_upload(referee, now):
        raise LetterWindowClosed(referee)
    previous = referee.letter.name if referee.letter else None
    with transaction.atomic():
        referee.letter.save(letter.name, letter, save=False)
        referee.letter_uploaded_at = now or timezone.now()
        referee.save(update_fields=["letter", "letter_uploaded_at"])
    if previous:
        transaction.on_commit(lambda: private_storage().delete(previous))
    return referee
