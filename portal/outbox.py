"""The e-mail outbox: every message is a row saved with the change that causes it, sent after commit.

A mail server that is down delays mail; it never loses or rolls back the change. `manage.py send_outbox`
retries what is still queued.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import OutboxEmail
from .ratelimit import allow_key
from .registry import registry

logger = logging.getLogger(__name__)


class PublicSubmissionMail:
    """The e-mails one public form post causes to addresses typed into it: the submitter's own, their referees'.

    An anonymous visitor chose both the address and some of the text, so this mail is capped: at most
    PUBLIC_EMAILS_PER_SUBMISSION recipients for the post, and PUBLIC_EMAILS_PER_RECIPIENT (a rate such as 10/d) for
    each address across every post, counted in the shared cache. A capped e-mail is kept in the outbox, not sent,
    with the reason: staff see it and can still send it."""

    def __init__(self):
        self.recipients = 0

    def refusal(self, addresses):
        """Why these addresses may not be sent this e-mail ("" when they may). Counts them either way."""
        # Kept in English like the transport errors beside it in the outbox's "last error".
        self.recipients += len(addresses)
        limit, rate = settings.PUBLIC_EMAILS_PER_SUBMISSION, settings.PUBLIC_EMAILS_PER_RECIPIENT
        if self.recipients > limit:
            return f"Not sent: one public submission may e-mail at most {limit} addresses."
        allowed = [allow_key(_recipient_key(address), rate) for address in addresses]
        if not all(allowed):
            return f"Not sent: public forms may e-mail one address at most {rate} (per s, m, h or d)."
        return ""


def _recipient_key(address):
    # Hashed: cache keys are not the place for personal data.
    return "public-email:" + hashlib.sha256(address.strip().lower().encode()).hexdigest()


def render_text(template_name, context):
    """A subject or a plain-text body: text, not HTML, so rendered without HTML escaping (a title with "&" would
    otherwise arrive as "&amp;")."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def queue_email(*, to, template, context, language=None, reply_to="", public_submission=None):
    """Render emails/<template>.{subject.txt,txt,html} in `language` and queue it for after the commit.

    `public_submission` (a PublicSubmissionMail) when a public form post causes this e-mail to an address typed
    into it: the e-mail is then capped (see PublicSubmissionMail)."""
    with translation.override(language or translation.get_language()):
        subject = render_text(f"emails/{template}.subject.txt", context)
        body_text = render_text(f"emails/{template}.txt", context)
        body_html = render_to_string(f"emails/{template}.html", context)
    refusal = public_submission.refusal(to) if public_submission is not None else ""
    email = OutboxEmail.objects.create(
        to="\n".join(to),
        subject=" ".join(subject.split())[:255],
        body_text=body_text,
        body_html=body_html,
        reply_to=reply_to,
        **({"status": OutboxEmail.Status.FAILED, "last_error": refusal} if refusal else {}),
    )
    if refusal:
        logger.warning("E-mail %s (%s) held back: %s", email.pk, template, refusal)
    else:
        transaction.on_commit(lambda: deliver_email_task.enqueue(email.pk))
    return email


def site_url(path):
    """An absolute link for an e-mail (SITE_URL + path)."""
    return f"{settings.SITE_URL}{path}"


def queue_status_email(*, submission, workflow, template, name, reply_to=""):
    """Tell a submitter (enterprise or student) of their submission's new status, in the language they used.
    `reply_to`: the lab's inbox, so that an answer by e-mail reaches someone; without one the e-mail points to the
    conversation on the status page."""
    queue_email(
        to=[submission.email],
        template=template,
        context={
            name: submission,
            "status_label": workflow.public_label(submission.status),
            "status_url": site_url(submission.get_status_url()),
            "reply_to": reply_to,
        },
        language=submission.language,
        reply_to=reply_to,
    )


def deliver(email_id):
    """Send one queued e-mail. Never raises: a failure is recorded on the row and left for a retry."""
    with transaction.atomic():
        # The row lock keeps two workers from sending the same message; a locked row is someone else's.
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutboxEmail.Status.QUEUED)
            .first()
        )
        if email is None:
            return False
        email.attempts += 1
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.recipients,
            reply_to=[email.reply_to] if email.reply_to else None,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        for attachments in registry.email_attachments:
            for filename, content, mimetype in attachments(email):
                message.attach(filename, content, mimetype)
        try:
            message.send(fail_silently=False)
        except Exception as error:  # any transport failure: keep the mail, record why
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                email.status = OutboxEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, email.last_error)
            return False
        email.status = OutboxEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return True


@task()
def deliver_email_task(email_id: int):
    """Delivery as a background task: at once by default, by the worker (db_worker) in production."""
    return deliver(email_id)


def send_outbox(*, limit=None):
    """Try every queued e-mail once, oldest first. Returns (sent, still_queued_or_failed)."""
    queued = OutboxEmail.objects.filter(status=OutboxEmail.Status.QUEUED).order_by("created_at", "pk")
    ids = list(queued.values_list("pk", flat=True)[:limit] if limit else queued.values_list("pk", flat=True))
    sent = sum(1 for email_id in ids if deliver(email_id))
    return sent, len(ids) - sent


def outbox_retry(*, emails: models.QuerySet) -> int:
    """Staff's "try again now": every selected e-mail not yet sent, including those given up on, once more.
    Returns how many went out."""
    sent = 0
    for email in emails.exclude(status=OutboxEmail.Status.SENT):
        if email.status == OutboxEmail.Status.FAILED:
            OutboxEmail.objects.filter(pk=email.pk).update(status=OutboxEmail.Status.QUEUED)
        sent += deliver(email.pk)
    return sent


def outbox_purge_sent(*, now: datetime.datetime | None = None) -> int:
    """Delete e-mails sent more than OUTBOX_RETENTION_DAYS ago: they repeat names and private links, and are kept
    only as long as needed to answer questions. Returns how many were deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    _total, by_model = OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT, sent_at__lt=cutoff).delete()
    return by_model.get(OutboxEmail._meta.label, 0)  # not the files apps attached to them (deleted with them)
