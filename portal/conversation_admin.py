"""The conversation on a submission's admin page: the thread beside the status history, and a form to write to
the submitter (portal.conversation). Each app's admin says who may take part and which service writes."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .conversation import MessageRefused, awaiting_staff_reply, message_attachment, thread
from .downloads import private_file_response
from .forms import StaffMessageForm
from .uploads import FILE_KINDS
from .workflow import TransitionNotAllowed, history

POST_FLAG = "_conversation"
# The workflow's note stays with staff; the submitter is only ever reached through the conversation.
MOVE_NOTE_HELP = gettext_lazy(
    "Staff only: kept in the status history. To write to the submitter, use the conversation above."
)  # the message form's submit button: tells it from the record's own form


class ConversationAdminMixin:
    """Put before the ModelAdmin base. Subclasses set `conversation_files` (the file kinds staff may attach) and
    `conversation_workflow`, and implement `write_to_submitter(request, obj, form)` with the app's service."""

    change_form_template = "admin/conversation_change_form.html"
    conversation_files = ("pdf",)
    conversation_workflow = None
    # The page reads in order: the first fieldsets (what the submitter sent), the conversation, then the rest.
    conversation_after_fieldsets = 1

    def may_read_conversation(self, request, obj):
        """Who sees the thread (and the history beside it): by default whoever may see the record."""
        return self.has_view_permission(request, obj)

    def may_write_to_submitter(self, request, obj):
        return self.may_read_conversation(request, obj) and self.has_change_permission(request, obj)

    def write_to_submitter(self, request, obj, form):
        raise NotImplementedError

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "<path:object_id>/conversation/files/<int:attachment_id>/",
                self.admin_site.admin_view(self.conversation_file_view),
                name=f"{meta.app_label}_{meta.model_name}_conversation_file",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        form = None
        if object_id and request.method == "POST" and POST_FLAG in request.POST:
            obj = self._conversation_subject(request, object_id, write=True)
            form = StaffMessageForm(request.POST, request.FILES, allowed_files=self.conversation_files)
            if form.is_valid():
                try:
                    self.write_to_submitter(request, obj, form)
                except (MessageRefused, TransitionNotAllowed) as refusal:
                    form.add_error(None, str(refusal))
                else:
                    self.message_user(request, _("Your message was sent to the submitter."), messages.SUCCESS)
                    return HttpResponseRedirect(request.path + "#conversation")
            # Back to the page with what was typed and why it was refused; the record's own form is not saved.
            request.method = "GET"
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.may_read_conversation(request, obj):
                extra_context = {**(extra_context or {}), "conversation": self._conversation(request, obj, form)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def conversation_file_view(self, request, object_id, attachment_id):
        """A file of the conversation: only for those who may take part in it."""
        obj = self._conversation_subject(request, object_id)
        attachment = message_attachment(obj, attachment_id)
        if attachment is None:
            raise Http404
        kind = FILE_KINDS[attachment.kind]
        return private_file_response(
            attachment.file,
            filename=f"{obj.reference}-message-file-{attachment.pk}{kind.extensions[0]}",
            content_type=kind.content_type,
        )

    def _conversation_subject(self, request, object_id, *, write=False):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        allowed = self.may_write_to_submitter if write else self.may_read_conversation
        if not allowed(request, obj):
            raise PermissionDenied
        return obj

    def _conversation(self, request, obj, form):
        workflow = self.conversation_workflow
        meta = self.model._meta
        return {
            "messages": thread(obj).select_related("author"),
            "history": [
                (
                    change,
                    workflow.label(change.from_status) if change.from_status else "",
                    workflow.label(change.to_status),
                )
                for change in history(obj)
            ],
            "form": _inside_the_record_form(form or StaffMessageForm(allowed_files=self.conversation_files)),
            "after_fieldsets": self.conversation_after_fieldsets,
            "is_open": not workflow.is_final(obj.status),
            "can_write": self.may_write_to_submitter(request, obj),
            "can_wait": workflow.can_wait(obj.status),
            "post_flag": POST_FLAG,
            "file_url_name": f"admin:{meta.app_label}_{meta.model_name}_conversation_file",
            "object_id": obj.pk,
        }


def _inside_the_record_form(form):
    """The message fields stand inside the record's form on the page: they belong to the message form instead."""
    for field in form.fields.values():
        field.widget.attrs["form"] = "conversation-form"
    return form


class ConversationFilter(admin.SimpleListFilter):
    """Who owes the next message: the records staff should answer, and those waiting for the submitter."""

    title = gettext_lazy("conversation")
    parameter_name = "conversation"
    AWAITING_STAFF = "awaiting_staff"
    AWAITING_SUBMITTER = "awaiting_submitter"

    def lookups(self, request, model_admin):
        return [
            (self.AWAITING_STAFF, gettext_lazy("The submitter wrote last: awaiting our answer")),
            (self.AWAITING_SUBMITTER, gettext_lazy("Waiting for the submitter's information")),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.AWAITING_STAFF:
            return queryset.filter(pk__in=awaiting_staff_reply(queryset.model))
        if self.value() == self.AWAITING_SUBMITTER:
            return queryset.filter(status=queryset.model.WORKFLOW.waiting)
        return queryset
