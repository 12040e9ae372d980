"""What the private status pages of challenge requests and applications have in common: the summary of what was
sent, the conversation's reply form, withdrawal with confirmation, and a helpful page for a link that leads nowhere.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .conversation import MessageRefused, message_attachment, open_question, thread
from .downloads import private_file_response
from .forms import MessageForm
from .ratelimit import allow_key
from .uploads import FILE_KINDS
from .workflow import TransitionNotAllowed, public_timeline


def submitted_summary(obj, field_names):
    """[(label, value)] of the fields a submitter filled in, as a person reads them: choices by their label,
    linked records by name, empty answers left out."""
    rows = []
    for name in field_names:
        field = obj._meta.get_field(name)
        if isinstance(field, models.ManyToManyField):
            value = ", ".join(str(item) for item in getattr(obj, name).all())
        elif field.choices:
            value = getattr(obj, f"get_{name}_display")()
        else:
            value = getattr(obj, name)
        if value not in ("", None):
            rows.append((field.verbose_name[:1].upper() + field.verbose_name[1:], value))
    return rows


def status_page_context(subject, *, correspondence, form=None, allowed_files):
    """The parts every status page shows: status, timeline, the open question, the thread and the reply form."""
    workflow = correspondence.workflow
    is_open = correspondence.is_open(subject)
    return {
        "status_label": workflow.public_label(subject.status),
        "timeline": public_timeline(subject, workflow),
        "can_withdraw": workflow.can_withdraw(subject.status),
        "open_question": open_question(subject, workflow),
        "thread": thread(subject),
        "reply_form": (form or MessageForm(allowed_files=allowed_files)) if is_open else None,
    }


def reply_from_status_page(request, subject, *, write, allowed_files):
    """Handle the reply form of a status page. Returns (response, form): a redirect once the message is stored, or
    None and the bound form to show again with what was typed and why it was refused."""
    form = MessageForm(request.POST, request.FILES, allowed_files=allowed_files)
    # Counted per private link: a leaked link cannot be used to flood the lab's inbox.
    link_key = "message:" + hashlib.sha256(subject.status_token.encode()).hexdigest()
    if not allow_key(link_key, settings.MESSAGE_RATE_LIMIT):
        form.is_valid()
        form.add_error(None, _("You have sent many messages in a short time. Please wait an hour and try again."))
        return None, form
    if form.is_valid():
        try:
            write(subject, body=form.cleaned_data["body"], files=form.cleaned_data["files"])
        except MessageRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message was sent to the lab. You will be e-mailed their answer."))
            return redirect(subject.get_status_url() + "#conversation"), form
    return None, form


def withdraw_with_confirmation(
    request, subject, *, workflow, withdraw, template, context_name, done_message, refused_message
):
    """GET asks for confirmation on its own page; POST runs the app's withdraw service and returns to the status
    page with a message either way."""
    if request.method == "POST":
        return withdraw_and_return(
            request, subject, withdraw=withdraw, done_message=done_message, refused_message=refused_message
        )
    if not workflow.can_withdraw(subject.status):
        messages.error(request, refused_message)
        return redirect(subject.get_status_url())
    return render(request, template, {context_name: subject})


def withdraw_and_return(request, submission, *, withdraw, done_message, refused_message):
    """Run the app's withdraw (or cancel) service and come back to the status page with a message either way."""
    try:
        withdraw(submission)
    except TransitionNotAllowed:
        messages.error(request, refused_message)
    else:
        messages.success(request, done_message)
    return redirect(submission.get_status_url())


def conversation_file_response(subject, attachment_id):
    """A file of this record's conversation as a download from its status page; another record's file is a 404."""
    attachment = message_attachment(subject, attachment_id)
    if attachment is None:
        raise Http404
    kind = FILE_KINDS[attachment.kind]
    return private_file_response(attachment.file, filename=attachment.original_name, content_type=kind.content_type)


def link_not_found(request, *, title, lead, advice):
    """The 404 page of a private link that leads nowhere: mistyped, cut by an e-mail program, or erased after
    the retention period. It says what to do instead of the generic "page not found"."""
    return render(
        request,
        "portal/private_link_not_found.html",
        {"title": title, "lead": lead, "advice": advice, "inbox": settings.PORTAL_INBOX_EMAIL},
        status=404,
    )
