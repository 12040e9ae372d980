"""The conversation between staff and the submitter of a challenge request or an application.

Staff write from the record's admin page, the submitter answers on the private status page; both can attach files
(checked like the forms' files). Each message is saved with its files and the e-mail it causes in one transaction.
Staff can ask formally for information: the record waits in the workflow's `waiting` status until the submitter's
answer moves it back, and a reminder goes out once after INFORMATION_REMINDER_DAYS without one.

The kernel knows no app: each kind of submission describes itself with a Correspondence (see the apps' services)
and registers it (portal.registry.register_correspondence) so the daily reminders find it.
"""

import contextlib
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Message, MessageAttachment, StatusChange
from .outbox import queue_email, site_url
from .registry import registry
from .uploads import private_storage
from .workflow import Workflow

SUBMITTER = "submitter"  # the actor of status changes the submitter's answer causes


class MessageRefused(Exception):
    """The message cannot be posted (empty, too long, or the matter is closed); the text says why."""


@dataclass(frozen=True)
class Correspondence:
    """What the conversation needs to know about one kind of submission; each app builds one in its services."""

    model: type[models.Model]
    name: str  # the submission's name in the e-mail templates' context: "challenge", "application"
    workflow: Workflow
    move: Callable  # the app's transition service: move(subject, *, to, by, actor_label, note)
    submitter_name: Callable  # subject -> the name the submitter gave
    lab_name: Callable  # subject -> the responsible lab's name ("" when none yet)
    staff_recipients: Callable  # subject -> addresses told of the submitter's messages (owner, lab or portal inbox)
    reply_to: Callable  # subject -> the lab's inbox the submitter may answer by e-mail, or ""

    def admin_url(self, subject):
        meta = self.model._meta
        return site_url(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[subject.pk]))

    def is_open(self, subject):
        return not self.workflow.is_final(subject.status)


# --- reads -----------------------------------------------------------------------------------------------------


def thread(subject):
    """The messages of one record, oldest first, with their files (two queries whatever their number)."""
    return Message.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).prefetch_related("attachments")


def open_question(subject, workflow):
    """The staff message that put the record in the waiting status, while it waits; else None."""
    if not workflow.waiting or subject.status != workflow.waiting:
        return None
    return thread(subject).filter(asks_for_information=True).order_by("-sent_at", "-pk").first()


def message_attachment(subject, attachment_id):
    """A file of this record's conversation, or None: an id from another record's thread finds nothing."""
    return (
        MessageAttachment.objects.filter(
            pk=attachment_id,
            message__content_type=ContentType.objects.get_for_model(subject),
            message__object_id=subject.pk,
        )
        .select_related("message")
        .first()
    )


def awaiting_staff_reply(model):
    """Records of `model` whose latest message is the submitter's: staff owe an answer. A queryset of ids."""
    content_type = ContentType.objects.get_for_model(model)
    latest = Message.objects.filter(content_type=content_type, object_id=models.OuterRef("pk")).order_by(
        "-sent_at", "-pk"
    )
    return (
        model.objects.annotate(last_author=models.Subquery(latest.values("author_kind")[:1]))
        .filter(last_author=Message.Author.SUBMITTER)
        .values("pk")
    )


# --- writes ----------------------------------------------------------------------------------------------------


def message_from_staff(
    *,
    subject: models.Model,
    correspondence: Correspondence,
    by: AbstractBaseUser,
    author_name: str,
    body: str,
    files: Iterable[tuple[UploadedFile, str]] = (),
    ask_for_information: bool = False,
) -> Message:
    """Staff write to the submitter, who is e-mailed the message and the link in their language. Asking for
    information also moves the record to the workflow's waiting status."""
    workflow = correspondence.workflow
    if ask_for_information and not workflow.can_wait(subject.status):
        raise MessageRefused(
            _("From “%(status)s” the record cannot wait for information.") % {"status": workflow.label(subject.status)}
        )
    with _stored_files() as stored:
        message = _post(
            subject=subject,
            correspondence=correspondence,
            author_kind=Message.Author.STAFF,
            author=by,
            author_name=author_name,
            author_lab=correspondence.lab_name(subject),
            body=body,
            files=files,
            stored=stored,
            asks_for_information=ask_for_information,
        )
        if ask_for_information:
            correspondence.move(subject, to=workflow.waiting, by=by, actor_label="", note="")
        _tell_submitter(subject, correspondence, message, template="conversation_staff_message")
    return message


