"""Drafts of applications ("save and continue later"): saved, sent as one application, reminded, purged."""

import datetime
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from labs.models import FocusArea
from portal.outbox import PublicSubmissionMail, queue_email, site_url
from portal.uploads import private_storage
from projects.models import Project

from ..models import Application, ApplicationDraft, Call
from .applications import CallNotOpen, DuplicateApplication, application_submit


class DraftAlreadySent(Exception):
    """The draft was sent already (a double click, a second tab): nothing more is made."""

    def __init__(self, draft):
        super().__init__(draft.pk)
        self.draft = draft


def _require_open(call: Call, now: datetime.datetime) -> None:
    if call.state(now) != Call.State.OPEN or not call.is_published:
        raise CallNotOpen(call)


def _resume_context(draft: ApplicationDraft) -> dict:
    with translation.override(draft.language):  # the link opens the form in the language the student used
        resume_url = site_url(draft.get_absolute_url())
    return {"draft": draft, "call": draft.call, "resume_url": resume_url}


def _delete(names: Iterable[str]) -> None:
    for name in names:
        private_storage().delete(name)


def draft_save(
    *,
    call: Call,
    draft: ApplicationDraft | None,
    email: str,
    data: dict,
    files: dict[str, UploadedFile | None],
    language: str,
    now: datetime.datetime | None = None,
) -> tuple[ApplicationDraft, bool]:
    """Keep what a student typed into the apply form, to finish later: only `email` is needed, and the call must be
    open. A new draft's private link is e-mailed to `email` (capped like every public form's e-mail); saving again
    updates the same draft and e-mails the link again only when the address changed. `files` ({"cv": upload or
    None, "transcript": …}, checked by the form's upload validator): an upload replaces the kept file, None keeps it.
    Returns (draft, whether the link was e-mailed)."""
    now = now or timezone.now()
    _require_open(call, now)
    email = email.strip().lower()
    validate_email(email)
    if set(files) - set(ApplicationDraft.FILE_FIELDS):
        raise ValueError(f"A draft keeps only {', '.join(ApplicationDraft.FILE_FIELDS)}.")
    if draft is not None and draft.call_id != call.pk:
        raise ValueError("This draft belongs to another call.")
    stored, replaced = [], []
    try:
        with transaction.atomic():
            if draft is None:
                draft, emailed = ApplicationDraft(call=call), True
            else:
                draft = ApplicationDraft.objects.select_for_update().select_related("call").get(pk=draft.pk)
                if draft.is_sent:
                    raise DraftAlreadySent(draft)
                emailed = draft.email.lower() != email
            draft.email, draft.language, draft.data = email, language, data
            for name, uploaded in files.items():
                if not uploaded:
                    continue
                if getattr(draft, name):
                    replaced.append(getattr(draft, name).name)
                original = Path(uploaded.name).name[:255]
                getattr(draft, name).save(original, uploaded, save=False)
                stored.append(getattr(draft, name).name)
                setattr(draft, f"{name}_name", original)
            draft.save()
            if emailed:
                queue_email(
                    to=[email],
                    template="application_draft_saved",
                    context=_resume_context(draft),
                    language=language,
                    public_submission=PublicSubmissionMail(),
                )
    except Exception:
        _delete(stored)
        raise
    transaction.on_commit(lambda: _delete(replaced))
    return draft, emailed


def draft_submit(
    *,
    draft: ApplicationDraft,
    fields: dict,
    focus_areas: Iterable[FocusArea],
    projects: Iterable[Project],
    cv: UploadedFile,
    transcript: UploadedFile | None,
    referees: list[dict],
    language: str,
    now: datetime.datetime | None = None,
) -> Application:
    """Send a draft: the ordinary submission (application_submit: the call still open, one application per address
    and call), and in the same transaction the draft becomes a pointer to the application, its typed data and files
    gone. The draft row is locked first, so a second send (a double click, another tab) waits and then raises
    DraftAlreadySent: never two applications. When the address had applied already, DuplicateApplication is raised
    as for the form, and the draft is used up all the same."""
    duplicate = None
    with transaction.atomic():
        locked = ApplicationDraft.objects.select_for_update().select_related("call").get(pk=draft.pk)
        if locked.is_sent:
            raise DraftAlreadySent(locked)
        try:
            application = application_submit(
                call=locked.call,
                fields=fields,
                focus_areas=focus_areas,
                projects=projects,
                cv=cv,
                transcript=transcript,
                referees=referees,
                language=language,
                now=now,
            )
        except DuplicateApplication as error:  # the e-mail with the existing link is queued in this transaction
            duplicate, application = error, error.existing
        names = [stored.name for stored, _original in locked.stored_files().values()]
        locked.application = application
        locked.data = {}
        locked.cv = locked.transcript = ""
        locked.cv_name = locked.transcript_name = ""
        locked.save()
        transaction.on_commit(lambda: _delete(names))
    if duplicate:
        raise duplicate
    return application


def drafts_send_reminders(*, now: datetime.datetime | None = None) -> int:
    """E-mail each unsent draft's address, once, when its call closes within DRAFT_REMINDER_DAYS; not when the
    address has applied to the call since. Returns how many were reminded."""
    now = now or timezone.now()
    horizon = now + datetime.timedelta(days=settings.DRAFT_REMINDER_DAYS)
    applied = Application.objects.filter(call=OuterRef("call"), email__iexact=OuterRef("email"))
    due = (
        ApplicationDraft.objects.filter(
            application__isnull=True,
            reminded_at__isnull=True,
            call__is_published=True,
            call__opens_at__lte=now,
            call__closes_at__gt=now,
            call__closes_at__lte=horizon,
        )
        .exclude(Exists(applied))
        .select_related("call")
        .order_by("pk")
    )
    reminded = 0
    for draft in due:
        with transaction.atomic():
            # Claimed with a conditional update: a second run, or a run alongside, does not remind twice.
            if not ApplicationDraft.objects.filter(
                pk=draft.pk, reminded_at__isnull=True, application__isnull=True
            ).update(reminded_at=now):
                continue
            queue_email(
                to=[draft.email],
                template="application_draft_reminder",
                context=_resume_context(draft),
                language=draft.language,
                public_submission=PublicSubmissionMail(),
            )
        reminded += 1
    return reminded


def drafts_purge_closed(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Delete the drafts of calls that have closed, sent or not, with their files: an unsent draft can no longer
    be sent. Returns (drafts, files) deleted."""
    now = now or timezone.now()
    closed = ApplicationDraft.objects.filter(call__closes_at__lte=now)
    names = [name for pair in closed.values_list("cv", "transcript") for name in pair if name]
    deleted, _by_model = closed.delete()
    transaction.on_commit(lambda: _delete(names))
    return deleted, len(names)