def message_from_submitter(
    *,
    subject: models.Model,
    correspondence: Correspondence,
    body: str,
    files: Iterable[tuple[UploadedFile, str]] = (),
) -> Message:
    """The submitter writes (an answer, more information, more files); staff are e-mailed. An answer to a formal
    question moves the record back to where it was before it waited."""
    with _stored_files() as stored:
        message = _post(
            subject=subject,
            correspondence=correspondence,
            author_kind=Message.Author.SUBMITTER,
            author=None,
            author_name=correspondence.submitter_name(subject),
            author_lab="",
            body=body,
            files=files,
            stored=stored,
        )
        workflow = correspondence.workflow
        if workflow.waiting and subject.status == workflow.waiting:
            correspondence.move(
                subject, to=_status_before_waiting(subject, workflow), by=None, actor_label=SUBMITTER, note=""
            )
        queue_email(
            to=correspondence.staff_recipients(subject),
            template="conversation_submitter_message",
            context={
                "subject": subject,
                "message": message,
                "admin_url": correspondence.admin_url(subject),
                "status_label": workflow.label(subject.status),
            },
            language=settings.LANGUAGE_CODE,
        )
    return message


def send_information_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind, once, every submitter who has not answered a formal question for INFORMATION_REMINDER_DAYS.
    Returns how many were reminded. Run daily (deploy/joint-lab-portal-daily.service)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.INFORMATION_REMINDER_DAYS)
    reminded = 0
    for correspondence in registry.correspondences:
        waiting = correspondence.model.objects.filter(status=correspondence.workflow.waiting)
        for subject in waiting.iterator():
            question = open_question(subject, correspondence.workflow)
            if question is None or question.reminded_at or question.sent_at > cutoff:
                continue
            with transaction.atomic():
                question.reminded_at = timezone.now()
                question.save(update_fields=["reminded_at"])
                _tell_submitter(subject, correspondence, question, template="conversation_reminder")
            reminded += 1
    return reminded


def _post(*, subject, correspondence, author_kind, author, author_name, author_lab, body, files, stored, **extra):
    body = (body or "").strip()
    if not body:
        raise MessageRefused(_("Write a message before sending it."))
    if len(body) > settings.MESSAGE_MAX_LENGTH:
        raise MessageRefused(
            _("Keep the message under %(limit)d characters; it has %(count)d.")
            % {"limit": settings.MESSAGE_MAX_LENGTH, "count": len(body)}
        )
    # Locked, so a withdrawal racing the message cannot leave a message on a closed record.
    current = type(subject).objects.select_for_update().only("status").get(pk=subject.pk)
    if not correspondence.is_open(current):
        raise MessageRefused(
            _("This matter is closed (%(status)s): no more messages can be added.")
            % {"status": correspondence.workflow.public_label(current.status)}
        )
    subject.status = current.status  # what the moves below start from
    message = Message.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        author_kind=author_kind,
        author=author,
        author_name=author_name[:200],
        author_lab=author_lab[:200],
        body=body,
        **extra,
    )
    for uploaded, kind in files:
        attachment = MessageAttachment(
            message=message, original_name=uploaded.name[:255], kind=kind, size=uploaded.size
        )
        attachment.file.save(uploaded.name, uploaded, save=False)
        stored.append(attachment.file.name)
        attachment.save()
    return message


def _tell_submitter(subject, correspondence, message, *, template):
    reply_to = correspondence.reply_to(subject)
    queue_email(
        to=[subject.email],
        template=template,
        context={
            correspondence.name: subject,
            "subject": subject,
            "submitter_name": correspondence.submitter_name(subject),
            "message": message,
            "status_url": site_url(subject.get_status_url()),
            "lab_name": correspondence.lab_name(subject),
            "reply_to": reply_to,
        },
        language=subject.language,
        reply_to=reply_to,
    )


def _status_before_waiting(subject, workflow):
    """Where an answered question leaves the record: the status it had when staff asked, if the workflow allows
    going back there, else the first open status it allows (under review)."""
    asked = (
        StatusChange.objects.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, to_status=workflow.waiting
        )
        .order_by("-changed_at", "-pk")
        .first()
    )
    allowed = workflow.targets(workflow.waiting)
    if asked and asked.from_status in allowed:
        return asked.from_status
    return next(
        status
        for status in workflow.status_choices.values
        if status in allowed and not workflow.is_final(status) and status != workflow.withdrawn
    )


@contextlib.contextmanager
def _stored_files():
    """One transaction for the message, its files and its e-mails; stored files are removed again if it fails."""
    names = []
    try:
        with transaction.atomic():
            yield names
    except BaseException:
        for name in names:
            private_storage().delete(name)
        raise


# --- personal data -------------------------------------------------------------------------------------------


def thread_personal_data(subject):
    """The conversation as the submitter's data download lists it (staff shown by name and lab, as on the page)."""
    return [
        {
            "sent_at": message.sent_at.isoformat(),
            "from": message.author_name if message.from_staff else "you",
            "lab": message.author_lab,
            "message": message.body,
            "files": [{"name": file.original_name, "size_bytes": file.size} for file in message.attachments.all()],
        }
        for message in thread(subject)
    ]


def erase_thread(subject):
    """Delete the conversation of a record whose personal data is erased; returns the names of its stored files,
    for the caller to delete after the commit."""
    messages = thread(subject)
    names = [file.file.name for message in messages for file in message.attachments.all()]
    messages.delete()
    return names
